import LabgenTestSupport
import Testing

@testable import LabFormats

@Suite("YAMLReader robustness")
struct YAMLFuzzTests {
    static let seeds: [String] = [
        kindConfig,
        "a: [1, {b: 'c', d: \"e\\n\"}]\n- x\n",
        "name: lab\ntopology:\n  links:\n  - endpoints: [\"a:b\", c]\n  nodes: {r1: {kind: linux}}\n",
        "--- |2-\n   x\n  y\n...\n--- >\n a\n b\n\n c\n",
        "k: \"multi\n  line \\\n  escaped\"\nl: 'single\n\n  q'\nm: plain\n  continued\n# c\n",
        "- - - a\n    - b\n  - c: d\n    e: [f, g]\n",
    ]

    /// Reads `text`; only a FormatError may come out (a trap would abort the test run).
    private func survive(_ text: String) -> Bool {
        do {
            _ = try YAMLReader.read(text)
            return true
        } catch {
            #expect(!error.message.isEmpty)
            #expect(error.position.line >= 1 && error.position.column >= 1)
            return false
        }
    }

    @Test func mutationFuzz() {
        var random = SeededRandom(seed: 0xF022)
        let alphabet = Array(" \t\n-?:,[]{}#&*!|>'\"%@`\\0123456789abcxyz.+~=é".utf8) + [0x00, 0x0D, 0x1B, 0xC2, 0x85]
        var accepted = 0
        var rejected = 0
        for iteration in 0..<4000 {
            var bytes = Array(Self.seeds[iteration % Self.seeds.count].utf8)
            for _ in 0..<(1 + random.below(6)) {
                let position = random.below(bytes.count + 1)
                switch random.below(4) {
                case 0 where position < bytes.count: bytes[position] = random.pick(alphabet)
                case 1: bytes.insert(random.pick(alphabet), at: position)
                case 2 where position < bytes.count: bytes.remove(at: position)
                default: bytes = Array(bytes.prefix(position))  // truncate
                }
            }
            if survive(String(decoding: bytes, as: UTF8.self)) { accepted += 1 } else { rejected += 1 }
        }
        #expect(accepted + rejected == 4000)
        #expect(accepted > 0 && rejected > 0)
    }

    @Test func randomBytes() {
        var random = SeededRandom(seed: 99)
        for _ in 0..<1000 {
            let bytes = (0..<random.below(200)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            _ = survive(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func pathologicalInputs() {
        for text in [
            "", "\n", "-", "- ", ":", "?", "'", "\"", "\"\\", "[", "{", "]", "}", "|", ">", "|+", ">-9", "---", "...",
            "--- |", "a: |\n\t", "a:\n\t", "\t", "\u{FEFF}", "\"\\u\"", "\"\\UFFFFFFFF\"", "\"\\uD800\"",
            "a: \"\n---\n\"",
            "[\n---\n]", "- [\n- x", String(repeating: "{a: ", count: 400), String(repeating: "- ", count: 400),
            String(repeating: "[", count: 100_000), String(repeating: " ", count: 100_000) + "a",
            String(repeating: "a: b\n", count: 2) + String(repeating: "\n", count: 10_000) + " c",
        ] {
            _ = survive(text)
        }
    }
}
