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
            var lines: [String] = []
            let groups: [(DiagnosticDescriptor.Stage, String)] = [
                (.verify, "Cross-artifact rules (labgen verify, and labgen build on what it renders):"),
                (.model, "Model checks (labgen build, on the lab description):"),
                (.importLab, "labgen import:"),
                (.internalError, "labgen's own bugs (labgen build):"),
            ]
            for (stage, title) in groups {
                if !lines.isEmpty { lines.append("") }
                lines.append(title)
                for entry in DiagnosticCatalogue.all where entry.stage == stage {
                    lines.append("  \(entry.id)  \(entry.severity.rawValue.padding(7))  \(entry.summary)")
                }
            }
            lines += ["", "See 'labgen explain <ID>' for one rule.", ""]
            context.out(lines.joined(separator: "\n"))
            return ExitStatus.success
        }
        let id = DiagnosticID(requested.uppercased())
        guard let entry = DiagnosticCatalogue.descriptor(id) else {
            var message = "Unknown diagnostic ID '\(requested)'."
            if let suggestion = Suggestions.closest(
                to: requested.uppercased(), in: DiagnosticCatalogue.all.map(\.id.rawValue))
            {
                message += " Did you mean '\(suggestion)'?"
            }
            throw UsageError(message + " See 'labgen explain' for the list.", command: spec.name)
        }
        let severity = entry.severity.rawValue
        switch entry.stage {
        case .verify:
            context.out("\(entry.id): \(entry.summary) (default severity: \(severity))\n\n\(entry.explanation)\n")
        case .model:
            let where_ =
                "Reported on the lab description (the Swift DSL), before anything is rendered; "
                + "the message names the element and its source line."
            context.out(
                "\(entry.id): \(entry.summary) (model check of 'labgen build', \(severity))\n\n"
                    + "\(entry.explanation)\n\n\(where_)\n")
        case .importLab:
            context.out("\(entry.id): \(entry.summary) (labgen import, \(severity))\n\n\(entry.explanation)\n")
        case .internalError:
            context.out("\(entry.id): \(entry.summary) (labgen build, \(severity))\n\n\(entry.explanation)\n")
        }
        return ExitStatus.success
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
