import LabModel

/// Reads the host bridges a shell script creates: `ip link add [name] NAME type bridge`,
/// `brctl addbr NAME`, the names of a `BRIDGES='a b'` list that a loop creates, and the first
/// argument of each call of a shell function whose body creates a bridge named `"$1"`
/// (`bridge_up 'br-pool0'`, as labgen writes it).
public enum BridgeScriptReader {
    /// Whether a text is a shell script that creates bridges.
    public static func isBridgeScript(_ text: String) -> Bool {
        (text.containsBytes("ip link add") && text.containsBytes("type bridge")) || text.containsBytes("brctl addbr")
    }

    public static func read(_ text: String, file: String) -> BridgeScriptFacts {
        var facts = BridgeScriptFacts(file: file, bridges: [])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let creators = bridgeCreatingFunctions(lines)
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            var line = rawLine
            if let hash = line.firstIndex(of: "#"), line[..<hash].allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            if let hash = line.range(of: " #") { line = line[..<hash.lowerBound] }
            let tokens = words(line)
            func add(_ token: (word: Substring, offset: Int), stripping: Bool = true) {
                let name = stripping ? token.word.labTrimming("'\"") : String(token.word)
                guard !name.isEmpty, !name.contains("$") else { return }
                let quoteOffset = token.word.first == "'" || token.word.first == "\"" ? 1 : 0
                facts.bridges.append(
                    Located(name, at: SourceLocation(file: file, line: lineNumber, column: token.offset + quoteOffset + 1)))
            }
            // BRIDGES='br-pool0 br-pool1' (also "…" and unquoted single names)
            if let first = tokens.first, first.word.hasPrefix("BRIDGES=") {
                let start = first.offset + "BRIDGES=".count
                let after = rawLine.unicodeScalars.dropFirst(start)
                var value = Substring(String(String.UnicodeScalarView(after)))
                var base = start
                if let quote = value.first, quote == "'" || quote == "\"" {
                    value = value.dropFirst()
                    base += 1
                    if let end = value.firstIndex(of: quote) { value = value[..<end] }
                } else if let end = value.firstIndex(where: { $0 == " " || $0 == ";" }) {
                    value = value[..<end]
                }
                for token in words(value) { add((token.word, base + token.offset), stripping: false) }
                continue
            }
            if let first = tokens.first, tokens.count >= 2, creators.contains(String(first.word)) {
                add(tokens[1])
                continue
            }
            for (i, token) in tokens.enumerated() {
                if token.word == "brctl", i + 2 < tokens.count, tokens[i + 1].word == "addbr" {
                    add(tokens[i + 2])
                }
                if token.word == "ip", i + 3 < tokens.count, tokens[i + 1].word == "link", tokens[i + 2].word == "add" {
                    let rest = tokens[(i + 3)...]
                    guard let type = rest.firstIndex(where: { $0.word == "type" }), type + 1 < tokens.count,
                        tokens[type + 1].word == "bridge"
                    else { continue }
                    if let name = rest.firstIndex(where: { $0.word == "name" }), name + 1 < tokens.count {
                        add(tokens[name + 1])
                    } else if !rest.isEmpty, rest.first!.word != "type" {
                        add(rest.first!)
                    }
                }
            }
        }
        return facts
    }

    /// Names of the shell functions (`name() {` ... `}`) whose body runs
    /// `ip link add [name] "$1" type bridge` or `brctl addbr "$1"`.
    static func bridgeCreatingFunctions(_ lines: [Substring]) -> Set<String> {
        var result: Set<String> = []
        var current: String?
        for line in lines {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if current == nil, let open = trimmed.range(of: "()"),
                trimmed[open.upperBound...].drop(while: { $0 == " " }).hasPrefix("{")
            {
                let name = trimmed[..<open.lowerBound]
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                    current = String(name)
                }
                continue
            }
            guard let name = current else { continue }
            if trimmed.hasPrefix("}") {
                current = nil
                continue
            }
            let createsFirstArgument =
                (trimmed.contains("ip link add") && trimmed.contains("type bridge") || trimmed.contains("brctl addbr"))
                && (trimmed.contains("\"$1\"") || trimmed.contains(" $1"))
            if createsFirstArgument { result.insert(name) }
        }
        return result
    }
}
