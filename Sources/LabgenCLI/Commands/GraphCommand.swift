import Foundation
import LabModel
import LabgenCore

/// `labgen graph [LAB|lab.swift]`: the picture of one lab on standard output, as Mermaid (the
/// flowchart of out/<lab>/topology.md), as that Markdown file, or as the SVG of topology.svg.
enum GraphCommand: Subcommand {
    static let spec = CommandSpec(
        name: "graph",
        abstract: "Print the picture of a lab: a Mermaid flowchart (default) or the SVG of out/<lab>/topology.svg.",
        discussion: """
            The picture shows the outside (source NAT) on top, the gateways and the transit link between them,
            the racks as columns with their subnet and bridge, each node with its role, address and server,
            the links labelled with their interfaces (gateway ethN, server net0), and the pod pools with their
            encapsulation. It is what 'labgen build' writes as out/<lab>/topology.md and topology.svg; this
            command prints it without writing anything. Name one lab: a built-in lab, a lab file, or --lab.
            Exit status 0 on success, 1 when the lab has errors, 2 on usage and I/O problems.
            """,
        options: [
            .value(
                "--format", "format", help: "mermaid (the flowchart), markdown (topology.md) or svg (topology.svg).",
                choices: ["mermaid", "markdown", "svg"])
        ] + LabSelection.options,
        positionals: [
            CommandSpec.Positional(
                "lab", help: "A built-in lab's name (see 'labgen templates') or a lab file (lab.swift).")
        ])

    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        if arguments.positionals.count > 1 { throw UsageError("One lab at a time.", command: nil) }
        var selection = arguments
        if let target = arguments.positionals.first, !target.hasSuffix(".swift") {
            selection.positionals = []
            selection.values["--lab", default: []].append(target)
        }
        guard let (_, labs) = try LabSelection.compile(selection, in: context) else { return ExitStatus.failure }
        guard labs.count == 1, let plan = labs[0].plan else {
            let names = labs.map(\.spec.name).joined(separator: ", ")
            throw UsageError(
                "Name one lab (a lab name, a lab file or --lab); these are \(labs.count): \(names).", command: nil)
        }
        switch arguments.value("--format") ?? "mermaid" {
        case "svg": context.out(TopologyPicture.svg(plan))
        case "markdown": context.out(TopologyPicture.markdown(plan))
        default: context.out(TopologyPicture.mermaid(plan))
        }
        return ExitStatus.success
    }
}
