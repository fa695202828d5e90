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
            or a write error before the swaps, nothing is written and the exit status is 1. labgen never
            writes through a symbolic link: one below the output folder, or an --output that is one, is an error.
            """,
        options: [LabSelection.outputOption] + LabSelection.options + [.flag("--quiet", help: "Print only diagnostics.")],
        positionals: [LabSelection.labFiles])

    /// Test hook: the process exits abruptly before the N-th file write (N from 1), as a kill would.
    static let crashVariable = "LABGEN_TEST_EXIT_BEFORE_WRITE"

    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        guard let (_, labs) = try LabSelection.compile(arguments, in: context) else { return ExitStatus.failure }
        let root = LabSelection.outputFolder(arguments, in: context)
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
            reports = try writer.write(labs.compactMap(\.rendered))
        } catch {
            context.err("error: \(error)\n")
            return ExitStatus.failure
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
