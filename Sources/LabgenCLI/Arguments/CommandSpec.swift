/// The declared shape of a command's arguments: what `--help` prints and what the parser accepts.
public struct CommandSpec: Sendable {
    public struct Option: Sendable {
        public var name: String
        public var valueName: String?
        public var help: String
        /// Values the option accepts; empty means any.
        public var choices: [String]
        public var repeatable: Bool
        /// How many words follow the option (`--trace <src> <dst>` takes 2).
        public var valueCount = 1

        /// A flag (`--strict`): no value.
        public static func flag(_ name: String, help: String) -> Option {
            Option(name: name, valueName: nil, help: help, choices: [], repeatable: false)
        }

        /// An option with a value (`--format json` or `--format=json`).
        public static func value(
            _ name: String, _ valueName: String, help: String, choices: [String] = [], repeatable: Bool = false
        ) -> Option {
            Option(name: name, valueName: valueName, help: help, choices: choices, repeatable: repeatable)
        }

        /// An option followed by several values (`--trace <src> <dst>`), stored in order.
        public static func values(_ name: String, _ valueNames: [String], help: String) -> Option {
            var option = Option(
                name: name, valueName: valueNames.joined(separator: "> <"), help: help, choices: [], repeatable: false)
            option.valueCount = valueNames.count
            return option
        }

        var isFlag: Bool { valueName == nil }
    }

    public struct Positional: Sendable {
        public var name: String
        public var help: String
        public var optional: Bool
        public var repeating: Bool

        public init(_ name: String, help: String, optional: Bool = true, repeating: Bool = false) {
            self.name = name
            self.help = help
            self.optional = optional
            self.repeating = repeating
        }
    }

    public var name: String
    public var abstract: String
    public var discussion: String
    public var options: [Option]
    public var positionals: [Positional]

    public init(
        name: String, abstract: String, discussion: String = "", options: [Option] = [], positionals: [Positional] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.options = options
        self.positionals = positionals
    }

    /// `labgen verify [--format <format>] [--strict] [<dir>]`
    public var usage: String {
        var parts = ["labgen", name]
        for option in options {
            let text = option.isFlag ? option.name : "\(option.name) <\(option.valueName!)>"
            parts.append("[\(text)]\(option.repeatable ? " ..." : "")")
        }
        for positional in positionals {
            var text = "<\(positional.name)>"
            if positional.repeating { text += " ..." }
            parts.append(positional.optional ? "[\(text)]" : text)
        }
        return parts.joined(separator: " ")
    }

    /// The full `--help` text.
    public var help: String {
        var lines = ["OVERVIEW: \(abstract)", ""]
        if !discussion.isEmpty { lines += [discussion, ""] }
        lines += ["USAGE: \(usage)", ""]
        if !positionals.isEmpty {
            lines.append("ARGUMENTS:")
            for positional in positionals { lines.append(Self.row("<\(positional.name)>", positional.help)) }
            lines.append("")
        }
        lines.append("OPTIONS:")
        for option in options {
            var help = option.help
            if !option.choices.isEmpty { help += " (values: \(option.choices.joined(separator: ", ")))" }
            lines.append(Self.row(option.isFlag ? option.name : "\(option.name) <\(option.valueName!)>", help))
        }
        lines.append(Self.row("-h, --help", "Show help information."))
        return lines.joined(separator: "\n") + "\n"
    }

    static func row(_ left: String, _ right: String) -> String {
        let padded =
            left.count < 24
            ? left + String(repeating: " ", count: 24 - left.count) : left + "\n" + String(repeating: " ", count: 26)
        return "  " + padded + right
    }
}
