import LabFormats

/// GitHub Actions workflow commands (`::error file=...::message`), written by `check` and `verify`.
enum GitHubAnnotation {
    /// A workflow command's message: `%`, CR and LF escaped, as GitHub reads them.
    static func escape(_ text: String) -> String {
        CharacterEscaping.escape(text, ["%": "%25", "\r": "%0D", "\n": "%0A", "\r\n": "%0D%0A"])
    }

    /// A property value (`file=...`): also `,` and `:`, which end a property.
    static func property(_ text: String) -> String {
        CharacterEscaping.escape(
            text, ["%": "%25", "\r": "%0D", "\n": "%0A", "\r\n": "%0D%0A", ",": "%2C", ":": "%3A"])
    }
}
