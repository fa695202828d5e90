import LabgenCore

/// A usage error: printed as `Error: ...` followed by the command's usage; exit status 2.
public struct UsageError: Error, Equatable, Sendable {
    public var message: String
    public var command: String?

    public init(_ message: String, command: String?) {
        self.message = message
        self.command = command
    }
}

/// Parsed arguments of one command.
public struct ParsedArguments: Sendable {
    public var positionals: [String] = []
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []
    public var wantsHelp = false

    public func value(_ name: String) -> String? { values[name]?.last }
    public func all(_ name: String) -> [String] { values[name] ?? [] }
    public func flag(_ name: String) -> Bool { flags.contains(name) }
}

/// Parses arguments against a `CommandSpec`: long options (`--name value`, `--name=value`),
/// flags, `--` to end options, and positionals. Unknown options get a did-you-mean suggestion.
public enum ArgumentParser {
    public static func parse(_ arguments: [String], for spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                result.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "-h" || argument == "--help" {
                result.wantsHelp = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                var message = "Unknown option '\(name)'."
                if let suggestion = Suggestions.closest(to: name, in: spec.options.map(\.name) + ["--help"]) {
                    message += " Did you mean '\(suggestion)'?"
                }
                throw UsageError(message, command: spec.name)
            }
            if option.isFlag {
                if inlineValue != nil {
                    throw UsageError("The flag '\(name)' does not take a value.", command: spec.name)
                }
                result.flags.insert(name)
                continue
            }
            if option.valueCount > 1 {
                guard inlineValue == nil, index + option.valueCount <= arguments.count else {
                    throw UsageError("Missing value for '\(name) <\(option.valueName!)>'.", command: spec.name)
                }
                if result.values[name] != nil {
                    throw UsageError("The option '\(name)' is given more than once.", command: spec.name)
                }
                result.values[name] = Array(arguments[index..<(index + option.valueCount)])
                index += option.valueCount
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else {
                    throw UsageError("Missing value for '\(name) <\(option.valueName!)>'.", command: spec.name)
                }
                value = arguments[index]
                index += 1
            }
            if !option.choices.isEmpty && !option.choices.contains(value) {
                var message =
                    "The value '\(value)' is invalid for '\(name) <\(option.valueName!)>'. Use one of: \(option.choices.joined(separator: ", "))."
                if let suggestion = Suggestions.closest(to: value, in: option.choices) {
                    message += " Did you mean '\(suggestion)'?"
                }
                throw UsageError(message, command: spec.name)
            }
            if result.values[name] != nil && !option.repeatable {
                throw UsageError("The option '\(name)' is given more than once.", command: spec.name)
            }
            result.values[name, default: []].append(value)
        }
        if result.wantsHelp { return result }
        let required = spec.positionals.filter { !$0.optional }
        if result.positionals.count < required.count {
            let missing = required[result.positionals.count]
            throw UsageError("Missing expected argument '<\(missing.name)>'.", command: spec.name)
        }
        let repeating = spec.positionals.contains { $0.repeating }
        if !repeating && result.positionals.count > spec.positionals.count {
            throw UsageError("Unexpected argument '\(result.positionals[spec.positionals.count])'.", command: spec.name)
        }
        return result
    }
}
