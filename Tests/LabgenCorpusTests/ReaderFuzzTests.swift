import Foundation
import LabFormats
import LabgenTestSupport
import Testing

// Seeded mutation fuzzing of the TOML subset reader (YAML and VyOS have theirs in
// LabFormatsTests), and round trips writer -> reader over random values whose strings carry
// every kind of special character. Every test is bounded in time, so CI stays fast; the seeds
// make every failure reproducible.

/// Characters that break naive quoting in YAML, TOML, VyOS and shells.
let specialCharacters: [String] = [
    "", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{FEFF}",
    "\"", "'", "\\", "`", "$", "${x}", "$(id)", ";", "&", "|", "<", ">", "(", ")", "{", "}", "[", "]", "#", "%",
    "!", "*", "&a", "*a", "!!str", "?", ":", ": ", " #", "- ", "-", "---", "...", ",", "@", "=", "/*", "*/", "//",
    "yes", "no", "on", "off", "null", "~", "true", "False", "0x1F", "0o17", "012", "1e3", ".inf", "-.NaN", "1_000",
    "10.1.5.10", "10.ĭ.5.10", "é", "ß", "İ", "ı", "日本", "🙂", "\u{301}", "a\u{301}", "\u{200B}", "\u{D7FF}",
]

func specialString(_ random: inout SeededRandom) -> String {
    var text = ""
    for _ in 0..<random.below(5) {
        text += random.chance(oneIn: 3) ? random.pick(["a", "b", "key", "x1", "-"]) : random.pick(specialCharacters)
    }
    return text
}

@Suite("Reader fuzzing and round trips", .timeLimit(.minutes(1)))
struct ReaderFuzzTests {
    static let tomlSeeds = [
        """
        [plugins."io.containerd.grpc.v1.cri".registry.mirrors."192.168.2.100:5000"]
          endpoint = ["http://192.168.2.100:5000"]
        """,
        "a = 1\nb = 'lit'\nc = \"esc\\n\\u00e9\"\n[t]\nd = [1, [2, 3], \"x\",]\ne.f = true # comment\n",
        "[a.b]\n'c d' = -12\n[a.\"e\"]\nx = [\n  \"multi\",\n  \"line\"\n]\n",
    ]

    /// Reads `text`; only a FormatError may come out, with a position inside the text.
    func surviveTOML(_ text: String) -> Bool {
        do {
            _ = try TOMLReader.read(text)
            return true
        } catch {
            #expect(!error.message.isEmpty)
            #expect(error.position.line >= 1 && error.position.column >= 1)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(error.position.line <= lines + 1, "\(error) beyond the end of a \(lines)-line text")
            return false
        }
    }

    @Test func tomlMutationFuzz() {
        var random = SeededRandom(seed: 0x70_AA1)
        let alphabet = Array(" \t\n\r=[]{},.#\"'\\-_+:0123456789abcxyzé".utf8) + [0x00, 0x1B, 0x7F, 0xC3, 0xFF]
        var accepted = 0
        var rejected = 0
        var iteration = 0
        while iteration < 6_000 {
            var bytes = Array(Self.tomlSeeds[iteration % Self.tomlSeeds.count].utf8)
            for _ in 0..<(1 + random.below(6)) {
                let position = random.below(bytes.count + 1)
                switch random.below(5) {
                case 0 where position < bytes.count: bytes[position] = random.pick(alphabet)
                case 1: bytes.insert(random.pick(alphabet), at: position)
                case 2 where position < bytes.count: bytes.remove(at: position)
                case 3:
                    // Repeat a slice (deep or long structures).
                    let end = min(bytes.count, position + random.below(8))
                    let slice = bytes[position..<end]
                    for _ in 0..<random.below(40) { bytes.insert(contentsOf: slice, at: position) }
                default: bytes = Array(bytes.prefix(position))
                }
            }
            if surviveTOML(String(decoding: bytes, as: UTF8.self)) { accepted += 1 } else { rejected += 1 }
            iteration += 1
        }
        #expect(accepted > 0 && rejected > 0, "accepted \(accepted), rejected \(rejected)")
    }

