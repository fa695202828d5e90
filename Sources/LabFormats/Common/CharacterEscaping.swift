/// Replaces characters by their escapes from a table, the one mechanism behind each format's
/// escaping (SVG text, Mermaid labels, GitHub workflow commands): the table is the format's rule.
public enum CharacterEscaping {
    /// `text` with every character found in `table` replaced by its escape; `text` itself when none is.
    public static func escape(_ text: String, _ table: [Character: String]) -> String {
        guard text.contains(where: { table[$0] != nil }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if let escaped = table[character] { out += escaped } else { out.append(character) }
        }
        return out
    }

    /// `text` as a double-quoted string literal (YAML, TOML, Swift): a scalar found in `table` by its
    /// escape, another for which `numeric` gives an escape (a control character as `\u...`) by that,
    /// every other scalar as it is.
    public static func doubleQuoted(
        _ text: String, _ table: [Unicode.Scalar: String], numeric: (Unicode.Scalar) -> String?
    ) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if let escaped = table[scalar] ?? numeric(scalar) {
                out += escaped
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `value` in upper-case hexadecimal with at least `digits` digits.
    public static func hex(_ value: UInt32, digits: Int) -> String {
        let h = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - h.count)) + h
    }
}
