import Foundation
import LabModel
import LabgenCore

/// `labgen verify [DIR]`: reads a lab's artifacts (generated or hand-written) and checks that
/// they agree with one another.
enum VerifyCommand: Subcommand {
    static let spec = CommandSpec(
        name: "verify",
        abstract: "Check that a lab's kind, containerlab, VyOS, Calico and kubeadm files agree with one another.",
        discussion: """
            Finds the artifacts of DIR (default: the current folder) by their content: kind config, containerlab
            topology, VyOS config.boot (1.2 to 1.5; the summary names each one's release) or set commands, Calico
            IPPool, kubeadm patches, calico-node patch or manifest, bridge script. Options name files explicitly
            (for example a kind config kept elsewhere).

            SCRIPTS: *.sh files and files with a shell #! are read as shell, never as YAML. Read from them:
            the kind config of 'kind create cluster ... --config=-' fed by a heredoc (cat <<EOF | kind create
            ..., <<'EOF', <<-EOF; or cat > F <<EOF then --config F), with the cluster name and image from
            --name/--image on that line (so --cluster-name is not needed); host bridges (brctl addbr, ip link
            add [name] X type bridge, ip l a X type bridge, ovs-vsctl add-br, loops over a literal list);
            addresses put on host bridges. Not read: heredocs fed to clab deploy (the topology file is
            read). Noted: kind configs using shell variables the script does not set (not checked), further
            kind configs of a multi-cluster lab. Also noted, not checked: YAML that is no artifact and does not parse,
            subfolders with their own topology (another lab), node kinds and configs labgen does not model
            (FRR, VPP, sonic-vm, generic_vm, ...).

            Exit status 0 when there is no error (warnings allowed unless --strict), 1 on errors, 2 on usage and
            I/O problems (unknown option, a folder or file that cannot be read, a folder with no lab artifacts).
            'labgen explain <ID>' explains a rule.

            RULES:
            \(Rule.catalogue.map { "  \($0.id)  \($0.severity == .warning ? "(warning) " : "")\($0.summary)" }.joined(separator: "\n"))
            """,
        options: [
            .value(
                "--cluster-name", "name",
                help: "The kind cluster name when it is given on kind's command line (kind create cluster --name).")
        ]
            + ArtifactDiscovery.verifyOptions.map { .value($0.name, "file", help: $0.help, repeatable: $0.repeatable) }
            + [
                .value("--format", "format", help: "Output format.", choices: ["text", "json", "github"]),
                .flag("--strict", help: "Treat warnings as errors (exit status 1)."),
            ],
        positionals: [
            CommandSpec.Positional("dir", help: "The lab folder (default: the current folder unless files are named).")
        ])

    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        let (facts, folderArgument, shown) = try readFacts(arguments, in: context, command: spec.name)
        let (checked, notFound) = facts.coverage
        let diagnostics = Verifier.verify(facts)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        switch arguments.value("--format") ?? "text" {
        case "json":
            context.out(json(diagnostics, errors: errors, warnings: warnings, checked: checked, notFound: notFound))
        case "github":
            let base = folderArgument.flatMap { $0 == "." ? nil : $0 }
            for diagnostic in diagnostics { context.out(github(diagnostic, base: base)) }
        default:
            for diagnostic in diagnostics { context.out(diagnostic.description + "\n") }
            let found = checked.isEmpty ? "nothing" : checked.joined(separator: ", ")
            let missing = notFound.isEmpty ? "" : "; not found: \(notFound.joined(separator: ", "))"
            context.out(
                "\(shown.debugEscaped): \(errors) error\(errors == 1 ? "" : "s"), "
                    + "\(warnings) warning\(warnings == 1 ? "" : "s") "
                    + "(checked \(found)\(missing))\n")
        }
        if errors > 0 || (arguments.flag("--strict") && warnings > 0) { return ExitStatus.failure }
        return ExitStatus.success
    }

    /// The facts of the lab named by DIR and the file options (shared with `labgen import`); the folder
    /// argument and how to name the lab in messages.
    static func readFacts(_ arguments: ParsedArguments, in context: CLIContext, command: String) throws
        -> (facts: LabFacts, folder: String?, shown: String)
    {
        let named = ArtifactDiscovery.verifyOptions.flatMap { option in
            arguments.all(option.name).map { LabInput.NamedFile(path: $0, url: context.url($0), option: option) }
        }
        let folder = arguments.positionals.first ?? (named.isEmpty ? "." : nil)
        let input = LabInput(
            folder: folder.map { ($0, context.url($0)) }, named: named, clusterName: arguments.value("--cluster-name"))
        do {
            return (try ArtifactDiscovery.read(input), folder, input.shown)
        } catch .unusable(let message) {
            throw UsageError(message, command: command)
        } catch .noArtifacts(let message) {
            context.err("error: \(message)\n")
            throw CommandExit(status: ExitStatus.usage)
        }
    }

    struct Report: Encodable {
        struct Entry: Encodable {
            struct Note: Encodable {
                var message: String
                var file: String?
                var line: Int?
                var column: Int?
            }
            var id: String
            var severity: String
            var message: String
            var file: String?
            var line: Int?
            var column: Int?
            var notes: [Note]
        }
        var errors: Int
        var warnings: Int
        /// What was found and checked, and which kinds of artifact were not found.
        var checked: [String]
        var notFound: [String]
        var diagnostics: [Entry]
    }

    static func json(
        _ diagnostics: [Diagnostic], errors: Int, warnings: Int, checked: [String], notFound: [String]
    ) -> String {
        let report = Report(
            errors: errors, warnings: warnings, checked: checked, notFound: notFound,
            diagnostics: diagnostics.map { d in
                Report.Entry(
                    id: d.id.rawValue, severity: d.severity.rawValue, message: d.message, file: d.location?.file,
                    line: d.location?.line, column: d.location?.column,
                    notes: d.notes.map {
                        Report.Entry.Note(
                            message: $0.message, file: $0.location?.file, line: $0.location?.line,
                            column: $0.location?.column)
                    })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A GitHub workflow command: `::error file=F,line=L,col=C,title=LG002::message`.
    static func github(_ diagnostic: Diagnostic, base: String?) -> String {
        let level = diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "notice"
        var properties: [String] = []
        if let location = diagnostic.location {
            let file =
                base.map { location.file.hasPrefix("/") ? location.file : $0 + "/" + location.file } ?? location.file
            properties += ["file=\(property(file))", "line=\(location.line)", "col=\(location.column)"]
        }
        properties.append("title=labgen \(diagnostic.id)")
        var message = diagnostic.message
        for note in diagnostic.notes {
            message += "\n" + (note.location.map { "\($0): " } ?? "") + "note: " + note.message
        }
        return "::\(level) \(properties.joined(separator: ","))::\(GitHubAnnotation.escape(message))\n"
    }

    static func property(_ text: String) -> String {
        GitHubAnnotation.property(text)
    }
}
