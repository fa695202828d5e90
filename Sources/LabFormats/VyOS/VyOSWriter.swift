/// Writes a `VyOSConfig` as a config.boot file or as `set` commands.
///
/// The writer never produces text that reads back differently: a value that cannot be written
/// safely is quoted and escaped, and a value that cannot be written at all (newlines and other
/// control characters) or a node name that is not a VyOS identifier is rejected with a
/// `FormatError` positioned at the node (1:1 for nodes built in code).
public enum VyOSWriter {
    /// The deepest tree the writer (and the reader) accepts.
    public static let maximumDepth = 256

    /// config.boot text in the dialect, 4-space indentation, footer comments in the dialect's style.
    ///
    /// crux and equuleus write a leaf value bare when it is made of plain characters (letters, digits
    /// and `. - _ / : @ $ + = , % ~`), else double-quoted with `\"` and `\\` escapes; an empty value is
    /// `""`. sagitta and circinus double-quote every leaf value. Tag values are bare when plain, else quoted, in
    /// both dialects. Empty blocks are written `name value {` + newline + `}`. Comments other than the
    /// footer are not kept. An empty config without footer is the empty string.
    public static func bootConfig(_ config: VyOSConfig, dialect: VyOSDialect) throws(FormatError) -> String {
        var out = ""
        for node in config.nodes {
            try writeBoot(node, depth: 0, dialect: dialect, path: [], into: &out)
        }
        if let footer = config.footer {
            try checkFooter(footer, dialect: dialect, position: config.footerPosition ?? .start)
            switch dialect {
            case .crux:
                out += "\n\n/* Warning: Do not remove the following line. */\n"
                out += "/* === vyatta-config-version: \"\(footer.configVersion)\" === */\n"
                out += "/* Release version: \(footer.releaseVersion) */\n"
            case .equuleus, .sagitta, .circinus:
                // 1.3 and 1.5 leave two blank lines before the footer, the 1.4 reference one.
                out += dialect == .sagitta ? "\n" : "\n\n"
                out += "// Warning: Do not remove the following line.\n"
                out += "// vyos-config-version: \"\(footer.configVersion)\"\n"
                out += "// Release version: \(footer.releaseVersion)\n"
            }
        }
        return out
    }

    /// `set ...` command form, one line per leaf, valueless leaf, empty container and empty tag node,
    /// as the reference gw0.cfg shows: names bare, tag values bare when plain (else single-quoted),
    /// leaf values always single-quoted, a `'` inside a value written the shell way as `'\''`.
    ///
    /// Each `header` string becomes one comment line before the commands: a string starting with
    /// `#` is written as is, any other one as `# ` + the string (e.g. `# Release version: 1.4`).
    /// The footer of `config` is not written (use the header for that).
    public static func setCommands(_ config: VyOSConfig, header: [String] = []) throws(FormatError) -> String {
        var out = ""
        for line in header {
            if let bad = line.unicodeScalars.first(where: VyOSChars.isForbidden) {
                throw FormatError(
                    "header line contains the control character \(VyOSChars.describe(bad))", at: .start)
            }
            out += line.hasPrefix("#") ? line : (line.isEmpty ? "#" : "# " + line)
            out += "\n"
        }
        var prefix: [String] = ["set"]
        for node in config.nodes {
            try writeSet(node, depth: 0, prefix: &prefix, into: &out)
        }
        return out
    }

    // MARK: - config.boot

    private static func writeBoot(
        _ node: VyOSNode, depth: Int, dialect: VyOSDialect, path: [String], into out: inout String
    ) throws(FormatError) {
        let path = path + [node.name]
        try checkNode(node, depth: depth, path: path)
        let indent = String(repeating: " ", count: 4 * depth)
        out += indent
        out += node.name
        if let children = node.children {
            if let value = node.value {
                out += " "
                out += VyOSChars.isBareBootValue(value) ? value : VyOSChars.doubleQuoted(value)
            }
            out += " {\n"
            for child in children {
                try writeBoot(child, depth: depth + 1, dialect: dialect, path: path, into: &out)
            }
            out += indent
            out += "}\n"
        } else {
            if let value = node.value {
                out += " "
                if !dialect.quotesEveryValue && VyOSChars.isBareBootValue(value) {
                    out += value
                } else {
                    out += VyOSChars.doubleQuoted(value)
                }
            }
            out += "\n"
        }
    }

    // MARK: - set commands

