import LabFormats
import LabgenTestSupport
import Testing

func tomlError(_ text: String) -> FormatError? {
    do {
        _ = try TOMLReader.read(text)
        return nil
    } catch {
        return error
    }
}

@Suite("TOML subset")
struct TOMLTests {
    static let example = """
        [plugins."io.containerd.grpc.v1.cri".registry.mirrors."192.168.2.100:5000"]
          endpoint = ["http://192.168.2.100:5000"]

        """

    @Test func kindMirrorExampleRoundTrips() throws {
        let doc = try TOMLReader.read(Self.example)
        let path = ["plugins", "io.containerd.grpc.v1.cri", "registry", "mirrors", "192.168.2.100:5000"]
        #expect(doc.root.value(at: path + ["endpoint"]) == .array([.string("http://192.168.2.100:5000")]))
        #expect(doc.position(of: path) == TextPosition(line: 1, column: 1))
        #expect(doc.position(of: path + ["endpoint"]) == TextPosition(line: 2, column: 3))
        #expect(doc.position(of: ["plugins"]) == TextPosition(line: 1, column: 2))
        #expect(TOMLWriter.write(doc.root) == Self.example)
        // Built in code, as the kind renderer does.
        let mirror = TOMLTable([("endpoint", .array([.string("http://192.168.2.100:5000")]))])
        let root: TOMLTable = [
            "plugins": .table([
                "io.containerd.grpc.v1.cri": .table([
                    "registry": .table(["mirrors": .table(["192.168.2.100:5000": .table(mirror)])])
                ])
            ])
        ]
        #expect(TOMLWriter.write(root) == Self.example)
        #expect(root == doc.root)
    }

