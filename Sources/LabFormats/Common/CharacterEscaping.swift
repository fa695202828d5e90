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
}
