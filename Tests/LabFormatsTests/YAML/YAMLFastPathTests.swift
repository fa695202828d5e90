import LabgenTestSupport
import Testing

@testable import LabFormats

/// The YAML reader's fast paths (quoted scalars taken whole, texts shared between equal scalars of a
/// large file, columns counted as bytes before the first non-ASCII byte, eight bytes checked at a
/// time) give exactly the trees and errors of the general path.
@Suite("YAMLReader fast paths")
struct YAMLFastPathTests {
    /// Small inputs of every shape the fast paths touch, valid and not.
    static let samples: [String] =
        YAMLFuzzTests.seeds + [
            "a: 'x'\nb: \"y\"\nc: 'it''s'\nd: \"tab\\tnew\\nline\"\ne: ''\nf: \"\"\n",
            "k: 'trailing  '\nl: \"  lead\"\nm: 'a\n  b'\nn: \"a\\\n  b\"\n",
            "- \"é\"\n- 'ü''x'\n- plain é text\n- \"\\u00e9\\x41\"\n",
            "é: 1\nk: 'é' # comment\nl: [é, \"ü\"]\nm: {'a': \"b\"}\n",
            "\u{FEFF}a: 'bom'\nb: \"x\"\n",
            "a: 'crlf'\r\nb: \"x\"\r\nc: plain\r\n",
            "a: \"open\n", "a: 'open\n", "a: 'x' y\n", "a: \"x\": 1\n", "'k': 1\n'k': 2\n",
            "{\"a\": \"b\", \"c\": [\"d\", 'e'], \"a\": 1}\n", "[\"a\": \"b\"]\n", "\"key\"\n: v\n",
            "a: x\u{0}y\n", "a:\n  b: \u{1B}\n", "a: \u{7F}\n", "a: \u{85}\n", "a: \u{FFFE}\n", "é: \u{1}\n",
            "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\ni: 9\nj: 10\nk: 11\nb: 12\n",
            "{a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, c: 11}\n",
        ]

    static func read(_ text: String, fastPaths: Bool) -> Result<[YAMLNode], FormatError> {
        do throws(FormatError) {
            return .success(try YAMLReader.read(text, fastPaths: fastPaths))
        } catch {
            return .failure(error)
        }
    }

    @Test func samplesReadTheSame() {
        for text in Self.samples {
            #expect(Self.read(text, fastPaths: true) == Self.read(text, fastPaths: false), "\(text.debugDescription)")
        }
    }

    @Test func mutationsReadTheSame() {
        var random = SeededRandom(seed: 0xFA57)
        let alphabet = Array(" \t\n-:,[]{}#'\"\\ab0é".utf8) + [0x00, 0x0D, 0x7F, 0xC2, 0x85]
        for iteration in 0..<3000 {
            var bytes = Array(Self.samples[iteration % Self.samples.count].utf8)
            for _ in 0..<(1 + random.below(4)) {
                let position = random.below(bytes.count + 1)
                switch random.below(3) {
                case 0 where position < bytes.count: bytes[position] = random.pick(alphabet)
                case 1: bytes.insert(random.pick(alphabet), at: position)
                default: if position < bytes.count { bytes.remove(at: position) }
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(Self.read(text, fastPaths: true) == Self.read(text, fastPaths: false), "\(text.debugDescription)")
        }
    }

    /// A file large enough for shared texts (16 KiB and more), with texts repeated and unique, short
    /// and long, and non-ASCII after the first thousand lines (columns counted from there on).
    static func largeFile(nodes: Int, nonASCIIAt: Int?) -> String {
        var text = "name: big\ntopology:\n  nodes:\n"
        for k in 0..<nodes {
            let name = k == nonASCIIAt ? "nöde\(k)" : "node\(k)"
            text += "    \(name):\n      kind: linux\n      image: nicolaka/netshoot:latest\n"
            text += "      network-mode: 'container:big-worker\(k)'\n      env: {RACK: \"rack-\(k % 7)\", N: '\(k)'}\n"
            text +=
                "      exec:\n      - ip addr add 10.0.\(k / 250).\(k % 250)/24 dev net0\(k == nonASCIIAt ? " # é" : "")\n"
            text += "      - \"ip route replace default via 10.0.0.1\"\n"
        }
        return text + "  links:\n  - endpoints: [\"sb0:sb0-net0\", server1:net0]\n"
    }

    @Test(arguments: [nil, 0, 1000])
    func largeFilesReadTheSame(nonASCIIAt: Int?) throws {
        let text = Self.largeFile(nodes: 2000, nonASCIIAt: nonASCIIAt)
        #expect(text.utf8.count >= 16 << 10)
        let fast = Self.read(text, fastPaths: true)
        #expect(fast == Self.read(text, fastPaths: false))
        let documents = try fast.get()
        let nodes = try #require(documents.first?["topology"]?["nodes"])
        guard case .mapping(let pairs) = nodes.content else {
            Issue.record("nodes is not a mapping")
            return
        }
        #expect(pairs.count == 2000)
        // A column after non-ASCII on its line, and one on a later line.
        let exec = try #require(pairs[1500].value["exec"])
        #expect(exec.position == TextPosition(line: 10 + 1500 * 8, column: 7))
        let image = try #require(pairs[1500].value["image"])
        #expect(image.position == TextPosition(line: 6 + 1500 * 8, column: 14))
        // An error far down the file is placed as exactly by both paths.
        let broken = text + "  extra: 'open\n"
        let error = Self.read(broken, fastPaths: true)
        #expect(error == Self.read(broken, fastPaths: false))
        if case .failure(let failure) = error {
            #expect(failure.message == "unterminated single-quoted string")
        } else {
            Issue.record("an open quote was accepted")
        }
    }
}
