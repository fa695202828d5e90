import LabgenTestSupport
import Testing

@testable import LabFormats

/// Random YAML values whose strings contain every kind of special text.
struct YAMLValueGenerator {
    var random: SeededRandom

    static let words: [String] = [
        "", " ", "  ", "a", "plain", "yes", "no", "on", "off", "y", "n", "Y", "N", "true", "false", "True", "NULL",
        "null", "~", "1", "-1", "+1", "1e3", "0x10", "0o7", "0b1", "1_000", ".5", "1.", ".inf", "-.Inf", ".nan",
        "1:20", "12:30:45", "2001-12-14", "0777", "10.244.0.0/16", "192.168.2.100:5000/vyos/vyos:1.2.8",
        "container:calico-worker2", "ip addr add 10.1.5.10/24 dev net0", "br-pool0:br-pool0-net0", "-", "?", ":",
        ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "- x", "? x", ": x", "a: b",
        "a:", "a #b", "a#b", "it's", "say \"hi\"", "back\\slash", "\\n", "tab\there", "\t", "\n", "\n\n", "line\n",
        "two\nlines", " lead", "trail ", "\r", "\r\n", "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{A0}",
        "\u{2028}", "\u{FEFF}", "é", "日本", "😀", "---", "...", "--- x", "... x", "<<", "=", "a,b", "a[b]", "{a}",
        "#!x", "x:y", "x: ", "  indented\nnext", "\tfirst\nsecond", "a\n\n\nb\n\n", " \nx", "x\n  \n", "last  \n",
        "# not a comment\n", "key: value\nother: [1, 2]\n", "[plugins.\"x\"]\n  endpoint = [\"http://a:1\"]",
    ]

    mutating func string() -> String {
        var s = ""
        for _ in 0..<(1 + random.below(3)) { s += random.pick(Self.words) }
        if random.chance(percent: 10) {
            // A random scalar from anywhere in the printable and control ranges.
            let ranges: [ClosedRange<UInt32>] = [
                0...0x7F, 0x80...0x2FF, 0x2000...0x206F, 0xFFF0...0xFFFD, 0x1F600...0x1F64F,
            ]
            let range = random.pick(ranges)
            if let scalar = Unicode.Scalar(
                range.lowerBound + UInt32(random.below(Int(range.upperBound - range.lowerBound) + 1)))
            {
                s.unicodeScalars.insert(
                    scalar,
                    at: s.unicodeScalars.index(
                        s.unicodeScalars.startIndex, offsetBy: random.below(s.unicodeScalars.count + 1)))
            }
        }
        return s
    }

    /// `inFlow`: the value will be written inside a flow sequence, where every sequence is flow.
    mutating func value(depth: Int, inFlow: Bool = false) -> YAMLValue {
        let kind = depth <= 0 ? random.below(4) : random.below(8)
        switch kind {
        case 0: return .null
        case 1: return .bool(random.chance(percent: 50))
        case 2:
            return .int(
                random.chance(percent: 80) ? random.below(20_000) - 10_000 : Int(bitPattern: UInt(random.next())))
        case 3, 4: return .string(string())
        case 5:
            let flow = inFlow || random.chance(percent: 30)
            let count = random.below(4)
            return .sequence(
                (0..<count).map { _ in value(depth: depth - 1, inFlow: flow) }, style: flow ? .flow : .block)
        default:
            var pairs: [YAMLPair] = []
            var keys = Set<String>()
            for _ in 0..<random.below(4) {
                let key = string()
                if keys.insert(key).inserted {
                    pairs.append(YAMLPair(key: key, value: value(depth: depth - 1, inFlow: inFlow)))
                }
            }
            return .mapping(pairs)
        }
    }
}

