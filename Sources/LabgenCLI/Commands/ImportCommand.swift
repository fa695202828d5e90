import Foundation
import LabModel
import LabgenCore

/// `labgen import DIR`: reads a hand-written lab and writes the lab file that reproduces it.
enum ImportCommand: Subcommand {
    static let spec = CommandSpec(
        name: "import",
        abstract: "Write the lab.swift that reproduces a hand-written lab folder.",
        discussion: """
            Reads DIR with the discovery of 'labgen verify' (kind config from a file or a 'kind create cluster' heredoc,
            containerlab topology, the VyOS config each gateway mounts, Calico IPPool, Installation or calico-node
            environment, bridge scripts) and writes a LabKit lab file: Registry, Topology, Cluster with its Calico pools,
            the Gateway with its masquerade rules and static routes, Racks (named by the nodes' rack= label) and Nodes.
            Values labgen's defaults reproduce are left out (server<n>, br-pool<n>, a rack's first host as gateway).

            The imported lab is built in memory and compared with the originals as data. Whatever labgen's model
            cannot express (BGP or vif interfaces on VyOS, other node kinds, exec commands other than the node's
            address and default route, a second kind cluster, ...) is listed with its file:line, and nothing is
            written (exit status 1): import never drops a construct silently. labgen's deliberate corrections of the
            original (full kind container names, the gateway's host-name, ...) are printed as notes.

            Exit status 0 when the lab file was written, 1 when the lab cannot be expressed, 2 on usage and I/O
            problems.
            """,
        options: [
            .value("--output", "file", help: "The lab file to write (default: lab.swift)."),
            .value("--name", "name", help: "The lab name (default: the topology name, else the kind cluster name)."),
            .value(
                "--cluster-name", "name",
                help: "The kind cluster name when it is given on kind's command line (kind create cluster --name)."),
            .value("--kind", "file", help: "The kind config."),
            .value("--clab", "file", help: "The containerlab topology."),
            .value("--vyos", "file", help: "A VyOS config.boot or set-command file.", repeatable: true),
            .value("--calico", "file", help: "A Calico IPPool file or Calico manifest.", repeatable: true),
            .value("--calico-node", "file", help: "The calico-node patch (IP autodetection)."),
            .value("--kubeadm", "file", help: "A standalone kubeadm patch.", repeatable: true),
            .value("--bridges", "file", help: "The script that creates the host bridges.", repeatable: true),
        ],
        positionals: [
            CommandSpec.Positional("dir", help: "The lab folder (default: the current folder unless files are named).")
        ])

    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        let outputPath = arguments.value("--output") ?? "lab.swift"
        let output = context.url(outputPath)
        if (try? output.resourceValues(forKeys: [.isSymbolicLinkKey]).isSymbolicLink) == true {
            throw UsageError(
                "'\(outputPath.debugEscaped)' is a symbolic link; labgen never writes through one.", command: spec.name)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw UsageError(
                "'\(outputPath.debugEscaped)' is a folder; name the lab file to write.", command: spec.name)
        }
        let (facts, _, shown) = try VerifyCommand.readFacts(arguments, in: context, command: spec.name)
        let result = LabImporter.importLab(facts, name: arguments.value("--name"))
        for note in result.notes { context.err(note.description + "\n") }
        guard let lab = result.spec, result.refusals.isEmpty else {
            for refusal in result.refusals { context.err(refusal.description + "\n") }
            let count = result.refusals.count
            context.err(
                "error: labgen's model cannot express \(count) construct\(count == 1 ? "" : "s") of \(shown.debugEscaped); "
                    + "nothing was written\n")
            return ExitStatus.failure
        }
        let text = LabSwiftWriter.write(
            lab,
            comment: ["Imported by 'labgen import' from \(shown)."] + result.corrections.map { "Correction: " + $0 })
        do {
            try Data(text.utf8).write(to: output, options: .atomic)
        } catch {
            context.err("error: cannot write '\(outputPath.debugEscaped)': \(IOProblem.reason(error))\n")
            return ExitStatus.usage
        }
        for correction in result.corrections { context.out("correction: \(correction)\n") }
        context.out("wrote \(outputPath) (lab '\(lab.name.debugEscaped)'); build it with: labgen build \(outputPath)\n")
        return ExitStatus.success
    }
}
