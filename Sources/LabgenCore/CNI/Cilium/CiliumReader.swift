import LabFormats
import LabModel

/// Cilium's Helm values, from a values file or from `--set k=v` flags of a `cilium install` or
/// `helm install|upgrade ... cilium/cilium` command in a setup script; keys are Helm's dotted paths
/// (`ipam.mode`), values their text.
public struct CiliumFacts: Hashable, Sendable {
    public var file: String
    public var values: [String: Located<String>] = [:]
    /// The values file or the install command.
    public var location: SourceLocation
    /// Values files an install command names (`-f`, `--values`, `--helm-values`), as written.
    public var valuesFiles: [String] = []

    public func value(_ key: String) -> Located<String>? { values[key] }
    public func bool(_ key: String) -> Bool? {
        guard let text = values[key]?.value.lowercased() else { return nil }
        return ["true", "strict"].contains(text)
            ? true : ["false", "disabled", "partial", "probe"].contains(text) ? false : nil
    }
}

public enum CiliumReader {
    /// Values that only Cilium's chart has; a YAML mapping with two of them is a Cilium values file.
    static let markers: Set<String> = [
        "routingMode", "tunnelProtocol", "ipv4NativeRoutingCIDR", "autoDirectNodeRoutes", "kubeProxyReplacement",
        "k8sServiceHost", "k8sServicePort", "tunnel", "ipam",
    ]

    public static func isValuesFile(_ document: YAMLNode) -> Bool {
        guard case .mapping(let pairs) = document.content, document["kind"] == nil, document["apiVersion"] == nil
        else { return false }
        return pairs.filter { markers.contains($0.key.scalarText ?? "") }.count >= 2
    }

    public static func readValues(_ document: YAMLNode, origin: TextOrigin) -> CiliumFacts {
        var facts = CiliumFacts(file: origin.file, location: origin.location(document))
        func walk(_ node: YAMLNode, _ path: String) {
            switch node.content {
            case .scalar(let text, _):
                facts.values[path] = Located(text, at: origin.location(node))
            case .sequence(let items):
                let texts = items.compactMap(\.scalarText)
                facts.values[path] = Located(texts.joined(separator: ","), at: origin.location(items.first ?? node))
            case .mapping(let pairs):
                for pair in pairs {
                    let key = pair.key.scalarText ?? ""
                    walk(pair.value, path.isEmpty ? key : path + "." + key)
                }
            }
        }
        walk(document, "")
        return facts
    }

    /// One word of a command (from `ShellScriptReader`'s tokenizer: quotes removed, continuation lines
    /// joined) and where its text starts.
    struct Word {
        var text: String
        var line: Int
        var column: Int
    }

    /// `cilium install ...`, or `helm install|upgrade ... cilium/cilium` (also after `step`, `sudo`, ...).
    static func isInstall(_ texts: [String]) -> Bool {
        guard let first = texts.firstIndex(where: { $0 == "cilium" || $0 == "helm" }) else { return false }
        if texts[first] == "cilium" { return texts.count > first + 1 && texts[first + 1] == "install" }
        return texts.count > first + 1 && ["install", "upgrade"].contains(texts[first + 1])
            && texts.contains { $0 == "cilium/cilium" || $0.hasSuffix("/cilium") }
    }

    static let setFlags = ["--set", "--set-string", "--helm-set", "--helm-set-string"]

    /// The `--set k=v` (`--set=k=v`, comma-separated lists too) of a Cilium install command, its
    /// `--version`, and the values files it names.
    static func read(_ words: [Word], file: String) -> CiliumFacts {
        do {
            var facts = CiliumFacts(
                file: file, location: SourceLocation(file: file, line: words[0].line, column: words[0].column))
            var index = 0
            while index < words.count {
                let word = words[index]
                var argument: Word?
                var offset = 0
                // `--helm-set` is the cilium CLI's own spelling before its Helm mode (v0.15).
                if setFlags.contains(word.text), index + 1 < words.count {
                    argument = words[index + 1]
                    index += 1
                } else if let prefix = setFlags.map({ $0 + "=" }).first(where: { word.text.hasPrefix($0) }) {
                    argument = Word(
                        text: String(word.text.dropFirst(prefix.count)), line: word.line, column: word.column)
                    offset = prefix.count
                } else if ["-f", "--values", "--helm-values"].contains(word.text), index + 1 < words.count {
                    facts.valuesFiles.append(words[index + 1].text)
                    index += 1
                } else if let equals = word.text.firstIndex(of: "="),
                    ["--values", "--helm-values"].contains(String(word.text[..<equals]))
                {
                    facts.valuesFiles.append(String(word.text[word.text.index(after: equals)...]))
                } else if word.text == "--version", index + 1 < words.count {
                    let next = words[index + 1]
                    facts.values["version"] = Located(
                        next.text, at: SourceLocation(file: file, line: next.line, column: next.column))
                }
                if let argument {
                    var column = argument.column + offset
                    for assignment in splitAssignments(argument.text) {
                        if let equals = assignment.firstIndex(of: "=") {
                            let key = String(assignment[..<equals])
                            var value = String(assignment[assignment.index(after: equals)...])
                            if value.hasPrefix("{"), value.hasSuffix("}") {
                                value = String(value.dropFirst().dropLast())
                            }
                            let valueColumn = column + key.count + 1
                            facts.values[key.replacingOccurrences(of: "[0]", with: "")] = Located(
                                value, at: SourceLocation(file: file, line: argument.line, column: valueColumn))
                        }
                        column += assignment.count + 1
                    }
                }
                index += 1
            }
            return facts
        }
    }

    /// `a=1,b=2` -> [a=1, b=2]; commas inside `{...}` stay.
    static func splitAssignments(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1 }
            if character == ",", depth == 0, current.contains("=") {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }
}
