/// Writes ``YAMLValue`` trees as deterministic, block-style YAML.
///
/// Layout:
/// - two spaces of indentation per mapping level;
/// - a sequence that is a mapping value starts at its key's indentation, the
///   usual Kubernetes style (`nodes:` then `- role: worker`);
/// - a mapping inside a sequence starts on the dash line (`- role: worker`);
/// - empty collections are `{}` and `[]`; `.flow` sequences are `[a, b]` on one
///   line, with everything inside them in flow style;
/// - strings with line breaks become literal block scalars (`|`, `|-`, `|+`, with
///   an indentation indicator when needed), or double-quoted strings when a
///   block scalar cannot hold them exactly (control characters, keys, flow context,
///   text made only of white space);
/// - other strings are plain when every YAML 1.2 and YAML 1.1 reader reads them back
///   as the same string, single-quoted when that is enough, and double-quoted with
///   escapes otherwise.
///
/// `YAMLReader.read(YAMLWriter.write(v)).map(\.value) == [v]` for every value.
public enum YAMLWriter {
    /// One document; the text ends with a line break.
    public static func write(_ value: YAMLValue) -> String {
        // Written as UTF-8 bytes (appending to an array costs less than appending to a string).
        var out: [UInt8] = []
        switch value {
        case .mapping(let pairs) where !pairs.isEmpty:
            writeMapping(pairs, indent: 0, firstInline: false, into: &out)
        case .sequence(let items, style: .block) where !items.isEmpty:
            writeSequence(items, indent: 0, firstInline: false, into: &out)
        case .string(let text) where literalHeader(text, parentIndent: -1) != nil:
            writeLiteral(text, header: literalHeader(text, parentIndent: -1)!, indent: 2, into: &out)
        default:
            out.append(contentsOf: inline(value, flow: false).utf8)
            out.append(lineFeed)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Several documents, separated by `---` lines (an empty list gives an empty stream).
    public static func write(documents: [YAMLValue]) -> String {
        documents.map { write($0) }.joined(separator: "---\n")
    }

    /// How `text` is written as a scalar in block (or flow) context, on one line.
    public static func scalar(_ text: String, flow: Bool = false) -> String {
        if !containsLineFeed(text) && YAMLScalarRules.canBePlain(text, flow: flow) { return text }
        if text.unicodeScalars.allSatisfy(YAMLScalarRules.isSafeScalar) {
            var out = "'"
            for c in text.unicodeScalars {
                if c == "'" { out += "''" } else { out.unicodeScalars.append(c) }
            }
            return out + "'"
        }
        return doubleQuoted(text)
    }

    /// `text.contains("\n")` (the Character "\n") from the UTF-8 bytes, without iterating Characters:
    /// a line feed byte is the Character "\n" unless a carriage return precedes it ("\r\n" is one
    /// Character, never equal to "\n"); no other grapheme holds a line feed.
    public static func containsLineFeed(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A && previous != 0x0D { return true }
            previous = byte
        }
        return false
    }

    // MARK: Block layout

    private static let lineFeed = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")

    private static func writeMapping(_ pairs: [YAMLPair], indent: Int, firstInline: Bool, into out: inout [UInt8]) {
        for (index, pair) in pairs.enumerated() {
            if index > 0 || !firstInline { appendIndentation(indent, to: &out) }
            appendScalar(pair.key, flow: false, to: &out)
            out.append(UInt8(ascii: ":"))
            switch pair.value {
            case .mapping(let inner) where !inner.isEmpty:
                out.append(lineFeed)
                writeMapping(inner, indent: indent + 2, firstInline: false, into: &out)
            case .sequence(let items, style: .block) where !items.isEmpty:
                out.append(lineFeed)
                writeSequence(items, indent: indent, firstInline: false, into: &out)
            case .string(let text):
                out.append(space)
                if let header = literalHeader(text, parentIndent: indent) {
                    writeLiteral(text, header: header, indent: indent + 2, into: &out)
                } else {
                    appendScalar(text, flow: false, to: &out)
                    out.append(lineFeed)
                }
            default:
                out.append(space)
                appendInline(pair.value, flow: false, to: &out)
                out.append(lineFeed)
            }
        }
    }

    private static func writeSequence(_ items: [YAMLValue], indent: Int, firstInline: Bool, into out: inout [UInt8]) {
        for (index, item) in items.enumerated() {
            if index > 0 || !firstInline { appendIndentation(indent, to: &out) }
            out.append(UInt8(ascii: "-"))
            out.append(space)
            switch item {
            case .mapping(let pairs) where !pairs.isEmpty:
                writeMapping(pairs, indent: indent + 2, firstInline: true, into: &out)
            case .sequence(let inner, style: .block) where !inner.isEmpty:
                writeSequence(inner, indent: indent + 2, firstInline: true, into: &out)
            case .string(let text):
                if let header = literalHeader(text, parentIndent: indent) {
                    writeLiteral(text, header: header, indent: indent + 2, into: &out)
                } else {
                    appendScalar(text, flow: false, to: &out)
                    out.append(lineFeed)
                }
            default:
                appendInline(item, flow: false, to: &out)
                out.append(lineFeed)
            }
        }
    }

    private static func appendIndentation(_ count: Int, to out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(space, count: count))
    }

