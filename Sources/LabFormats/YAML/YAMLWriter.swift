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
        var out = ""
        switch value {
        case .mapping(let pairs) where !pairs.isEmpty:
            writeMapping(pairs, indent: 0, firstInline: false, into: &out)
        case .sequence(let items, style: .block) where !items.isEmpty:
            writeSequence(items, indent: 0, firstInline: false, into: &out)
        case .string(let text) where literalHeader(text, parentIndent: -1) != nil:
            writeLiteral(text, header: literalHeader(text, parentIndent: -1)!, indent: 2, into: &out)
        default:
            out += inline(value, flow: false)
            out += "\n"
        }
        return out
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

    private static func writeMapping(_ pairs: [YAMLPair], indent: Int, firstInline: Bool, into out: inout String) {
        for (index, pair) in pairs.enumerated() {
            if index > 0 || !firstInline { appendIndentation(indent, to: &out) }
            appendScalar(pair.key, flow: false, to: &out)
            out += ":"
            switch pair.value {
            case .mapping(let inner) where !inner.isEmpty:
                out += "\n"
                writeMapping(inner, indent: indent + 2, firstInline: false, into: &out)
            case .sequence(let items, style: .block) where !items.isEmpty:
                out += "\n"
                writeSequence(items, indent: indent, firstInline: false, into: &out)
            case .string(let text):
                out += " "
                if let header = literalHeader(text, parentIndent: indent) {
                    writeLiteral(text, header: header, indent: indent + 2, into: &out)
                } else {
                    appendScalar(text, flow: false, to: &out)
                    out += "\n"
                }
            default:
                out += " "
                appendInline(pair.value, flow: false, to: &out)
                out += "\n"
            }
        }
    }

    private static func writeSequence(_ items: [YAMLValue], indent: Int, firstInline: Bool, into out: inout String) {
        for (index, item) in items.enumerated() {
            if index > 0 || !firstInline { appendIndentation(indent, to: &out) }
            out += "- "
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
                    out += "\n"
                }
            default:
                appendInline(item, flow: false, to: &out)
                out += "\n"
            }
        }
    }

    /// Spaces of indentation for the usual depths, made once (no new string per line).
    private static let indentations = (0...64).map { String(repeating: " ", count: $0) }

    private static func appendIndentation(_ count: Int, to out: inout String) {
        out += count < indentations.count ? indentations[count] : String(repeating: " ", count: count)
    }

    /// `out += scalar(text, flow:)`, without the intermediate string when the text is plain.
    private static func appendScalar(_ text: String, flow: Bool, to out: inout String) {
        if !containsLineFeed(text) && YAMLScalarRules.canBePlain(text, flow: flow) {
            out += text
        } else {
            out += scalar(text, flow: flow)
        }
    }

    /// `out += inline(value, flow:)` for scalars without an intermediate string.
    private static func appendInline(_ value: YAMLValue, flow: Bool, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .string(let text): appendScalar(text, flow: flow, to: &out)
        case .sequence, .mapping: out += inline(value, flow: flow)
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

    private static func writeLiteral(_ text: String, header: String, indent: Int, into out: inout String) {
        out += header
        out += "\n"
        var body = Substring(text)
        var trailing = 0
        while body.last == "\n" {
            body = body.dropLast()
            trailing += 1
        }
        let prefix = String(repeating: " ", count: indent)
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.isEmpty {
                out += prefix
                out += line
            }
            out += "\n"
        }
        if trailing > 1 { out += String(repeating: "\n", count: trailing - 1) }
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