    @Test func tomlRandomBytesAndPathologicalInputs() {
        var random = SeededRandom(seed: 0xB17E5)
        for _ in 0..<1000 {
            let bytes = (0..<random.below(200)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            _ = surviveTOML(String(decoding: bytes, as: UTF8.self))
        }
        for text in [
            "", "=", "[", "]", "[[a]]", "a", "a =", "a = ", "a = \"", "a = '", "a = [", "a = [1,", "a = {}", "a = 1.5",
            "a = 1979-05-27", "a = 0x10", "a = \"\"\"x\"\"\"", "\"a\" = 1\na = 2", "[a]\n[a]", "a.b = 1\na = 2",
            String(repeating: "[", count: 100_000), "a = " + String(repeating: "[", count: 100_000),
            String(repeating: "a.", count: 50_000) + "b = 1", String(repeating: "x", count: 200_000),
        ] {
            _ = surviveTOML(text)
        }
    }

    // MARK: Round trips

    func randomYAML(_ random: inout SeededRandom, depth: Int) -> YAMLValue {
        switch depth > 3 ? random.below(4) : random.below(7) {
        case 0: return .null
        case 1: return .bool(random.chance(oneIn: 2))
        case 2: return .int(Int(truncatingIfNeeded: random.next()) >> random.below(64))
        case 3: return .string(specialString(&random))
        case 4:
            return .sequence(
                (0..<random.below(4)).map { _ in randomYAML(&random, depth: depth + 1) },
                style: random.chance(oneIn: 2) ? .flow : .block)
        default:
            var pairs: [YAMLPair] = []
            var keys = Set<String>()
            for _ in 0..<random.below(4) {
                let key = specialString(&random)
                guard keys.insert(key).inserted else { continue }
                pairs.append(YAMLPair(key: key, value: randomYAML(&random, depth: depth + 1)))
            }
            return .mapping(pairs)
        }
    }

    @Test func yamlRoundTripWithSpecialCharacters() throws {
        var random = SeededRandom(seed: 0x7A_4111)
        for _ in 0..<1500 {
            let value = randomYAML(&random, depth: 0)
            let text = YAMLWriter.write(value)
            let back: [YAMLValue]
            do {
                back = try YAMLReader.readValues(text)
            } catch {
                Issue.record("the writer's output does not read back: \(error)\n\(text)")
                continue
            }
            #expect(back == [value], "round trip changed\n\(value)\ninto\n\(back)\nvia\n\(text)")
        }
    }

    func randomTOMLTable(_ random: inout SeededRandom, depth: Int) -> TOMLTable {
        var entries: [TOMLEntry] = []
        var keys = Set<String>()
        for _ in 0..<(1 + random.below(4)) {
            let key = specialString(&random)
            guard keys.insert(key).inserted else { continue }
            let value: TOMLValue
            switch depth > 2 ? random.below(4) : random.below(5) {
            case 0: value = .string(specialString(&random))
            case 1: value = .integer(Int(truncatingIfNeeded: random.next()) >> random.below(64))
            case 2: value = .boolean(random.chance(oneIn: 2))
            case 3: value = .array((0..<random.below(4)).map { _ in .string(specialString(&random)) })
            default: value = .table(randomTOMLTable(&random, depth: depth + 1))
            }
            entries.append(TOMLEntry(key: key, value: value))
        }
        return TOMLTable(entries)
    }

    /// The table as the reader gives it back: values before sub-tables (see `TOMLWriter`).
    func valuesFirst(_ table: TOMLTable) -> TOMLTable {
        var values: [TOMLEntry] = []
        var tables: [TOMLEntry] = []
        for entry in table.entries {
            if case .table(let inner) = entry.value {
                tables.append(TOMLEntry(key: entry.key, value: .table(valuesFirst(inner))))
            } else {
                values.append(entry)
            }
        }
        return TOMLTable(values + tables)
    }

    @Test func tomlRoundTripWithSpecialCharacters() throws {
        var random = SeededRandom(seed: 0x70_3111)
        for _ in 0..<1500 {
            let table = randomTOMLTable(&random, depth: 0)
            let text = TOMLWriter.write(table)
            do {
                let back = try TOMLReader.read(text)
                #expect(back.root == valuesFirst(table), "round trip changed the table via\n\(text)")
            } catch {
                Issue.record("the writer's output does not read back: \(error)\n\(text)")
            }
        }
    }

    @Test func vyosRoundTripWithSpecialCharacters() throws {
        var random = SeededRandom(seed: 0x7905)
        var written = 0
        for _ in 0..<1500 {
            // Names are VyOS words; values carry anything.
            var nodes: [VyOSNode] = []
            for n in 0..<(1 + random.below(3)) {
                let leaves = (0..<(1 + random.below(3))).map { l in VyOSNode("leaf\(l)", specialString(&random)) }
                nodes.append(VyOSNode("block\(n)", random.chance(oneIn: 2) ? "tag\(n)" : nil, children: leaves))
            }
            let config = VyOSConfig(nodes: nodes)
            for dialect in VyOSDialect.allCases {
                // The writer refuses what it cannot write exactly (say, a line break); what it writes reads back.
                guard let text = try? VyOSWriter.bootConfig(config, dialect: dialect) else { continue }
                written += 1
                do {
                    #expect(try VyOSReader.readBootConfig(text).nodes == config.nodes, "boot round trip:\n\(text)")
                } catch {
                    Issue.record("config.boot output does not read back: \(error)\n\(text)")
                }
            }
            if let text = try? VyOSWriter.setCommands(config) {
                do {
                    let back = try VyOSReader.readSetCommands(text, schema: .inferred(from: config))
                    #expect(back.nodes == config.nodes, "set round trip:\n\(text)")
                } catch {
                    Issue.record("set commands do not read back: \(error)\n\(text)")
                }
            }
        }
        #expect(written > 1000)
    }

    // MARK: Findings (one regression test each)

    /// libFuzzer-style finding, TOML: 50,000 dotted key parts took minutes (each level re-hashed
    /// the whole path) and nested tables beyond what recursion handles. Now an error at the
    /// 257th part.
    @Test func tomlDeeplyDottedKeyIsAnErrorQuickly() throws {
        for text in [
            String(repeating: "a.", count: 50_000) + "b = 1", "[" + String(repeating: "t.", count: 50_000) + "u]\n",
        ] {
            var error: FormatError?
            do throws(FormatError) { _ = try TOMLReader.read(text) } catch let caught { error = caught }
            let found = try #require(error)
            #expect(found.message.contains("deeper than \(TOMLReader.maximumDepth)"), "\(found)")
            #expect(found.position.line == 1)
        }
        // 256 parts are still fine.
        let document = try TOMLReader.read(String(repeating: "a.", count: 255) + "b = 1")
        #expect(document.root.value(at: Array(repeating: "a", count: 255) + ["b"]) == .integer(1))
    }

    /// libFuzzer finding (Fuzz/regressions/vyos-set/leaf-named-like-container.txt): a name used as
    /// a leaf and as a block at one level. Read back with `.inferred(from:)`, `set X` for the leaf
    /// was taken as the container X and the leaf was lost without an error. VyOS has no such name,
    /// so the reader now refuses the text, at the line that conflicts.
    @Test func vyosSetLeafNamedLikeAContainer() throws {
        let text = "set a b 'lo'\nset x\nset n a b 'lo'\nset x\nset n\n"
        #expect(
            throws: FormatError("'n' is a leaf here but has children on line 3", at: TextPosition(line: 5, column: 5))
        ) {
            try VyOSReader.readSetCommands(text)
        }
        #expect(
            throws: FormatError("'n' has children here but is a leaf on line 1", at: TextPosition(line: 2, column: 5))
        ) {
            try VyOSReader.readSetCommands("set n\nset n a 'b'\n")
        }
        // Repeated leaves and repeated blocks of one name stay fine.
        let config = try VyOSReader.readSetCommands("set x a '1'\nset x a '2'\nset y z\nset y w\n")
        #expect(config.nodes.count == 3)
    }
}
