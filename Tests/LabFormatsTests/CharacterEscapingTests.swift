import LabFormats
import Testing

@Suite struct CharacterEscapingTests {
    @Test func replacesOnlyTheCharactersOfTheTable() {
        let table: [Character: String] = ["&": "&amp;", "<": "&lt;"]
        #expect(CharacterEscaping.escape("a<b & c", table) == "a&lt;b &amp; c")
        #expect(CharacterEscaping.escape("plain", table) == "plain")
        #expect(CharacterEscaping.escape("", table) == "")
        // A CR LF pair is one Character in Swift: a table that lists it escapes it whole.
        #expect(CharacterEscaping.escape("a\r\nb", ["\r\n": "%0D%0A", "\n": "%0A"]) == "a%0D%0Ab")
    }
}
