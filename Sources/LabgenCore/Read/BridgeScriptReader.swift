import LabModel

/// Reads the host bridges a shell script creates (see `ShellScriptReader`).
public enum BridgeScriptReader {
    /// Whether a text is a shell script that creates bridges.
    public static func isBridgeScript(_ text: String) -> Bool {
        (text.containsBytes("ip link add") && text.containsBytes("type bridge")) || text.containsBytes("brctl addbr")
            || (text.containsBytes("type bridge") && !ShellScriptReader.read(text, file: "").bridges.isEmpty)
    }

    public static func read(_ text: String, file: String) -> BridgeScriptFacts {
        bridges(of: ShellScriptReader.read(text, file: file))
    }

    static func bridges(of script: ShellScriptFacts) -> BridgeScriptFacts {
        BridgeScriptFacts(file: script.file, bridges: script.bridges, complete: script.unresolvedBridge == nil)
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