    private static func writeSet(
        _ node: VyOSNode, depth: Int, prefix: inout [String], into out: inout String
    ) throws(FormatError) {
        try checkNode(node, depth: depth, path: Array(prefix.dropFirst()) + [node.name])
        let saved = prefix.count
        defer { prefix.removeLast(prefix.count - saved) }
        prefix.append(node.name)
        if let children = node.children {
            if let value = node.value {
                prefix.append(VyOSChars.isBareSetWord(value) ? value : VyOSChars.singleQuoted(value))
            }
            if children.isEmpty {
                out += prefix.joined(separator: " ")
                out += "\n"
            }
            for child in children {
                try writeSet(child, depth: depth + 1, prefix: &prefix, into: &out)
            }
        } else {
            if let value = node.value {
                prefix.append(VyOSChars.singleQuoted(value))
            }
            out += prefix.joined(separator: " ")
            out += "\n"
        }
    }

    // MARK: - checks

    private static func checkNode(_ node: VyOSNode, depth: Int, path: [String]) throws(FormatError) {
        let where_ = path.joined(separator: " ")
        if depth >= maximumDepth {
            throw FormatError("configuration nested deeper than \(maximumDepth) levels", at: node.position)
        }
        if !VyOSChars.isValidName(node.name) {
            throw FormatError(
                "node name \(node.name.debugDescription) at '\(where_)' is not a VyOS identifier "
                    + "(letters, digits, '-', '_', '.', '+')", at: node.position)
        }
        if let value = node.value, let bad = value.unicodeScalars.first(where: VyOSChars.isForbidden) {
            throw FormatError(
                "value of '\(where_)' contains \(VyOSChars.describe(bad)), which VyOS cannot store",
                at: node.valuePosition ?? node.position)
        }
    }

    private static func checkFooter(_ footer: VyOSFooter, dialect: VyOSDialect, position: TextPosition)
        throws(FormatError)
    {
        for (label, text) in [("config version", footer.configVersion), ("release version", footer.releaseVersion)] {
            if let bad = text.unicodeScalars.first(where: VyOSChars.isForbidden) {
                throw FormatError("footer \(label) contains \(VyOSChars.describe(bad))", at: position)
            }
            if text.contains("*/") {
                throw FormatError("footer \(label) contains '*/'", at: position)
            }
            if text.vyosTrimmingSpaces != text {
                throw FormatError("footer \(label) has leading or trailing spaces", at: position)
            }
        }
        if footer.configVersion.contains("\"") {
            throw FormatError("footer config version contains '\"'", at: position)
        }
    }
}

/// Character classes shared by the VyOS writer and reader.
enum VyOSChars {
    static func isASCIIAlnum(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    /// Characters VyOS cannot hold in a value: C0/C1 controls, DEL, line and paragraph separators.
    static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
    }

    static func describe(_ s: Unicode.Scalar) -> String {
        switch s {
        case "\n": return "a newline"
        case "\r": return "a carriage return"
        case "\t": return "a tab"
        default: return "the control character U+\(String(s.value, radix: 16, uppercase: true))"
        }
    }

    /// A node name: letters, digits, `-`, `_`, `.`, `+`.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { s in
                isASCIIAlnum(s) || s == "-" || s == "_" || s == "." || s == "+"
            }
    }

    /// A value written without quotes in config.boot.
    static func isBareBootValue(_ value: String) -> Bool {
        !value.isEmpty && !value.contains("//")
            && value.unicodeScalars.allSatisfy { s in
                isASCIIAlnum(s) || "._-/:@$+=,%~".unicodeScalars.contains(s)
            }
    }

    /// A tag value written without quotes in a set command (shell-safe: no `$`, `~`).
    static func isBareSetWord(_ value: String) -> Bool {
        !value.isEmpty && !value.contains("//")
            && value.unicodeScalars.allSatisfy { s in
                isASCIIAlnum(s) || "._-/:@+=,%".unicodeScalars.contains(s)
            }
    }

    static func doubleQuoted(_ value: String) -> String {
        var out = "\""
        for s in value.unicodeScalars {
            if s == "\"" || s == "\\" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(s)
        }
        out += "\""
        return out
    }

    static func singleQuoted(_ value: String) -> String {
        var out = "'"
        for s in value.unicodeScalars {
            if s == "'" { out += "'\\''" } else { out.unicodeScalars.append(s) }
        }
        out += "'"
        return out
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var vyosTrimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let f = scalars.first, f == " " || f == "\t" { scalars.removeFirst() }
        while let l = scalars.last, l == " " || l == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
