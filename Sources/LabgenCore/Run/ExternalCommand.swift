/// One external program with its arguments, run in the lab's output folder. `asRoot` marks the
/// commands that need root (the host bridges, containerlab): labgen and lab.sh prefix them with
/// `sudo` when they do not run as root.
public struct ExternalCommand: Hashable, Sendable, CustomStringConvertible {
    public var program: String
    public var arguments: [String]
    public var asRoot: Bool

    public init(_ program: String, _ arguments: [String], asRoot: Bool = false) {
        self.program = program
        self.arguments = arguments
        self.asRoot = asRoot
    }

    public var argv: [String] { [program] + arguments }

    /// The command as a shell would need it typed: every word that is not plainly safe in single quotes.
    public var description: String { argv.map(ShellQuoting.word).joined(separator: " ") }
}

/// POSIX shell quoting for generated scripts and printed commands.
public enum ShellQuoting {
    /// `'…'` with every `'` written as `'\''`.
    public static func quoted(_ text: String) -> String {
        // Most words hold no quote (lab.sh quotes one per node and command: 10,000-node labs).
        guard text.utf8.contains(UInt8(ascii: "'")) else { return "'" + text + "'" }
        return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// The word as is when it holds only characters no shell treats specially, else quoted.
    public static func word(_ text: String) -> String {
        let safe =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "-_./:=,@+%".unicodeScalars.contains(scalar))
            }
        return safe ? text : quoted(text)
    }
}
