import LabFormats
import LabgenTestSupport
import Testing

/// Seeded random trees: write-then-read returns the same tree in both dialects and in set form,
/// or the writer throws, exactly for the trees it must reject.
@Suite("VyOS properties")
struct VyOSPropertyTests {
    static let iterations = 600

    /// Pieces values are made of: every character the writer must quote, escape or reject.
    static let pieces: [String] = [
        "a", "Z", "0", "9", ".", "-", "_", "/", ":", "@", "$", "+", "=", ",", "%", "~",
        " ", "\"", "\\", "{", "}", "#", ";", "'", "*", "//", "/*", "*/", "!", "&", "|", "`", "(", ")",
        "<", ">", "[", "]", "?", "^", "é", "日本", "🙂", "\u{200B}", "\u{FEFF}", "\u{A0}",
        "10.20.1.1/24", "$6$abc.def$", "http://x", "eth0",
        // Must be rejected:
        "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\u{2028}",
    ]
    static let badNames = ["", "bad name", "a{", "x\"", "é", "a/b", "a'b", "#x"]

    /// The oracle, independent of the writer: what the brief says must be rejected.
    static func mustReject(_ nodes: [VyOSNode]) -> Bool {
        nodes.contains { node in
            let nameOK =
                !node.name.isEmpty
                && node.name.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                        || "-_.+".unicodeScalars.contains($0)
                }
            let valueOK =
                node.value.map { v in
                    !v.unicodeScalars.contains {
                        $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}"
                    }
                } ?? true
            return !nameOK || !valueOK || mustReject(node.children ?? [])
        }
    }

    struct Generator {
        var rng: SeededRandom
        var allowBad: Bool

        mutating func value() -> String {
            var s = ""
            for _ in 0..<rng.below(6) {
                var piece = rng.pick(VyOSPropertyTests.pieces)
                // Keep rejections to a minority of trees.
                while !allowBad
                    && piece.unicodeScalars.contains(where: {
                        $0.value < 0x20 || $0.value == 0x7F
                            || $0.value == 0x85 || $0.value == 0x2028
                    })
                {
                    piece = rng.pick(VyOSPropertyTests.pieces)
                }
                s += piece
            }
            return s
        }

        mutating func name(_ kind: Character, _ i: Int) -> String {
            if allowBad && rng.chance(percent: 3) { return rng.pick(VyOSPropertyTests.badNames) }
            return "\(kind)\(i)" + rng.pick(["", "-x", ".y", "_z", "+1"])
        }

        /// Kinds are told by the first letter (c container, t tag, l leaf, f valueless leaf), so every
        /// name path has one kind and `VyOSSetSchema.inferred` describes the tree.
        mutating func nodes(depth: Int) -> [VyOSNode] {
            var out: [VyOSNode] = []
            var usedBlocks = Set<String>()
            for i in 0..<rng.below(depth > 3 ? 3 : 5) {
                switch rng.below(depth > 3 ? 2 : 4) {
                case 0:
                    out.append(VyOSNode(name("l", rng.below(3)), value()))
                case 1:
                    out.append(VyOSNode(name("f", rng.below(3))))
                case 2:
                    let n = name("c", i)
                    if usedBlocks.insert("c " + n).inserted {
                        out.append(VyOSNode(n, children: nodes(depth: depth + 1)))
                    }
                default:
                    let n = name("t", rng.below(2))
                    let v = value()
                    if usedBlocks.insert(n + " " + v).inserted {
                        out.append(VyOSNode(n, v, children: nodes(depth: depth + 1)))
                    }
                }
            }
            return out
        }
    }

    @Test func writeThenReadIsIdentity() throws {
        var rng = SeededRandom(seed: 0x5EED_0001)
        var rejected = 0
        var accepted = 0
        for iteration in 0..<Self.iterations {
            var gen = Generator(rng: rng, allowBad: iteration % 4 == 0)
            let config = VyOSConfig(nodes: gen.nodes(depth: 0))
            rng = gen.rng
            let reject = Self.mustReject(config.nodes)
            for dialect in VyOSDialect.allCases {
                let text: String
                do {
                    text = try VyOSWriter.bootConfig(config, dialect: dialect)
                } catch {
                    #expect(reject, "writer rejected a valid tree: \(error) \(config.nodes)")
                    continue
                }
                #expect(!reject, "writer accepted an invalid tree: \(config.nodes)")
                let back = try VyOSReader.readBootConfig(text)
                #expect(back == config, "\(dialect) round trip failed:\n\(text)")
            }
            do {
                let text = try VyOSWriter.setCommands(config)
                #expect(!reject, "set writer accepted an invalid tree: \(config.nodes)")
                #expect(VyOSReader.isSetCommands(text) || config.nodes.isEmpty)
                let back = try VyOSReader.readSetCommands(text, schema: .inferred(from: config))
                #expect(back == config, "set round trip failed:\n\(text)")
                accepted += 1
            } catch {
                #expect(reject, "set writer rejected a valid tree: \(error)")
                rejected += 1
            }
        }
        // Both outcomes were exercised.
        #expect(rejected > 20 && accepted > 300)
    }

    @Test func mutationFuzzNeverCrashes() {
        var rng = SeededRandom(seed: 0xF022)
        let seeds = [
            VyOSReferenceTexts.cruxBoot, VyOSReferenceTexts.sagittaBoot, VyOSReferenceTexts.cruxSet,
            "a { b \"c\\\"d\" /* x */ }\n// y\n",
        ]
        let inserts: [[UInt8]] = [
            [0x7B], [0x7D], [0x22], [0x27], [0x5C], [0x2F, 0x2A], [0x2A, 0x2F], [0x2F, 0x2F], [0x0A], [0x00],
            [0x23], [0x24], [0x3B], [0x20], [0xC3, 0xA9], [0xFF], [0xE6, 0x97], [0x09], [0x0D],
        ]
        var runs = 0
        // A fixed, seeded number of runs: the same inputs on every machine, whatever its speed.
        while runs < 2000 {
            var bytes: [UInt8]
            if rng.chance(percent: 15) {
                bytes = (0..<rng.below(200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            } else {
                bytes = Array(rng.pick(seeds).utf8)
                for _ in 0..<(1 + rng.below(4)) {
                    let at = rng.below(bytes.count + 1)
                    switch rng.below(4) {
                    case 0 where !bytes.isEmpty && at < bytes.count:
                        bytes.removeSubrange(at..<min(bytes.count, at + 1 + rng.below(8)))
                    case 1:
                        bytes.insert(contentsOf: rng.pick(inserts), at: at)
                    case 2 where at < bytes.count:
                        let end = min(bytes.count, at + rng.below(40))
                        bytes.insert(contentsOf: bytes[at..<end], at: rng.below(bytes.count + 1))
                    default:
                        if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
                    }
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = VyOSReader.isSetCommands(text)
            // Whatever reads must write and read back to the same tree (or be refused by the writer).
            if let config = try? VyOSReader.readBootConfig(text) {
                for dialect in VyOSDialect.allCases {
                    if let again = try? VyOSWriter.bootConfig(config, dialect: dialect) {
                        #expect((try? VyOSReader.readBootConfig(again)) == config, "\(text.debugDescription)")
                    }
                }
            }
            if let config = try? VyOSReader.readSetCommands(text) {
                if let again = try? VyOSWriter.setCommands(config) {
                    #expect((try? VyOSReader.readSetCommands(again)) != nil, "\(text.debugDescription)")
                }
            }
            runs += 1
        }
    }
}
