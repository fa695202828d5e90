import Foundation
import Testing

@testable import LabFormats

/// Reads one document and returns its value.
private func value(_ text: String) throws -> YAMLValue {
    let docs = try YAMLReader.read(text)
    #expect(docs.count == 1)
    return docs.first?.value ?? .null
}

/// The error thrown for `text`.
private func readError(_ text: String) -> FormatError? {
    do {
        _ = try YAMLReader.read(text)
        return nil
    } catch {
        return error
    }
}

private func map(_ pairs: (String, YAMLValue)...) -> YAMLValue {
    .mapping(pairs.map { YAMLPair(key: $0.0, value: $0.1) })
}

private func seq(_ items: YAMLValue...) -> YAMLValue { .sequence(items) }

private func str(_ s: String) -> YAMLValue { .string(s) }

let kindConfig = """
    kind: Cluster
    apiVersion: kind.x-k8s.io/v1alpha4
    networking:
      disableDefaultCNI: true
      podSubnet: "10.244.0.0/16"
    nodes:
    - role: control-plane
      kubeadmConfigPatches:
      - |
        kind: InitConfiguration
        nodeRegistration:
          kubeletExtraArgs:
            node-ip: 10.1.5.10
            node-labels: "rack=rack0"

    - role: worker
    containerdConfigPatches:
    - |-
      [plugins."io.containerd.grpc.v1.cri".registry.mirrors."192.168.2.100:5000"]
        endpoint = ["http://192.168.2.100:5000"]

    """

@Suite("YAMLReader")
struct YAMLReaderTests {

    @Test func kindConfigReadsExactly() throws {
        let expected = map(
            ("kind", str("Cluster")),
            ("apiVersion", str("kind.x-k8s.io/v1alpha4")),
            ("networking", map(("disableDefaultCNI", .bool(true)), ("podSubnet", str("10.244.0.0/16")))),
            (
                "nodes",
                seq(
                    map(
                        ("role", str("control-plane")),
                        (
                            "kubeadmConfigPatches",
                            seq(
                                str(
                                    """
                                    kind: InitConfiguration
                                    nodeRegistration:
                                      kubeletExtraArgs:
                                        node-ip: 10.1.5.10
                                        node-labels: "rack=rack0"

                                    """))
                        )),
                    map(("role", str("worker"))))
            ),
            (
                "containerdConfigPatches",
                seq(
                    str(
                        "[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"192.168.2.100:5000\"]\n  endpoint = [\"http://192.168.2.100:5000\"]"
                    ))
            )
        )
        #expect(try value(kindConfig) == expected)

        let doc = try #require(try YAMLReader.read(kindConfig).first)
        let patch = try #require(doc["nodes"]?.firstItem?["kubeadmConfigPatches"]?.firstItem)
        #expect(patch.position == TextPosition(line: 9, column: 5))
        #expect(patch.contentPosition == TextPosition(line: 10, column: 5))
        #expect(patch.content == .scalar(patch.scalarText!, .literal))
        let containerd = try #require(doc["containerdConfigPatches"]?.firstItem)
        #expect(containerd.position == TextPosition(line: 18, column: 3))
        #expect(containerd.contentPosition == TextPosition(line: 19, column: 3))
        #expect(doc["networking"]?["podSubnet"]?.position == TextPosition(line: 5, column: 14))
        #expect(doc["networking"]?["podSubnet"]?.content == .scalar("10.244.0.0/16", .doubleQuoted))
        #expect(doc["nodes"]?.position == TextPosition(line: 7, column: 1))
        #expect(doc["nodes"]?.firstItem?.position == TextPosition(line: 7, column: 3))
    }