    /// `scalar(text, flow:)` appended, without the intermediate string when the text is plain.
    private static func appendScalar(_ text: String, flow: Bool, to out: inout [UInt8]) {
        if !containsLineFeed(text) && YAMLScalarRules.canBePlain(text, flow: flow) {
            out.append(contentsOf: text.utf8)
        } else {
            out.append(contentsOf: scalar(text, flow: flow).utf8)
        }
    }

    /// `inline(value, flow:)` appended, scalars without an intermediate string.
    private static func appendInline(_ value: YAMLValue, flow: Bool, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .string(let text): appendScalar(text, flow: flow, to: &out)
        case .sequence, .mapping: out.append(contentsOf: inline(value, flow: flow).utf8)
        }
    }

    /// A value that fits on the rest of a line: scalars, empty collections, flow collections.
    private static func inline(_ value: YAMLValue, flow: Bool) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .string(let text): return scalar(text, flow: flow)
        case .sequence(let items, _):
            return "[" + items.map { inline($0, flow: true) }.joined(separator: ", ") + "]"
        case .mapping(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{"
                + pairs.map { scalar($0.key, flow: true) + ": " + inline($0.value, flow: true) }
                .joined(separator: ", ") + "}"
        }
    }

    // MARK: Literal block scalars

    /// The `|` header for `text`, or nil when a literal block scalar cannot hold it exactly.
    /// `parentIndent` is the indentation of the enclosing collection (-1 at the document root);
    /// the content is written at `parentIndent + 2` (2 at the root).
    static func literalHeader(_ text: String, parentIndent: Int) -> String? {
        guard containsLineFeed(text) else { return nil }
        var sawContent = false
        var needsIndicator = false
        var lineHasText = false
        var lineStartsBlank = false
        var atLineStart = true
        for s in text.unicodeScalars {
            if s == "\n" {
                if !sawContent && lineHasText { needsIndicator = true }
                atLineStart = true
                lineHasText = false
                continue
            }
            if s != "\t" && !YAMLScalarRules.isSafeScalar(s) { return nil }
            if atLineStart {
                lineStartsBlank = s == " " || s == "\t"
                atLineStart = false
            }
            lineHasText = true
            if !sawContent && s != " " && s != "\t" {
                sawContent = true
                if lineStartsBlank { needsIndicator = true }
            }
        }
        guard sawContent else { return nil }
        var trailing = 0
        for s in text.unicodeScalars.reversed() {
            if s != "\n" { break }
            trailing += 1
        }
        let chomp = trailing == 0 ? "-" : trailing == 1 ? "" : "+"
        if needsIndicator {
            // At the root, readers disagree on what an indentation indicator is relative to.
            if parentIndent < 0 { return nil }
            return "|2" + chomp
        }
        return "|" + chomp
    }

    /// The text has no carriage return (`literalHeader` refuses it), so lines end at line feed bytes.
    private static func writeLiteral(_ text: String, header: String, indent: Int, into out: inout [UInt8]) {
        out.append(contentsOf: header.utf8)
        out.append(lineFeed)
        var text = text
        text.withUTF8 { bytes in
            var end = bytes.count
            var trailing = 0
            while end > 0 && bytes[end - 1] == lineFeed {
                end -= 1
                trailing += 1
            }
            var lineStart = 0
            while lineStart <= end {
                var lineEnd = lineStart
                while lineEnd < end && bytes[lineEnd] != lineFeed { lineEnd += 1 }
                if lineEnd > lineStart {
                    out.append(contentsOf: repeatElement(space, count: indent))
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
                }
                out.append(lineFeed)
                lineStart = lineEnd + 1
            }
            if trailing > 1 { out.append(contentsOf: repeatElement(lineFeed, count: trailing - 1)) }
        }
    }

    // MARK: Double-quoted strings

    /// YAML 1.2's escapes for double-quoted scalars.
    private static let escapes: [Unicode.Scalar: String] = [
        "\"": "\\\"", "\\": "\\\\", "\0": "\\0", "\u{07}": "\\a", "\u{08}": "\\b", "\t": "\\t", "\n": "\\n",
        "\u{0B}": "\\v", "\u{0C}": "\\f", "\r": "\\r", "\u{1B}": "\\e", "\u{85}": "\\N", "\u{A0}": "\\_",
        "\u{2028}": "\\L", "\u{2029}": "\\P",
    ]

    private static func doubleQuoted(_ text: String) -> String {
        CharacterEscaping.doubleQuoted(text, escapes) { s in
            if YAMLScalarRules.isSafeScalar(s) || s == " " { return nil }
            return s.value <= 0xFF
                ? "\\x" + CharacterEscaping.hex(s.value, digits: 2) : "\\u" + CharacterEscaping.hex(s.value, digits: 4)
        }
    }
}
