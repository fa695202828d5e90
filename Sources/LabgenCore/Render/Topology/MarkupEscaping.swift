import LabFormats

/// Escaping of picture texts for the formats they are written into. The texts are already
/// `debugEscaped` (no control, format or line-separator characters), so what is left is each
/// format's own markup.
enum MarkupEscaping {
    /// Element text in XML (SVG): `&`, `<` and `>` as entities (quotes end nothing there;
    /// the picture puts no name into an attribute).
    static func xmlText(_ text: String) -> String {
        if !text.utf8.contains(where: { "&<>".utf8.contains($0) }) { return text }
        return CharacterEscaping.escape(text, ["&": "&amp;", "<": "&lt;", ">": "&gt;"])
    }

    /// A Mermaid label inside `"..."`: quotes and the characters Mermaid or the HTML it renders
    /// would read as markup become Mermaid's entity codes (`#quot;`, `#35;`, ...), which it shows
    /// as the characters. `#` itself is escaped, so a name cannot spell an entity code.
    static func mermaid(_ text: String) -> String {
        if !text.utf8.contains(where: { "\"#&<>`|\\".utf8.contains($0) }) { return text }
        return CharacterEscaping.escape(text, mermaidEscapes)
    }

    static let mermaidEscapes: [Character: String] = [
        "\"": "#quot;", "#": "#35;", "&": "#amp;", "<": "#lt;", ">": "#gt;", "`": "#96;", "|": "#124;",
        "\\": "#92;",
    ]

    /// Markdown text: ASCII punctuation backslash-escaped (CommonMark), except the harmless
    /// `-`, `.`, `/`, `:`, `,` and `'` of names and addresses, so a name cannot open a code fence, a
    /// link, emphasis or HTML.
    static func markdown(_ text: String) -> String {
        var out = ""
        for character in text {
            if character.isASCII, character.isPunctuation || character.isSymbol, !"-./:,'".contains(character) {
                out.append("\\")
            }
            out.append(character)
        }
        return out
    }
}
