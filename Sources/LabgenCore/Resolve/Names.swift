import LabModel

/// The naming rules of the tools labgen writes for, and kind's container naming.
public enum Names {
    /// A DNS label (RFC 1123): lower-case letters, digits and `-`, not at either end, 1...63.
    public static func isDNSLabel(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...63).contains(bytes.count) else { return false }
        guard isLowerAlnum(bytes.first!), isLowerAlnum(bytes.last!) else { return false }
        return bytes.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// kind's cluster-name rule (`^[a-z0-9.-]+$`, validate.go), additionally refusing leading or
    /// trailing `.`/`-` and `..`, since the name becomes container host names and a folder name.
    public static func isKindClusterName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...50).contains(bytes.count), isLowerAlnum(bytes.first!), isLowerAlnum(bytes.last!) else {
            return false
        }
        guard !name.contains("..") else { return false }
        return bytes.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    /// A Linux interface name: 1...15 bytes, no `/`, `:`, whitespace or control characters, not `.`/`..`.
    public static func linuxInterfaceProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty { return "an interface name cannot be empty" }
        if bytes.count > 15 { return "'\(name)' has \(bytes.count) characters; Linux interface names have at most 15" }
        if name == "." || name == ".." { return "'\(name)' is not a valid interface name" }
        for byte in bytes where byte <= 0x20 || byte >= 0x7F || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ":") {
            return "'\(name.debugEscaped)' contains a character Linux interface names cannot have"
        }
        return nil
    }

    /// A Kubernetes label value: at most 63 characters, alphanumerics with `-`, `_`, `.` inside.
    public static func isLabelValue(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        if bytes.isEmpty { return true }
        guard bytes.count <= 63, isAlnum(bytes.first!), isAlnum(bytes.last!) else { return false }
        return bytes.allSatisfy {
            isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
        }
    }

    /// A Kubernetes label key: an optional DNS-subdomain prefix and `/`, then a name like a value.
    public static func isLabelKey(_ key: String) -> Bool {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let name = parts.last, !name.isEmpty, isLabelValue(String(name)) else { return false }
        if parts.count == 2 {
            let prefix = parts[0]
            guard !prefix.isEmpty, prefix.count <= 253 else { return false }
            return prefix.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isDNSLabel(String($0)) }
        }
        return true
    }

    // Image references and registry hosts: see ToolGrammars (the distribution reference grammar).

    /// kind's node container names, in node order: `<cluster>-<role><n>`, counted per role,
    /// no number for the first (`-control-plane`, `-worker`, `-worker2`, ...).
    public static func kindContainerNames(cluster: String, roles: [NodeRole]) -> [String] {
        kindContainerNames(cluster: cluster, roleNames: roles.map(\.rawValue))
    }

    /// The same for roles as written in a kind config (which may hold roles labgen does not know).
    public static func kindContainerNames(cluster: String, roleNames: [String]) -> [String] {
        var counts: [String: Int] = [:]
        return roleNames.map { role in
            counts[role, default: 0] += 1
            let n = counts[role]!
            return "\(cluster)-\(role)" + (n == 1 ? "" : String(n))
        }
    }

    private static func isLowerAlnum(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || isDigit(b)
    }
    private static func isAlnum(_ b: UInt8) -> Bool {
        isLowerAlnum(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
    }
    private static func isDigit(_ b: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }
}

extension String {
    /// The string for messages: visible characters as they are (so a look-alike `ĭ` shows as
    /// itself), and everything that is invisible or could reorder or hide text on a terminal
    /// escaped as `\u{...}`: controls, format characters (zero-width, bidi overrides), line and
    /// paragraph separators, and spaces other than U+0020.
    public var debugEscaped: String {
        // Printable ASCII (space to tilde) is visible as it is: most names, without a look at each
        // scalar's category (the picture of a 10,000-node lab escapes some 50,000 texts).
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return self }
        var out = ""
        for scalar in unicodeScalars {
            let visible: Bool
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                visible = false
            case .spaceSeparator:
                visible = scalar == " "
            default:
                visible = true
            }
            if visible {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }
}
