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
}