/// Whether `a` and `b` are equal including sequence styles, where an empty sequence and
/// everything inside a flow sequence may come back as flow.
private func sameWithStyles(_ a: YAMLValue, _ b: YAMLValue) -> Bool {
    switch (a, b) {
    case (.sequence(let x, let sx), .sequence(let y, let sy)):
        let expected: YAMLCollectionStyle = x.isEmpty ? .flow : sx
        return expected == sy && x.count == y.count && zip(x, y).allSatisfy(sameWithStyles)
    case (.mapping(let x), .mapping(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && sameWithStyles($0.value, $1.value) }
    default:
        return a == b
    }
}

/// The file lines that hold the text of literal block scalars.
private func collectLiteralLines(_ node: YAMLNode, into lines: inout Set<Int>) {
    switch node.content {
    case .scalar(let text, .literal):
        let count = text.split(separator: "\n", omittingEmptySubsequences: false).count
        for k in 0..<count { lines.insert(node.contentPosition.line + k) }
    case .scalar: break
    case .sequence(let items): for item in items { collectLiteralLines(item, into: &lines) }
    case .mapping(let pairs): for pair in pairs { collectLiteralLines(pair.value, into: &lines) }
    }
}

@Suite("YAMLWriter")
struct YAMLWriterTests {

    @Test func kindConfigGolden() throws {
        let patch = """
            kind: InitConfiguration
            nodeRegistration:
              kubeletExtraArgs:
                node-ip: 10.1.5.10
                node-labels: "rack=rack0"

            """
        let value = YAMLValue.mapping([
            YAMLPair("kind", .string("Cluster")),
            YAMLPair("apiVersion", .string("kind.x-k8s.io/v1alpha4")),
            YAMLPair(
                "networking",
                .mapping([YAMLPair("disableDefaultCNI", .bool(true)), YAMLPair("podSubnet", .string("10.244.0.0/16"))])),
            YAMLPair(
                "nodes",
                .sequence([
                    .mapping([
                        YAMLPair("role", .string("control-plane")),
                        YAMLPair("kubeadmConfigPatches", .sequence([.string(patch)])),
                        YAMLPair("extraMounts", .sequence([])),
                        YAMLPair("labels", .mapping([])),
                    ]),
                    .mapping([YAMLPair("role", .string("worker")), YAMLPair("image", .string("kindest/node:v1.29.2"))]),
                ])),
            YAMLPair(
                "containerdConfigPatches",
                .sequence([
                    .string(
                        "[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"192.168.2.100:5000\"]\n  endpoint = [\"http://192.168.2.100:5000\"]"
                    )
                ])),
        ])
        let expected = """
            kind: Cluster
            apiVersion: kind.x-k8s.io/v1alpha4
            networking:
              disableDefaultCNI: true
              podSubnet: 10.244.0.0/16
            nodes:
            - role: control-plane
              kubeadmConfigPatches:
              - |
                kind: InitConfiguration
                nodeRegistration:
                  kubeletExtraArgs:
                    node-ip: 10.1.5.10
                    node-labels: "rack=rack0"
              extraMounts: []
              labels: {}
            - role: worker
              image: kindest/node:v1.29.2
            containerdConfigPatches:
            - |-
              [plugins."io.containerd.grpc.v1.cri".registry.mirrors."192.168.2.100:5000"]
                endpoint = ["http://192.168.2.100:5000"]

            """
        let text = YAMLWriter.write(value)
        #expect(text == expected)
        #expect(try YAMLReader.read(text).map(\.value) == [value])
    }

    @Test func containerlabGolden() {
        let value = YAMLValue.mapping([
            YAMLPair("name", .string("lab")),
            YAMLPair(
                "topology",
                .mapping([
                    YAMLPair(
                        "nodes",
                        .mapping([
                            YAMLPair(
                                "server1",
                                .mapping([
                                    YAMLPair("kind", .string("linux")),
                                    YAMLPair("network-mode", .string("container:calico-worker2")),
                                    YAMLPair("exec", .sequence([.string("ip addr add 10.1.5.10/24 dev net0")])),
                                ]))
                        ])),
                    YAMLPair(
                        "links",
                        .sequence([
                            .mapping([
                                YAMLPair(
                                    "endpoints",
                                    .sequence(
                                        [.string("br-pool0:br-pool0-net0"), .string("server1:net0")], style: .flow))
                            ])
                        ])),
                ])),
        ])
        #expect(
            YAMLWriter.write(value) == """
                name: lab
                topology:
                  nodes:
                    server1:
                      kind: linux
                      network-mode: container:calico-worker2
                      exec:
                      - ip addr add 10.1.5.10/24 dev net0
                  links:
                  - endpoints: [br-pool0:br-pool0-net0, server1:net0]

                """)
    }

    @Test(arguments: [
        ("yes", "'yes'"), ("No", "'No'"), ("on", "'on'"), ("y", "'y'"), ("true", "'true'"), ("null", "'null'"),
        ("~", "'~'"), ("", "''"), ("1e3", "'1e3'"), ("0x10", "'0x10'"), ("0o7", "'0o7'"), ("1_000", "'1_000'"),
        (".5", "'.5'"), ("+1", "'+1'"), (".inf", "'.inf'"), (".nan", "'.nan'"), ("1:20", "'1:20'"),
        ("-x", "'-x'"), ("? x", "'? x'"), (":x", "':x'"), ("[a]", "'[a]'"), ("#c", "'#c'"), ("&a", "'&a'"),
        ("*a", "'*a'"), ("!t", "'!t'"), ("|", "'|'"), (">", "'>'"), ("'q'", "'''q'''"), ("\"q\"", "'\"q\"'"),
        ("%x", "'%x'"), ("@x", "'@x'"), ("`x", "'`x'"), ("a: b", "'a: b'"), ("a #b", "'a #b'"), ("a:", "'a:'"),
        (" a", "' a'"), ("a ", "'a '"), ("it's", "it's"), ("a\tb", "\"a\\tb\""), ("a\u{1}b", "\"a\\x01b\""),
        ("a\u{2028}", "\"a\\L\""), ("\r", "\"\\r\""), ("é", "é"), ("10.244.0.0/16", "10.244.0.0/16"),
        ("192.168.2.100:5000/vyos/vyos:1.2.8", "192.168.2.100:5000/vyos/vyos:1.2.8"),
        ("container:calico-worker2", "container:calico-worker2"),
        ("ip addr add 10.1.5.10/24 dev net0", "ip addr add 10.1.5.10/24 dev net0"),
        ("br-pool0:br-pool0-net0", "br-pool0:br-pool0-net0"), ("10.1.5.10", "10.1.5.10"), ("...", "'...'"),
        ("2001-12-14", "'2001-12-14'"), ("<<", "'<<'"),
    ])
    func scalarQuoting(text: String, written: String) throws {
        #expect(YAMLWriter.scalar(text) == written)
        let doc = YAMLWriter.write(.mapping([YAMLPair(text, .string(text))]))
        #expect(try YAMLReader.read(doc).map(\.value) == [.mapping([YAMLPair(text, .string(text))])])
    }

    @Test func multiLineStrings() throws {
        #expect(YAMLWriter.write(.mapping([YAMLPair("a", .string("x\ny"))])) == "a: |-\n  x\n  y\n")
        #expect(YAMLWriter.write(.mapping([YAMLPair("a", .string("x\n"))])) == "a: |\n  x\n")
        #expect(YAMLWriter.write(.mapping([YAMLPair("a", .string("x\n\n"))])) == "a: |+\n  x\n\n")
        #expect(YAMLWriter.write(.mapping([YAMLPair("a", .string("  x\ny\n"))])) == "a: |2\n    x\n  y\n")
        #expect(YAMLWriter.write(.mapping([YAMLPair("a", .string("x\r\ny"))])) == "a: \"x\\r\\ny\"\n")
        #expect(YAMLWriter.write(.mapping([YAMLPair("a\nb", .int(1))])) == "\"a\\nb\": 1\n")
        #expect(YAMLWriter.write(.string("doc\n")) == "|\n  doc\n")
        #expect(YAMLWriter.write(.string(" doc\n")) == "\" doc\\n\"\n")
        #expect(YAMLWriter.write(.sequence([.string("a\nb")], style: .flow)) == "[\"a\\nb\"]\n")
        #expect(YAMLWriter.write(.sequence([.sequence([.string("a"), .int(1)])])) == "- - a\n  - 1\n")
        #expect(YAMLWriter.write(documents: [.int(1), .mapping([])]) == "1\n---\n{}\n")
        #expect(YAMLWriter.write(documents: []) == "")
    }

    @Test func roundTripProperty() throws {
        var generator = YAMLValueGenerator(random: SeededRandom(seed: 0x5EED_CAFE))
        var checked = 0
        for iteration in 0..<3000 {
            let value = generator.value(depth: 1 + iteration % 5)
            let text = YAMLWriter.write(value)
            let nodes: [YAMLNode]
            do {
                nodes = try YAMLReader.read(text)
            } catch {
                Issue.record("iteration \(iteration): \(error)\n\(text)\nfrom \(value)")
                continue
            }
            // Tabs may only follow the indentation inside literal block scalars (as content).
            var literalLines = Set<Int>()
            for node in nodes { collectLiteralLines(node, into: &literalLines) }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let indentation = line.prefix(while: { $0 == " " || $0 == "\t" || $0 == "-" })
                if indentation.contains("\t") {
                    #expect(literalLines.contains(index + 1) && !line.hasPrefix("\t"), "tab in indentation: \(text)")
                }
            }
            let read = nodes.map(\.value)
            #expect(read == [value], "iteration \(iteration):\n\(text)")
            if read.count == 1 {
                #expect(sameWithStyles(value, read[0]), "styles, iteration \(iteration):\n\(text)")
            }
            checked += 1
        }
        #expect(checked == 3000)

        // Several documents in one stream.
        for _ in 0..<300 {
            let values = (0..<generator.random.below(4)).map { _ in generator.value(depth: 3) }
            #expect(try YAMLReader.read(YAMLWriter.write(documents: values)).map(\.value) == values)
        }
    }

    @Test func writingIsDeterministic() {
        var a = YAMLValueGenerator(random: SeededRandom(seed: 7))
        var b = YAMLValueGenerator(random: SeededRandom(seed: 7))
        for _ in 0..<100 {
            #expect(YAMLWriter.write(a.value(depth: 4)) == YAMLWriter.write(b.value(depth: 4)))
        }
    }
}
