import Testing

@testable import LabgenCore

@Suite("Shell quoting of generated words")
struct ShellWordQuotingTests {
    @Test(
        "quoted: single quotes around the text, each ' written as '\\''",
        arguments: [
            ("", "''"),
            ("node-1", "'node-1'"),
            ("a b", "'a b'"),
            ("it's", "'it'\\''s'"),
            ("'", "''\\'''"),
            ("''x'", "''\\'''\\''x'\\'''"),
            ("$(rm -rf /)", "'$(rm -rf /)'"),
        ])
    func quoted(text: String, expected: String) {
        #expect(ShellQuoting.quoted(text) == expected)
    }

    @Test func wordsStayBareOnlyWhenSafe() {
        #expect(ShellQuoting.word("kind-control-plane") == "kind-control-plane")
        #expect(ShellQuoting.word("a;b") == "'a;b'")
        #expect(ShellQuoting.word("") == "''")
    }
}