    @Test func containerlabFlowSequences() throws {
        let text = """
            name: lab
            topology:
              links:
                - endpoints: ["br-pool0:br-pool0-net0", "server1:net0"]
                - endpoints: [a:b, c]
              nodes: {r1: {kind: linux, image: "vyos:1.2.8"}, r2: {}}
            """
        let v = try value(text)
        #expect(
            v["topology"]?["links"]
                == seq(
                    map(("endpoints", .sequence([str("br-pool0:br-pool0-net0"), str("server1:net0")], style: .flow))),
                    map(("endpoints", .sequence([str("a:b"), str("c")], style: .flow)))))
        #expect(
            v["topology"]?["nodes"]
                == map(("r1", map(("kind", str("linux")), ("image", str("vyos:1.2.8")))), ("r2", map())))
        let node = try #require(try YAMLReader.read(text).first)
        let endpoints = try #require(node["topology"]?["links"]?.firstItem?["endpoints"])
        #expect(endpoints.isFlow)
        #expect(endpoints.position == TextPosition(line: 4, column: 18))
        guard case .sequence(let items) = endpoints.content else {
            Issue.record("not a sequence")
            return
        }
        #expect(items[1].position == TextPosition(line: 4, column: 45))
    }

    @Test func scalarsResolveWithTheCoreSchema() throws {
        let v = try value(
            """
            a: ~
            b: null
            c:
            d: true
            e: False
            f: 42
            g: -7
            h: 0x1F
            i: 0o17
            j: 1.5
            k: "true"
            l: '12'
            m: yes
            n: 99999999999999999999999
            o: +3
            """)
        #expect(
            v
                == map(
                    ("a", .null), ("b", .null), ("c", .null), ("d", .bool(true)), ("e", .bool(false)), ("f", .int(42)),
                    ("g", .int(-7)), ("h", .int(31)), ("i", .int(15)), ("j", str("1.5")), ("k", str("true")),
                    ("l", str("12")), ("m", str("yes")), ("n", str("99999999999999999999999")), ("o", .int(3))))
    }

    /// A stream cut at a document marker near its middle reads, piece by piece, as its documents, with
    /// the whole stream's positions; there is no cut without a marker past the first line, with a
    /// directive, or with a CR.
    @Test func aStreamCutBetweenDocuments() throws {
        let text = (0..<10).map { "a: \($0)\nb: |\n  text \($0)\n  --- not a marker\n" }.joined(
            separator: "--- # doc\n")
        let boundary = try #require(YAMLReader.documentBoundary(nearMiddleOf: text))
        let utf8 = Array(text.utf8)
        #expect(boundary.offset >= utf8.count / 2)
        #expect(utf8[boundary.offset..<boundary.offset + 4] == ArraySlice("--- ".utf8))
        #expect(utf8[..<boundary.offset].filter { $0 == 0x0A }.count + 1 == boundary.line)
        let first = String(decoding: utf8[..<boundary.offset], as: UTF8.self)
        let second = String(decoding: utf8[boundary.offset...], as: UTF8.self)
        let whole = try YAMLReader.read(text)
        let pieces = try YAMLReader.read(first, firstLine: 1) + YAMLReader.read(second, firstLine: boundary.line)
        #expect(pieces == whole)
        #expect(pieces.last?["b"]?.position == whole.last?["b"]?.position)
        #expect(YAMLReader.documentBoundary(nearMiddleOf: "a: 1\nb: 2\nc: 3\n") == nil)
        #expect(YAMLReader.documentBoundary(nearMiddleOf: "%YAML 1.2\n" + text) == nil)
        #expect(YAMLReader.documentBoundary(nearMiddleOf: text.replacingOccurrences(of: "\n", with: "\r\n")) == nil)
        // An error in the second piece is reported at its line in the whole stream.
        let broken = first + second.replacingOccurrences(of: "a: 9", with: "a: [9")
        func failure(_ read: () throws(FormatError) -> [YAMLNode]) -> FormatError? {
            do {
                _ = try read()
                return nil
            } catch { return error }
        }
        let inPiece = failure { () throws(FormatError) in
            try YAMLReader.read(second.replacingOccurrences(of: "a: 9", with: "a: [9"), firstLine: boundary.line)
        }
        let inWhole = failure { () throws(FormatError) in try YAMLReader.read(broken) }
        #expect(inPiece != nil)
        #expect(inPiece?.position == inWhole?.position)
        #expect(inPiece?.message == inWhole?.message)
    }

    /// Integers at the edges of `Int`, in each radix, and what only looks like one.
    @Test(arguments: [
        ("0", YAMLValue.int(0)), ("-0", .int(0)), ("007", .int(7)), ("+0x1", .string("+0x1")),
        ("9223372036854775807", .int(Int.max)), ("9223372036854775808", .string("9223372036854775808")),
        ("-9223372036854775808", .int(Int.min)), ("-9223372036854775809", .string("-9223372036854775809")),
        ("0x7fffffffffffffff", .int(Int.max)), ("0x8000000000000000", .string("0x8000000000000000")),
        ("0xFf", .int(255)), ("0o777", .int(511)), ("0o8", .string("0o8")), ("0x", .string("0x")),
        ("0xG", .string("0xG")), ("1_000", .string("1_000")), ("+", .string("+")), ("--1", .string("--1")),
        ("12a", .string("12a")), ("٣", .string("٣")),
    ])
    func integersAtTheEdges(text: String, expected: YAMLValue) throws {
        #expect(try YAMLReader.readValues("v: \(text)\n") == [.mapping([YAMLPair("v", expected)])])
    }

    @Test func blockSequencesAllStyles() throws {
        #expect(try value("- a\n- b\n") == seq(str("a"), str("b")))
        #expect(try value("k:\n- a\n- b\nz: 1\n") == map(("k", seq(str("a"), str("b"))), ("z", .int(1))))
        #expect(try value("k:\n  - a\n  - b\n") == map(("k", seq(str("a"), str("b")))))
        #expect(try value("- - a\n  - b\n- c\n") == seq(seq(str("a"), str("b")), str("c")))
        #expect(try value("- a: 1\n  b: 2\n- c: 3\n") == seq(map(("a", .int(1)), ("b", .int(2))), map(("c", .int(3)))))
        #expect(try value("-\n  a\n-\n") == seq(str("a"), .null))
        #expect(try value("- # comment\n  x\n") == seq(str("x")))
    }

    @Test func flowCollections() throws {
        #expect(
            try value("[a, 'b', \"c\", [d, [e]], {f: g}]")
                == .sequence(
                    [
                        str("a"), str("b"), str("c"),
                        .sequence([str("d"), .sequence([str("e")], style: .flow)], style: .flow),
                        map(("f", str("g"))),
                    ], style: .flow))
        #expect(
            try value("{a: 1, b: [2, 3], c}")
                == map(("a", .int(1)), ("b", .sequence([.int(2), .int(3)])), ("c", .null)))
        #expect(try value("k: [\n  a,  # one\n  b,\n ]\n") == map(("k", .sequence([str("a"), str("b")]))))
        #expect(try value("[a: 1, b]") == .sequence([map(("a", .int(1))), str("b")]))
        #expect(try value("{\"a\":1}") == map(("a", .int(1))))
        #expect(try value("[]") == .sequence([]))
        #expect(try value("{}") == map())
        #expect(try value("[a\n  b, c]") == .sequence([str("a b"), str("c")]))
    }

    @Test func plainScalarsFold() throws {
        #expect(try value("a: one\n  two\n\n  three\nb: x") == map(("a", str("one two\nthree")), ("b", str("x"))))
        #expect(try value("one\ntwo\n") == str("one two"))
        #expect(try value("a: b # comment\n") == map(("a", str("b"))))
        #expect(try value("a: b#c\n") == map(("a", str("b#c"))))
        #expect(try value("url: http://x:80/y\n") == map(("url", str("http://x:80/y"))))
        #expect(readError("a: - b\n") != nil)
    }

    @Test func quotedScalars() throws {
        #expect(try value("'it''s'") == str("it's"))
        #expect(try value("'a\n  b\n\n  c'") == str("a b\nc"))
        #expect(
            try value(#""\n\t\\\"\0\a\b\e\f\r\v\/\ \N\_\L\P\x41\u00e9\U0001F600""#)
                == str("\n\t\\\"\0\u{07}\u{08}\u{1B}\u{0C}\r\u{0B}/ \u{85}\u{A0}\u{2028}\u{2029}Aé😀"))
        #expect(try value("\"a  \n   b\"") == str("a b"))
        #expect(try value("\"a\\\n   b\"") == str("ab"))
        #expect(try value("\"a \\\n\n   b\"") == str("a \nb"))
        #expect(try value("\"tab\\\tx\"") == str("tab\tx"))
    }

    @Test func blockScalars() throws {
        #expect(try value("a: |\n  x\n  y\n\n\nb: 1") == map(("a", str("x\ny\n")), ("b", .int(1))))
        #expect(try value("a: |-\n  x\n\nb: 1") == map(("a", str("x")), ("b", .int(1))))
        #expect(try value("a: |+\n  x\n\n\nb: 1") == map(("a", str("x\n\n\n")), ("b", .int(1))))
        #expect(try value("a: >\n  x\n  y\n\n  z\n   w\n  v\n") == map(("a", str("x y\nz\n w\nv\n"))))
        #expect(try value("a: >-\n  x\n  y\n") == map(("a", str("x y"))))
        #expect(try value("a: >+\n  x\n\n") == map(("a", str("x\n\n"))))
        #expect(try value("- |2-\n    x\n   y\n") == seq(str("  x\n y")))
        #expect(try value("a: |\n\n  x\n") == map(("a", str("\nx\n"))))
        #expect(try value("a: |  # comment\n  x\n# after\n") == map(("a", str("x\n"))))
        #expect(try value("--- |\nroot\n") == str("root\n"))
        #expect(try value("a: |\nb: 1\n") == map(("a", str("")), ("b", .int(1))))
        let node = try #require(try YAMLReader.read("x:\n  y: |2\n\n     z\n").first?["x"]?["y"])
        #expect(node.position == TextPosition(line: 2, column: 6))
        #expect(node.contentPosition == TextPosition(line: 3, column: 5))
        #expect(node.scalarText == "\n z\n")
    }

    @Test func documents() throws {
        #expect(try YAMLReader.read("").isEmpty)
        #expect(try YAMLReader.read("# only a comment\n\n").isEmpty)
        #expect(try YAMLReader.read("---\n").map(\.value) == [.null])
        #expect(
            try YAMLReader.read("a: 1\n---\nb: 2\n...\n---\n- c\n").map(\.value)
                == [map(("a", .int(1))), map(("b", .int(2))), seq(str("c"))])
        #expect(try YAMLReader.read("--- text\n--- 'q'\n").map(\.value) == [str("text"), str("q")])
        #expect(try YAMLReader.read("scalar\n...\n# c\n").map(\.value) == [str("scalar")])
        #expect(try YAMLReader.read("\u{FEFF}a: 1\n").first?["a"]?.position == TextPosition(line: 1, column: 4))
        #expect(try YAMLReader.read("a: 1\r\nb: 2\r\n").map(\.value) == [map(("a", .int(1)), ("b", .int(2)))])
    }

    @Test func positionsAreExact() throws {
        let text = "a:\n  bé: [x, \"y\"]  # c\n  c:\n  - 'z'\n  -\n"
        let doc = try #require(try YAMLReader.read(text).first)
        #expect(doc.position == TextPosition(line: 1, column: 1))
        guard case .mapping(let pairs) = try #require(doc["a"]).content else {
            Issue.record("not a mapping")
            return
        }
        #expect(pairs[0].key.position == TextPosition(line: 2, column: 3))
        #expect(pairs[0].value.position == TextPosition(line: 2, column: 7))
        guard case .sequence(let items) = pairs[0].value.content else { return }
        #expect(items[0].position == TextPosition(line: 2, column: 8))
        #expect(items[1].position == TextPosition(line: 2, column: 11))
        #expect(pairs[1].key.position == TextPosition(line: 3, column: 3))
        guard case .sequence(let entries) = pairs[1].value.content else { return }
        #expect(pairs[1].value.position == TextPosition(line: 4, column: 3))
        #expect(entries[0].position == TextPosition(line: 4, column: 5))
        #expect(entries[1].position == TextPosition(line: 5, column: 4))  // empty: right after '-'
    }

    // MARK: Errors

    @Test(arguments: [
        ("a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key 'a' (first defined on line 1)"),
        ("x:\n  k: 1\n  'k': 2\n", 3, 3, "duplicate key 'k' (first defined on line 2)"),
        ("{a: 1, a: 2}", 1, 8, "duplicate key 'a' (first defined on line 1)"),
        ("a:\n\tb: 1\n", 2, 1, "tab character used for indentation"),
        ("a:\n  b: 1\n  \tc: 2\n", 3, 3, "tab character used for indentation"),
        ("a:\n  b: 'x'\n   c: 2\n", 3, 4, "bad indentation of a mapping entry (expected 2 spaces)"),
        ("a: 'open\n", 1, 4, "unterminated single-quoted string"),
        ("a: \"open\n", 1, 4, "unterminated double-quoted string"),
        ("a: [1, 2\n", 1, 4, "unterminated flow sequence (missing ']')"),
        ("a: {b: 1\n", 1, 4, "unterminated flow mapping (missing '}')"),
        ("a: \"x\\qy\"\n", 1, 6, "invalid escape sequence '\\q'"),
        ("a: \"\\x4\"\n", 1, 5, "invalid escape: '\\x' needs 2 hex digits"),
        ("a: b: c\n", 1, 5, "unexpected ':' (a nested mapping must start on a new line, or quote the value)"),
        ("a: x\0y\n", 1, 5, "control or non-printable character U+0000 is not allowed"),
        ("a:\n  b: \u{1B}\n", 2, 6, "control or non-printable character U+001B is not allowed"),
        ("k: [\n  a,\n]\n", 3, 1, "bad indentation of a flow collection line (indent it more than its parent)"),
        (
            "- a\nb: 1\n", 2, 1,
            "unexpected content after the end of the document (bad indentation, or a missing '---'?)"
        ),
    ])
    func errorsHaveExactPositions(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(readError(text))
        #expect(error.position == TextPosition(line: line, column: column))
        #expect(error.message == message)
    }

    @Test(arguments: [
        ("a: &x 1\n", "anchors", 1, 4),
        ("a: *x\n", "aliases", 1, 4),
        ("a: !foo 1\n", "tags", 1, 4),
        ("a: !!str 1\n", "tags", 1, 4),
        ("? a\n: b\n", "explicit and complex keys", 1, 1),
        ("%YAML 1.2\n---\na\n", "directives", 1, 1),
        ("<<: {a: 1}\n", "merge keys", 1, 1),
        ("[a, b]: c\n", "complex keys", 1, 1),
        ("- [&a x]\n", "anchors", 1, 4),
        (": v\n", "empty keys", 1, 1),
    ])
    func unsupportedFeaturesAreRefused(text: String, feature: String, line: Int, column: Int) throws {
        let error = try #require(readError(text))
        #expect(error.message.hasPrefix("unsupported YAML feature: \(feature)"))
        #expect(error.position == TextPosition(line: line, column: column))
    }

    @Test func nestingLimit() throws {
        let deep = String(repeating: "[", count: 10_000)
        let error = try #require(readError(deep))
        #expect(error.message.contains("nested deeper"))
        #expect(error.position == TextPosition(line: 1, column: YAMLReader.maxDepth + 1))
        let ok = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: Never.self) { try YAMLReader.read(ok) }
        var block = ""
        for level in 0..<300 { block += String(repeating: " ", count: level) + "k:\n" }
        #expect(readError(block)?.message.contains("nested deeper") == true)
        let dashes = String(repeating: "- ", count: 1000) + "x"
        #expect(readError(dashes)?.message.contains("nested deeper") == true)
    }

    @Test func largeInputIsLinear() throws {
        var text = "nodes:\n"
        for k in 0..<5000 {
            text +=
                "- role: worker\n  name: node\(k)\n  labels: {rack: rack\(k % 7)}\n  patches:\n  - |\n    kind: X\n    n: \(k)\n"
        }
        let docs = try YAMLReader.read(text)
        #expect(docs.count == 1)
        if case .sequence(let items)? = docs.first?["nodes"]?.content { #expect(items.count == 5000) }
    }
}

extension YAMLNode {
    var firstItem: YAMLNode? {
        if case .sequence(let items) = content { return items.first }
        return nil
    }
}
