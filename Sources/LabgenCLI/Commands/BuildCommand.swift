import Foundation
import LabgenCore

#if canImport(Glibc)
import Glibc
#endif

/// `labgen build`: compile labs and write their artifacts below the output folder.
enum BuildCommand: Subcommand {
    static let spec = CommandSpec(
        name: "build",
        abstract: "Compile labs into their kind, containerlab, VyOS, Calico and kubeadm files.",
        discussion: """
            Each lab is resolved (defaults, address allocation, model checks), rendered, read back and
            verified in memory; then every lab is assembled beside its folder, and only when all are assembled
            is each out/<lab>/ replaced, atomically and only where a file changed. With an error in any lab,
            or a write error before the swaps, nothing is written. labgen never writes through a symbolic link:
            one below the output folder, or an --output that is one, is an error.

            Each lab folder records the source it was built from (in out/<lab>/.labgen-manifest): a build
            of another source with the same lab name is refused (exit status 2) unless --force.
            Exit status 0 on success, 1 when a lab has errors (or a lab file does not compile), 2 on usage
            and I/O problems (unknown option, a lab file or output folder that cannot be read or written).
            """,
        options: [LabSelection.outputOption] + LabSelection.options + [
            .flag("--quiet", help: "Print only diagnostics."),
            .flag("--force", help: "Replace lab folders built from another source."),
        ],
        positionals: [LabSelection.labFiles])

    /// Test hook: the process exits abruptly before the N-th file write (N from 1), as a kill would.
    static let crashVariable = "LABGEN_TEST_EXIT_BEFORE_WRITE"

    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        let root = LabSelection.outputFolder(arguments, in: context)
        if let problem = OutputOwnership.outputProblem(root, shown: arguments.value("--output") ?? "out") {
            context.err("error: \(problem)\n")
            return ExitStatus.usage
        }
        guard let (inputs, labs) = try LabSelection.compile(arguments, in: context) else { return ExitStatus.failure }
        var rendered: [RenderedLab] = []
        for lab in labs {
            guard var one = lab.rendered else { continue }
            one.source = OutputOwnership.source(of: lab.spec, inputs: inputs, root: root, context: context)
            rendered.append(one)
        }
        // A lab folder built from another source is not replaced silently; nothing is written then.
        if !arguments.flag("--force") {
            let conflicts = rendered.compactMap { OutputOwnership.conflict($0, root: root, context: context) }
            for conflict in conflicts { context.err("error: \(conflict)\n") }
            if !conflicts.isEmpty {
                context.err("error: nothing was written\n")
                return ExitStatus.usage
            }
        }
        var writer = OutputWriter(root: root)
        if let limit = context.environment[crashVariable].flatMap(Int.init) {
            nonisolated(unsafe) var count = 0
            writer.beforeWrite = { _ in
                count += 1
                if count >= limit { _exit(99) }
            }
        }
        // All or nothing across labs: every lab is assembled first, then all are swapped in.
        let reports: [LabWriteReport]
        do {
            reports = try writer.write(rendered)
        } catch {
            // An I/O problem: name the lab folder, never labgen's temporary folder beside it.
            var path = error.path
            for lab in rendered {
                for temporary in [".labgen-\(lab.name).tmp", ".labgen-\(lab.name).old"] {
                    // A file being assembled is shown at its place in the lab folder; a stray
                    // .tmp/.old entry itself keeps its own name (it is what the user must remove).
                    path = path.replacingOccurrences(of: "/" + temporary + "/", with: "/" + lab.name + "/")
                }
            }
            context.err("error: \(context.display(URL(fileURLWithPath: path))): \(error.message)\n")
            return ExitStatus.usage
        }
        if !arguments.flag("--quiet") {
            for report in reports {
                let folder = context.display(root.appendingPathComponent(report.lab))
                var parts = ["\(report.written.count) written", "\(report.unchanged.count) unchanged"]
                if !report.removed.isEmpty { parts.append("\(report.removed.count) removed") }
                context.out("\(folder): \(parts.joined(separator: ", "))\n")
            }
        }
        return ExitStatus.success
    }
}
