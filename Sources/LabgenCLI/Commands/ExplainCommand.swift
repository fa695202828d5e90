import LabModel
import LabgenCore

/// `labgen explain [ID]`: the rule catalogue, or the long explanation of one rule.
enum ExplainCommand: Subcommand {
    static let spec = CommandSpec(
        name: "explain",
        abstract: "Explain a diagnostic ID (LG001...), or list all of them.",
        discussion: """
            Without an ID, lists the cross-artifact rules of 'labgen verify' (LG0nn) and the model checks of
            'labgen build' (LG1nn). With an ID, prints what the rule checks and what breaks in a real lab.
            """,
        positionals: [CommandSpec.Positional("id", help: "A diagnostic ID such as LG002.")])

    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        guard let requested = arguments.positionals.first else {
            var lines = ["Cross-artifact rules (labgen verify, and labgen build on what it renders):"]
            for rule in Rule.catalogue {
                lines.append("  \(rule.id)  \(rule.severity.rawValue.padding(7))  \(rule.summary)")
            }
            lines += ["", "Model checks (labgen build, on the lab description):"]
            for check in ModelCheck.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
                lines.append("  \(check.id)  \((check.isWarning ? "warning" : "error").padding(7))  \(check.summary)")
            }
            lines += ["", "labgen import:", "  \(LabImporter.refusalID)  error    \(importSummary)"]
            lines += ["", "See 'labgen explain <ID>' for one rule.", ""]
            context.out(lines.joined(separator: "\n"))
            return ExitStatus.success
        }
        let id = DiagnosticID(requested.uppercased())
        if let rule = Rule.rule(id) {
            context.out("\(rule.id): \(rule.summary) (default severity: \(rule.severity.rawValue))\n\n\(rule.explanation)\n")
            return ExitStatus.success
        }
        if id == LabImporter.refusalID {
            context.out("\(id): \(importSummary) (labgen import, error)\n\n\(importExplanation)\n")
            return ExitStatus.success
        }
        if let check = ModelCheck(rawValue: id.rawValue) {
            let severity = check.isWarning ? "warning" : "error"
            let where_ = "Reported on the lab description (the Swift DSL), before anything is rendered; the message names the element and its source line."
            let text = check.explanation.map { $0 + "\n\n" + where_ } ?? where_
            context.out("\(check.id): \(check.summary) (model check of 'labgen build', \(severity))\n\n\(text)\n")
            return ExitStatus.success
        }
        let known = Rule.catalogue.map(\.id.rawValue) + ModelCheck.allCases.map(\.rawValue) + [LabImporter.refusalID.rawValue]
        var message = "Unknown diagnostic ID '\(requested)'."
        if let suggestion = Suggestions.closest(to: requested.uppercased(), in: known) {
            message += " Did you mean '\(suggestion)'?"
        }
        throw UsageError(message + " See 'labgen explain' for the list.", command: spec.name)
    }
}

let importSummary = "a construct of a hand-written lab that labgen's model cannot express"
let importExplanation = """
    'labgen import' builds the model it read in memory and compares what labgen would write with the lab's own \
    files, as data. Every kind node, containerlab node, exec command, link, VyOS setting and Calico pool that the \
    rendering does not reproduce is listed at its file:line: BGP or OSPF on a gateway, vif sub-interfaces, VyOS \
    bridges, node kinds other than VyOS gateways, rack bridges and the servers of kind nodes, exec commands other \
    than the node's address and default route, a second kind cluster, nodes without a rack= label. Nothing is \
    written: an import never drops a construct silently. Keep such a lab hand-written, or remove the construct \
    and add it to the generated lab by other means.
    """

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