    @Test func keysValuesAndComments() throws {
        let text = """
            # top comment
            title = 'lit\\eral'   # trailing
            n = -1_000
            on = true
            "quoted \\"key\\"\\u00e9" = "tab\\there\\\\"
            a.b . 'c d' = 0

            [t]
            list = [
              "x",  # comment in array
              [ "y", 'z' ],
              [],
            ]
            [t.sub]
            [x.y]
            z = false
            [x]
            w = 1
            """
        let doc = try TOMLReader.read(text)
        let root = doc.root
        #expect(root["title"] == .string("lit\\eral"))
        #expect(root["n"] == .integer(-1000))
        #expect(root["on"] == .boolean(true))
        #expect(root["quoted \"key\"é"] == .string("tab\there\\"))
        #expect(root.value(at: ["a", "b", "c d"]) == .integer(0))
        #expect(
            root.value(at: ["t", "list"]) == .array([.string("x"), .array([.string("y"), .string("z")]), .array([])]))
        #expect(root.value(at: ["t", "sub"]) == .table(TOMLTable()))
        #expect(root.value(at: ["x", "w"]) == .integer(1))
        #expect(doc.position(of: ["a", "b", "c d"]) == TextPosition(line: 6, column: 7))
        #expect(doc.position(of: ["x"]) == TextPosition(line: 17, column: 1))
        let written = TOMLWriter.write(root)
        // The writer puts a table's values before its sub-tables ([x] has `y` before `w` here).
        #expect(try TOMLReader.read(written).root == Self.valuesFirst(root))
        #expect(written.contains("\"quoted \\\"key\\\"é\" = \"tab\\there\\\\\"\n"))
        #expect(written.contains("[a.b]\n  \"c d\" = 0\n"))
    }

    @Test(
        arguments: [
            ("a = 1\na = 2\n", 2, 1, "duplicate key 'a'"),
            ("[t]\n[t]\n", 2, 1, "duplicate table [t]"),
            ("a.b = 1\n[a]\n", 2, 1, "already defined by dotted keys"),
            ("[a]\nb = 1\n[a.b]\n", 3, 4, "already a value"),
            ("[a.b]\n[a]\nb.c = 1\n", 3, 1, "dotted key cannot add to table [a.b]"),
            ("a = \"abc\n", 1, 5, "unterminated string"),
            ("a = 'abc\n", 1, 5, "unterminated literal string"),
            ("a = [1, 2\n", 1, 5, "unterminated array"),
            ("a = [1 2]\n", 1, 8, "expected ',' or ']'"),
            ("a = { b = 1 }\n", 1, 5, "unsupported TOML feature: inline table"),
            ("a = \"\"\"x\"\"\"\n", 1, 5, "unsupported TOML feature: multi-line string"),
            ("a = '''x'''\n", 1, 5, "unsupported TOML feature: multi-line literal string"),
            ("a = 1.5\n", 1, 5, "unsupported TOML feature: float"),
            ("a = 1e3\n", 1, 5, "unsupported TOML feature: float"),
            ("a = inf\n", 1, 5, "unsupported TOML feature: float"),
            ("a = 1979-05-27\n", 1, 5, "unsupported TOML feature: date"),
            ("a = 07:32:00\n", 1, 5, "unsupported TOML feature: date"),
            ("a = 0x1F\n", 1, 5, "unsupported TOML feature: hexadecimal"),
            ("[[a]]\n", 1, 1, "unsupported TOML feature: array of tables"),
            ("a = 012\n", 1, 5, "leading zero"),
            ("a = 99999999999999999999\n", 1, 5, "does not fit in 64 bits"),
            ("a = yes\n", 1, 5, "invalid value 'yes'"),
            ("a = 1 b = 2\n", 1, 7, "expected the end of the line"),
            ("a\n", 1, 2, "expected '='"),
            ("= 1\n", 1, 1, "expected a key"),
            ("[a\n", 1, 3, "expected ']'"),
            ("a = \"\\q\"\n", 1, 6, "unknown escape"),
            ("a = \"\\uD800\"\n", 1, 6, "not a Unicode scalar"),
            ("a = \"x\u{1}\"\n", 1, 7, "control character U+0001"),
            ("a = \n", 1, 5, "expected a value"),
        ] as [(String, Int, Int, String)])
    func errors(text: String, line: Int, column: Int, message: String) {
        let error = tomlError(text)
        #expect(error?.position == TextPosition(line: line, column: column), "\(error?.description ?? "no error")")
        #expect(error?.message.contains(message) == true, "\(error?.description ?? "no error")")
    }

    @Test func emptyAndNesting() throws {
        #expect(try TOMLReader.read("").root == TOMLTable())
        #expect(try TOMLReader.read("\n# c\n\r\n").root == TOMLTable())
        #expect(TOMLWriter.write(TOMLTable()) == "")
        let deep = "a = " + String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(tomlError(deep) == nil)
        let tooDeep = "a = " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(tomlError(tooDeep)?.message.contains("nested deeper than 256") == true)
    }

    static func valuesFirst(_ t: TOMLTable) -> TOMLTable {
        let values = t.entries.filter { if case .table = $0.value { false } else { true } }
        let tables = t.entries.compactMap { e -> TOMLEntry? in
            if case .table(let sub) = e.value { return TOMLEntry(key: e.key, value: .table(valuesFirst(sub))) }
            return nil
        }
        return TOMLTable(values + tables)
    }

    static let keyPieces = [
        "a", "Z", "9", "_", "-", ".", " ", "\"", "\\", "'", "#", "=", "[", "]", "é", "🙂", "\n", "\t", "\u{1}", "\u{7F}",
        "",
    ]

    static func randomString(_ rng: inout SeededRandom) -> String {
        (0..<rng.below(5)).map { _ in rng.pick(keyPieces) }.joined()
    }

    static func randomValue(_ rng: inout SeededRandom, depth: Int) -> TOMLValue {
        switch rng.below(depth > 2 ? 3 : 4) {
        case 0: return .string(randomString(&rng))
        case 1: return .integer(Int(bitPattern: UInt(truncatingIfNeeded: rng.next())) >> rng.below(64))
        case 2: return .boolean(rng.below(2) == 0)
        default: return .array((0..<rng.below(4)).map { _ in randomValue(&rng, depth: depth + 1) })
        }
    }

    /// Values first, then sub-tables: the order the writer keeps.
    static func randomTable(_ rng: inout SeededRandom, depth: Int) -> TOMLTable {
        var table = TOMLTable()
        for _ in 0..<rng.below(4) { table[randomString(&rng)] = randomValue(&rng, depth: 0) }
        if depth < 3 {
            for _ in 0..<rng.below(3) {
                let key = randomString(&rng)
                if table[key] == nil { table[key] = .table(randomTable(&rng, depth: depth + 1)) }
            }
        }
        return table
    }

    @Test func writeThenReadIsIdentity() throws {
        var rng = SeededRandom(seed: 0x70_4D1)
        for _ in 0..<1000 {
            let table = Self.randomTable(&rng, depth: 0)
            let text = TOMLWriter.write(table)
            let back = try TOMLReader.read(text)
            #expect(back.root == table, "\(text)")
        }
    }

    @Test func mutationFuzzNeverCrashes() {
        var rng = SeededRandom(seed: 0xF077)
        let seeds = [Self.example, "a = [1, [\"x\", 'y'], ]\n[t.\"q\\\"k\"]\nb.c = true # c\n"]
        let inserts: [[UInt8]] = [
            [0x5B], [0x5D], [0x22], [0x27], [0x5C], [0x0A], [0x3D], [0x2E], [0x23], [0x2C], [0x7B], [0x00], [0xFF],
            [0x22, 0x22, 0x22],
        ]
        var runs = 0
        // A fixed, seeded number of runs: the same inputs on every machine, whatever its speed.
        while runs < 4000 {
            var bytes = Array(rng.pick(seeds).utf8)
            if rng.below(10) == 0 {
                bytes = (0..<rng.below(120)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            }
            for _ in 0..<(1 + rng.below(3)) {
                let at = rng.below(bytes.count + 1)
                switch rng.below(3) {
                case 0 where at < bytes.count: bytes.remove(at: at)
                case 1: bytes.insert(contentsOf: rng.pick(inserts), at: at)
                default: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
                }
            }
            if let doc = try? TOMLReader.read(String(decoding: bytes, as: UTF8.self)) {
                // Whatever reads, writes and reads back (the writer puts values before tables).
                let again = try? TOMLReader.read(TOMLWriter.write(doc.root))
                #expect(again != nil)
            }
            runs += 1
        }
    }
}
