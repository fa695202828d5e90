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
            .value("--cluster-name", "name", help: "The kind cluster name when it is given on kind's command line (kind create cluster --name)."),
            .value("--kind", "file", help: "The kind config."),
            .value("--clab", "file", help: "The containerlab topology (VyOS binds are relative to it)."),
            .value("--vyos", "file", help: "A VyOS config.boot or set-command file.", repeatable: true),
            .value("--calico", "file", help: "A Calico IPPool file or Calico manifest.", repeatable: true),
            .value("--calico-node", "file", help: "The calico-node patch (IP autodetection)."),
            .value("--flannel", "file", help: "A kube-flannel-cfg ConfigMap (net-conf.json) or kube-flannel.yml."),
            .value("--cilium", "file", help: "Cilium Helm values, or a script that runs cilium/helm install --set."),
            .value("--kubeadm", "file", help: "A standalone kubeadm patch.", repeatable: true),
            .value("--bridges", "file", help: "The script that creates the host bridges.", repeatable: true),
            .value("--format", "format", help: "Output format.", choices: ["text", "json", "github"]),
            .flag("--strict", help: "Treat warnings as errors (exit status 1)."),
        ],
        positionals: [CommandSpec.Positional("dir", help: "The lab folder (default: the current folder unless files are named).")])

    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        let (facts, folderArgument, where_) = try readFacts(arguments, in: context, command: spec.name)
        let (checked, notFound) = coverage(facts)
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
                "\(where_.debugEscaped): \(errors) error\(errors == 1 ? "" : "s"), "
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
        let explicitOptions: [(String, ArtifactDiscovery.Kind)] = [
            ("--kind", .kindConfig), ("--clab", .containerlab), ("--vyos", .vyos), ("--calico", .calicoPools),
            ("--calico-node", .calicoNode), ("--kubeadm", .kubeadmPatch), ("--bridges", .bridgeScript),
            ("--flannel", .flannelConfig), ("--cilium", .ciliumValues),
        ]
        var explicit: [(path: String, kind: ArtifactDiscovery.Kind)] = []
        for (option, kind) in explicitOptions {
            for path in arguments.all(option) { explicit.append((path, kind)) }
        }
        let folderArgument = arguments.positionals.first ?? (explicit.isEmpty ? "." : nil)
        var files: [(path: String, text: String)] = []
        var scanProblems: [Diagnostic] = []
        var expected: [String: ArtifactDiscovery.Kind] = [:]
        var folderURL: URL?
        if let folderArgument {
            let url = context.url(folderArgument)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw UsageError(
                    "Cannot read the lab folder '\(folderArgument.debugEscaped)': no such folder.", command: command)
            }
            guard isDirectory.boolValue else {
                throw UsageError(
                    "'\(folderArgument.debugEscaped)' is a file, not a folder; "
                        + "name its folder, or the file with --kind, --clab, ...",
                    command: command)
            }
            folderURL = url.standardizedFileURL
            (files, scanProblems) = ArtifactDiscovery.scan(url)
        }
        for (path, kind) in explicit {
            let url = context.url(path).standardizedFileURL
            let data: Data
            do {
                data = try IOProblem.read(url, shown: path.debugEscaped, what: "the file")
            } catch let error as LabInputError {
                throw UsageError(error.description + ".", command: command)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw UsageError("Cannot read '\(path.debugEscaped)': not UTF-8 text.", command: command)
            }
            // A file inside the folder keeps its folder-relative name.
            var shown = path
            if let folderURL, url.path.hasPrefix(folderURL.path + "/") {
                shown = String(url.path.dropFirst(folderURL.path.count + 1))
                files.removeAll { $0.path == shown }
            }
            if (kind == .calicoPools || kind == .calicoNode),
                ArtifactDiscovery.classify(text).isDisjoint(with: [.calicoPools, .calicoNode, .calicoInstallation])
            {
                throw UsageError("'\(path)' holds no Calico IPPool, Installation or calico-node settings.", command: command)
            }
            files.append((shown, text))
            if kind != .calicoPools && kind != .calicoNode { expected[shown] = kind }
        }
        var facts = LabFacts.read(files, expected: expected, clusterName: arguments.value("--cluster-name"))
        facts.readDiagnostics += scanProblems
        // Binds are relative to the topology file: know the files next to a topology named from elsewhere.
        if let clab = explicit.first(where: { $0.kind == .containerlab }), let shownClab = facts.clab?.file,
            shownClab == clab.path
        {
            let directory = context.url(clab.path).deletingLastPathComponent()
            let prefix = clab.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            if directory.standardizedFileURL.path != folderURL?.path {
                for (path, text) in ArtifactDiscovery.files(in: directory) {
                    let shown = prefix.isEmpty ? path : (clab.path.hasPrefix("/") && prefix.isEmpty ? "/" : prefix + "/") + path
                    facts.files.insert(LabFacts.normalize(shown))
                    if ArtifactDiscovery.classify(text) == [.vyos], facts.vyos[LabFacts.normalize(shown)] == nil {
                        var diagnostics: [Diagnostic] = []
                        if let vyos = VyOSFactsReader.read(text, file: shown, diagnostics: &diagnostics) {
                            facts.vyos[LabFacts.normalize(shown)] = vyos
                        }
                        facts.readDiagnostics += diagnostics
                    }
                }
            }
        }
        let where_ = folderArgument ?? explicit.map(\.path).joined(separator: ", ")
        if facts.kind == nil && facts.clab == nil && facts.vyos.isEmpty && facts.pools.isEmpty && facts.flannel.isEmpty
            && facts.cilium.isEmpty && facts.readDiagnostics.isEmpty
        {
            context.err(
                "error: no lab artifacts (kind config, containerlab topology, VyOS, Calico) found in "
                    + "\(where_.debugEscaped); "
                    + "name the lab folder, or the files with --kind, --clab, --vyos, --calico\n")
            throw CommandExit(status: ExitStatus.usage)
        }
        return (facts, folderArgument, where_)
    }

    /// What was checked ("kind config", "2 VyOS configs", ...) and which kinds of artifact were not found,
    /// so that a clean result on a folder without, say, a kind config does not read as a clean lab.
    static func coverage(_ facts: LabFacts) -> (checked: [String], notFound: [String]) {
        var checked: [String] = []
        var notFound: [String] = []
        func count(_ n: Int, _ what: String) {
            if n == 0 { notFound.append(what) } else { checked.append(n == 1 ? what : "\(n) \(what)s") }
        }
        count(facts.kind == nil ? 0 : 1, "kind config")
        count(facts.clab == nil ? 0 : 1, "containerlab topology")
        if facts.vyos.isEmpty { notFound.append("VyOS config") } else {
            checked.append(
                "\(facts.vyos.count) VyOS config\(facts.vyos.count == 1 ? "" : "s")"
                    + (VyOSFactsReader.releaseSummary(facts.vyos).map { " (\($0))" } ?? ""))
        }
        if !facts.flannel.isEmpty {
            count(facts.flannel.count, "kube-flannel net-conf")
        } else if !facts.cilium.isEmpty {
            let installs = facts.ciliumInstalls.count
            checked.append(installs == 1 ? "Cilium values" : "\(installs) sets of Cilium values")
        } else if facts.pools.isEmpty {
            notFound.append("Calico pool")
        } else {
            checked.append("\(facts.pools.count) Calico pool\(facts.pools.count == 1 ? "" : "s")")
        }
        // Calico BGPPeers and Cilium BGP peers: only when the lab has them (most labs peer no BGP from the nodes).
        if !facts.nodeBGPPeers.isEmpty {
            let count = facts.nodeBGPPeers.count
            checked.append("\(count) node BGP peering\(count == 1 ? "" : "s") (Calico/Cilium)")
        }
        return (checked, notFound)
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
                    notes: d.notes.map { Report.Entry.Note(message: $0.message, file: $0.location?.file, line: $0.location?.line, column: $0.location?.column) })
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
            let file = base.map { location.file.hasPrefix("/") ? location.file : $0 + "/" + location.file } ?? location.file
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
