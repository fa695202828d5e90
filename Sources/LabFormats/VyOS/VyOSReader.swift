/// Reads VyOS configurations: the config.boot curly-brace form (the 1.2, 1.3, 1.4 and 1.5 dialects) and the
/// `set` command form.
///
/// Both readers run in linear time without recursion, reject nesting deeper than
/// `VyOSWriter.maximumDepth` and report every problem as a `FormatError` with its position.
/// Empty input (or input with only blank lines and comments) is a valid, empty configuration.
public enum VyOSReader {
    /// Reads a config.boot text.
    ///
    /// Accepts bare words, `"double"` quoted values (escapes `\"`, `\\`, `\'`, `\/`, `\n`, `\t`, `\r`;
    /// any other escape is an error), `'single'` quoted values (no escapes), `/* ... */` comments over
    /// several lines and `//` comments to the end of the line. A line holds a leaf (`name` or
    /// `name value`), or opens a block (`name {` or `name value {`). Comments are dropped except the
    /// version footer, which becomes `VyOSConfig.footer` when a `vyatta-config-version: "..."` or
    /// `vyos-config-version: "..."` comment is present.
    public static func readBootConfig(_ text: String) throws(FormatError) -> VyOSConfig {
        var parser = VyOSBootParser(text)
        return try parser.parse()
    }

    /// Reads `set` commands into the same tree shape as the config.boot form, merging paths
    /// (containers by name, tag nodes by name and value) in order of first appearance. Leaves are
    /// appended in order, so a repeated leaf gives two nodes.
    ///
    /// Words follow the shell: `'single'` quotes, `"double"` quotes with `\"`, `\\`, `\$`, `` \` ``
    /// escapes, adjacent pieces joined (`'it'\''s'`), `#` starting a word begins a comment. Unquoted
    /// braces and shell metacharacters (`$ ; & | < > ( ) ` `) are errors. Blank lines, `#` comment lines
    /// and `configure`, `commit`, `save`, `exit` lines are skipped; `delete` is not supported.
    ///
    /// - Parameter schema: which names are tag nodes and containers; nil picks
    ///   `VyOSSetSchema.forRelease` from a `# Release version: X` comment line, else `.crux`.
    /// - Returns: the tree, with no footer.
    public static func readSetCommands(_ text: String, schema: VyOSSetSchema? = nil) throws(FormatError)
        -> VyOSConfig
    {
        var parser = VyOSSetParser(text, schema: schema)
        return try parser.parse()
    }

    /// Whether the text is in `set` command form: it has at least one command line, and every line
    /// that is neither blank nor a `#` comment starts with `set ` or `delete ` or is one of
    /// `configure`, `commit`, `save`, `exit` (the same test as the shared validator).
    public static func isSetCommands(_ text: String) -> Bool {
        var sawCommand = false
        // Line by line, lazily: most files are not set commands and are decided by their first lines
        // (splitting a large YAML file into lines first cost more than all the rest).
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        while start < scalars.endIndex {
            let end = scalars[start...].firstIndex(of: "\n") ?? scalars.endIndex
            let rawLine = scalars[start..<end]
            start = end < scalars.endIndex ? scalars.index(after: end) : end
            if rawLine.isEmpty { continue }
            let line = String(String.UnicodeScalarView(rawLine)).vyosTrimmingWhitespace
            if line.isEmpty || line.hasPrefix("#") { continue }
            if ["commit", "save", "exit", "configure"].contains(line) {
                continue
            }
            let word = line.prefix { $0 != " " && $0 != "\t" }
            guard word == "set" || word == "delete", word.count < line.count else { return false }
            sawCommand = true
        }
        return sawCommand
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and carriage returns.
    var vyosTrimmingWhitespace: String {
        var scalars = Substring(self).unicodeScalars
        while let f = scalars.first, f == " " || f == "\t" || f == "\r" { scalars.removeFirst() }
        while let l = scalars.last, l == " " || l == "\t" || l == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}

/// The VyOS reader's `UTF8Cursor`.
struct VyOSCursor: UTF8Cursor {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var column = 1

    init(_ text: String) {
        bytes = Self.bytes(of: text)
    }

    var atEnd: Bool { index >= bytes.count }

    /// The scalar starting at the current byte (for messages).
    var currentScalar: Unicode.Scalar {
        var it = bytes[index...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&it) { return s }
        return "\u{FFFD}"
    }

    static func isControl(_ b: UInt8) -> Bool { b < 0x20 || b == 0x7F }

    static func describe(_ b: UInt8) -> String {
        let hex = String(b, radix: 16, uppercase: true)
        return "control character U+" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}

// MARK: - config.boot

struct VyOSBootParser {
    enum Token {
        case word(String, TextPosition)
        case open(TextPosition)
        case close(TextPosition)
        case newline
        case end(TextPosition)
    }

    var cursor: VyOSCursor
    var comments: [(text: String, position: TextPosition)] = []

    init(_ text: String) { cursor = VyOSCursor(text) }

    mutating func parse() throws(FormatError) -> VyOSConfig {
        var stack: [VyOSNode] = [VyOSNode("", children: [])]
        var words: [(String, TextPosition)] = []

        func flush(_ stack: inout [VyOSNode], _ words: inout [(String, TextPosition)]) {
            guard let first = words.first else { return }
            let value = words.count > 1 ? words[1] : nil
            let leaf = VyOSNode(first.0, value?.0, children: nil, position: first.1, valuePosition: value?.1)
            stack[stack.count - 1].children!.append(leaf)
            words.removeAll(keepingCapacity: true)
        }

        loop: while true {
            let token = try nextToken()
            switch token {
            case .word(let w, let pos):
                if words.count == 2 {
                    throw FormatError(
                        "unexpected third word \(w.debugDescription) after '\(words[0].0) \(words[1].0)' "
                            + "(a leaf takes one value; quote a value that contains spaces)", at: pos)
                }
                words.append((w, pos))
            case .open(let pos):
                guard let first = words.first else {
                    throw FormatError("'{' must follow a node name", at: pos)
                }
                if stack.count > VyOSWriter.maximumDepth {
                    throw FormatError("configuration nested deeper than \(VyOSWriter.maximumDepth) levels", at: pos)
                }
                let value = words.count > 1 ? words[1] : nil
                stack.append(VyOSNode(first.0, value?.0, children: [], position: first.1, valuePosition: value?.1))
                words.removeAll(keepingCapacity: true)
            case .close(let pos):
                flush(&stack, &words)
                if stack.count == 1 {
                    throw FormatError("unbalanced '}' without a matching '{'", at: pos)
                }
                let done = stack.removeLast()
                stack[stack.count - 1].children!.append(done)
            case .newline:
                flush(&stack, &words)
            case .end:
                flush(&stack, &words)
                break loop
            }
        }
        if stack.count > 1 {
            let open = stack[stack.count - 1]
            throw FormatError(
                "unclosed '{' of '\(open.name)\(open.value.map { " " + $0 } ?? "")' (missing '}' before the end)",
                at: open.position)
        }
        var config = VyOSConfig(nodes: stack[0].children ?? [])
        findFooter(&config)
        return config
    }

    func findFooter(_ config: inout VyOSConfig) {
        var configVersion: String?
        var release: String?
        var start: TextPosition?
        var versionPosition: TextPosition?
        for (text, position) in comments {
            if text.utf8Range(of: "Warning: Do not remove the following line") != nil {
                start = start ?? position
            }
            for marker in ["vyatta-config-version: \"", "vyos-config-version: \""] where configVersion == nil {
                if let r = text.utf8Range(of: marker) {
                    let rest = text[r.upperBound...]
                    if let q = rest.firstIndex(of: "\"") {
                        configVersion = String(rest[..<q])
                        versionPosition = position
                    }
                }
            }
            if release == nil, let r = text.utf8Range(of: "Release version:") {
                var rest = String(text[r.upperBound...])
                if rest.hasSuffix("*/") { rest.removeLast(2) }
                release = rest.vyosTrimmingWhitespace
            }
        }
        if let configVersion {
            config.footer = VyOSFooter(configVersion: configVersion, releaseVersion: release ?? "")
            config.footerPosition = start ?? versionPosition
        }
    }

    mutating func nextToken() throws(FormatError) -> Token {
        while let b = cursor.current {
            switch b {
            case 0x20, 0x09, 0x0D:
                cursor.advance()
            case 0x0A:
                cursor.advance()
                return .newline
            case UInt8(ascii: "/") where cursor.peek(1) == UInt8(ascii: "*"):
                let start = cursor.position
                let from = cursor.index
                cursor.advance()
                cursor.advance()
                while true {
                    guard let c = cursor.current else {
                        throw FormatError("unterminated '/*' comment", at: start)
                    }
                    if c == UInt8(ascii: "*") && cursor.peek(1) == UInt8(ascii: "/") {
                        cursor.advance()
                        cursor.advance()
                        break
                    }
                    cursor.advance()
                }
                comments.append((String(decoding: cursor.bytes[from..<cursor.index], as: UTF8.self), start))
            case UInt8(ascii: "/") where cursor.peek(1) == UInt8(ascii: "/"):
                let start = cursor.position
                let from = cursor.index
                while let c = cursor.current, c != 0x0A { cursor.advance() }
                comments.append((String(decoding: cursor.bytes[from..<cursor.index], as: UTF8.self), start))
            case UInt8(ascii: "{"):
                let pos = cursor.position
                cursor.advance()
                return .open(pos)
            case UInt8(ascii: "}"):
                let pos = cursor.position
                cursor.advance()
                return .close(pos)
            case UInt8(ascii: "\""):
                return try doubleQuoted()
            case UInt8(ascii: "'"):
                return try singleQuoted()
            default:
                if VyOSCursor.isControl(b) {
                    throw FormatError("unexpected \(VyOSCursor.describe(b))", at: cursor.position)
                }
                let pos = cursor.position
                let from = cursor.index
                while let c = cursor.current {
                    if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A || c == UInt8(ascii: "{")
                        || c == UInt8(ascii: "}") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
                    {
                        break
                    }
                    if VyOSCursor.isControl(c) {
                        throw FormatError("unexpected \(VyOSCursor.describe(c))", at: cursor.position)
                    }
                    cursor.advance()
                }
                return .word(String(decoding: cursor.bytes[from..<cursor.index], as: UTF8.self), pos)
            }
        }
        return .end(cursor.position)
    }

    mutating func doubleQuoted() throws(FormatError) -> Token {
        let start = cursor.position
        cursor.advance()
        var value: [UInt8] = []
        while true {
            guard let c = cursor.current, c != 0x0A else {
                throw FormatError("unterminated quoted value (no closing '\"' on its line)", at: start)
            }
            if c == UInt8(ascii: "\"") {
                cursor.advance()
                return .word(String(decoding: value, as: UTF8.self), start)
            }
            if c == UInt8(ascii: "\\") {
                let escPos = cursor.position
                cursor.advance()
                guard let e = cursor.current, e != 0x0A else {
                    throw FormatError("unterminated quoted value (no closing '\"' on its line)", at: start)
                }
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "/"): value.append(e)
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "t"): value.append(0x09)
                case UInt8(ascii: "r"): value.append(0x0D)
                default:
                    throw FormatError(
                        "unknown escape '\\\(Character(cursor.currentScalar))' in a quoted value "
                            + "(write '\\\\' for a backslash)", at: escPos)
                }
                cursor.advance()
                continue
            }
            if VyOSCursor.isControl(c) && c != 0x09 {
                throw FormatError("unexpected \(VyOSCursor.describe(c)) in a quoted value", at: cursor.position)
            }
            value.append(c)
            cursor.advance()
        }
    }

    mutating func singleQuoted() throws(FormatError) -> Token {
        let start = cursor.position
        cursor.advance()
        let from = cursor.index
        while true {
            guard let c = cursor.current, c != 0x0A else {
                throw FormatError("unterminated quoted value (no closing \"'\" on its line)", at: start)
            }
            if c == UInt8(ascii: "'") {
                let word = String(decoding: cursor.bytes[from..<cursor.index], as: UTF8.self)
                cursor.advance()
                return .word(word, start)
            }
            if VyOSCursor.isControl(c) && c != 0x09 {
                throw FormatError("unexpected \(VyOSCursor.describe(c)) in a quoted value", at: cursor.position)
            }
            cursor.advance()
        }
    }
}

// MARK: - set commands

/// A node of the tree being built from set commands (reference type for O(1) merging).
final class VyOSSetBuildNode {
    struct Key: Hashable {
        var name: String
        var value: String?
    }

    let name: String
    let value: String?
    let isBlock: Bool
    let position: TextPosition
    let valuePosition: TextPosition?
    var children: [VyOSSetBuildNode] = []
    var blocks: [Key: VyOSSetBuildNode] = [:]

    init(_ name: String, _ value: String?, isBlock: Bool, position: TextPosition, valuePosition: TextPosition?) {
        self.name = name
        self.value = value
        self.isBlock = isBlock
        self.position = position
        self.valuePosition = valuePosition
    }

    /// Where each name was first used as a leaf, and as a block, at this level: VyOS has no
    /// name that is both, and a tree with one could not be written back unambiguously.
    var leafNames: [String: TextPosition] = [:]
    var blockNames: [String: TextPosition] = [:]

    func block(_ name: String, _ value: String?, position: TextPosition, valuePosition: TextPosition?)
        throws(FormatError)
        -> VyOSSetBuildNode
    {
        let key = Key(name: name, value: value)
        if let existing = blocks[key] { return existing }
        if let leaf = leafNames[name] {
            throw FormatError("'\(name)' has children here but is a leaf on line \(leaf.line)", at: position)
        }
        blockNames[name] = blockNames[name] ?? position
        let node = VyOSSetBuildNode(name, value, isBlock: true, position: position, valuePosition: valuePosition)
        blocks[key] = node
        children.append(node)
        return node
    }

    func leaf(_ name: String, _ value: String?, position: TextPosition, valuePosition: TextPosition?)
        throws(FormatError)
    {
        if let block = blockNames[name] {
            throw FormatError("'\(name)' is a leaf here but has children on line \(block.line)", at: position)
        }
        leafNames[name] = leafNames[name] ?? position
        children.append(VyOSSetBuildNode(name, value, isBlock: false, position: position, valuePosition: valuePosition))
    }

    /// Converts to value nodes; depth is bounded by the reader's nesting limit.
    func freeze() -> VyOSNode {
        VyOSNode(
            name, value, children: isBlock ? children.map { $0.freeze() } : nil,
            position: position, valuePosition: valuePosition)
    }
}

struct VyOSSetParser {
    struct Word {
        var text: String
        var quoted: Bool
        var position: TextPosition
    }

    var cursor: VyOSCursor
    var schema: VyOSSetSchema?

    init(_ text: String, schema: VyOSSetSchema?) {
        cursor = VyOSCursor(text)
        self.schema = schema
    }

    mutating func parse() throws(FormatError) -> VyOSConfig {
        let root = VyOSSetBuildNode("", nil, isBlock: true, position: .start, valuePosition: nil)
        var commandLines: [[Word]] = []
        var release: String?
        // Pass 1: words of every line (and the release comment, which picks the schema).
        while !cursor.atEnd {
            let (words, comment) = try lineWords()
            if let comment, release == nil, let r = comment.firstRange(of: "Release version:") {
                release = String(comment[r.upperBound...]).vyosTrimmingWhitespace
            }
            guard let first = words.first else { continue }
            switch first.quoted ? "" : first.text {
            case "set":
                if words.count == 1 {
                    throw FormatError("'set' without a path", at: first.position)
                }
                commandLines.append(words)
            case "delete":
                throw FormatError("'delete' commands are not supported (write only 'set' commands)", at: first.position)
            case "configure", "commit", "save", "exit":
                if words.count > 1 {
                    throw FormatError("unexpected words after '\(first.text)'", at: words[1].position)
                }
            default:
                throw FormatError(
                    "expected a 'set' command, found \(first.text.debugDescription)", at: first.position)
            }
        }
        let schema = self.schema ?? release.map(VyOSSetSchema.forRelease) ?? .crux
        // Pass 2: the tree.
        for words in commandLines {
            try apply(words, to: root, schema: schema)
        }
        return VyOSConfig(nodes: root.children.map { $0.freeze() })
    }

    func apply(_ words: [Word], to root: VyOSSetBuildNode, schema: VyOSSetSchema) throws(FormatError) {
        var node = root
        var names: [String] = []
        var i = 1
        while i < words.count {
            let w = words[i]
            if names.count >= VyOSWriter.maximumDepth {
                throw FormatError("path nested deeper than \(VyOSWriter.maximumDepth) levels", at: w.position)
            }
            names.append(w.text)
            if schema.isTagNode(names) {
                guard i + 1 < words.count else {
                    throw FormatError("tag node '\(w.text)' needs a value", at: w.position)
                }
                let v = words[i + 1]
                node = try node.block(w.text, v.text, position: w.position, valuePosition: v.position)
                i += 2
            } else if i == words.count - 1 {
                if schema.isContainer(names) {
                    node = try node.block(w.text, nil, position: w.position, valuePosition: nil)
                } else {
                    try node.leaf(w.text, nil, position: w.position, valuePosition: nil)
                }
                i += 1
            } else if i == words.count - 2 && (words[i + 1].quoted || !schema.isContainer(names)) {
                let v = words[i + 1]
                try node.leaf(w.text, v.text, position: w.position, valuePosition: v.position)
                i += 2
            } else {
                node = try node.block(w.text, nil, position: w.position, valuePosition: nil)
                i += 1
            }
        }
    }

    /// The shell words of the current line, and the text of a trailing `#` comment; consumes the newline.
    mutating func lineWords() throws(FormatError) -> ([Word], String?) {
        var words: [Word] = []
        while true {
            // Skip blanks.
            while let c = cursor.current, c == 0x20 || c == 0x09 || c == 0x0D { cursor.advance() }
            guard let c = cursor.current else { return (words, nil) }
            if c == 0x0A {
                cursor.advance()
                return (words, nil)
            }
            if c == UInt8(ascii: "#") {
                let from = cursor.index
                while let d = cursor.current, d != 0x0A {
                    if VyOSCursor.isControl(d) && d != 0x09 && d != 0x0D {
                        throw FormatError("unexpected \(VyOSCursor.describe(d))", at: cursor.position)
                    }
                    cursor.advance()
                }
                return (words, String(decoding: cursor.bytes[from..<cursor.index], as: UTF8.self))
            }
            words.append(try word())
        }
    }

    mutating func word() throws(FormatError) -> Word {
        let start = cursor.position
        var bytes: [UInt8] = []
        var quoted = false
        while let c = cursor.current {
            switch c {
            case 0x20, 0x09, 0x0D, 0x0A:
                return Word(text: String(decoding: bytes, as: UTF8.self), quoted: quoted, position: start)
            case UInt8(ascii: "'"):
                quoted = true
                let open = cursor.position
                cursor.advance()
                while true {
                    guard let d = cursor.current, d != 0x0A else {
                        throw FormatError("unterminated quoted value (no closing \"'\" on its line)", at: open)
                    }
                    cursor.advance()
                    if d == UInt8(ascii: "'") { break }
                    if VyOSCursor.isControl(d) && d != 0x09 {
                        throw FormatError("unexpected \(VyOSCursor.describe(d)) in a quoted value", at: open)
                    }
                    bytes.append(d)
                }
            case UInt8(ascii: "\""):
                quoted = true
                let open = cursor.position
                cursor.advance()
                while true {
                    guard let d = cursor.current, d != 0x0A else {
                        throw FormatError("unterminated quoted value (no closing '\"' on its line)", at: open)
                    }
                    if d == UInt8(ascii: "\"") {
                        cursor.advance()
                        break
                    }
                    if d == UInt8(ascii: "$") || d == UInt8(ascii: "`") {
                        throw FormatError(
                            "unescaped '\(Character(Unicode.Scalar(d)))' inside double quotes would be expanded "
                                + "by the shell; use single quotes", at: cursor.position)
                    }
                    if VyOSCursor.isControl(d) && d != 0x09 {
                        throw FormatError("unexpected \(VyOSCursor.describe(d)) in a quoted value", at: cursor.position)
                    }
                    if d == UInt8(ascii: "\\"), let e = cursor.peek(1),
                        e == UInt8(ascii: "\"") || e == UInt8(ascii: "\\") || e == UInt8(ascii: "$")
                            || e == UInt8(ascii: "`")
                    {
                        cursor.advance()
                        bytes.append(e)
                        cursor.advance()
                        continue
                    }
                    bytes.append(d)
                    cursor.advance()
                }
            case UInt8(ascii: "\\"):
                cursor.advance()
                guard let e = cursor.current, e != 0x0A, !VyOSCursor.isControl(e) else {
                    throw FormatError("a backslash must escape a character on the same line", at: cursor.position)
                }
                quoted = true
                // Copy the whole (possibly multi-byte) scalar.
                repeat {
                    bytes.append(cursor.current!)
                    cursor.advance()
                } while cursor.current.map { $0 & 0xC0 == 0x80 } ?? false
            case UInt8(ascii: "{"), UInt8(ascii: "}"):
                throw FormatError("braces are not allowed in a set command (quote the value)", at: cursor.position)
            case UInt8(ascii: "$"), UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "<"),
                UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "`"):
                throw FormatError(
                    "unquoted shell character '\(Character(Unicode.Scalar(c)))' (quote the value with '...')",
                    at: cursor.position)
            default:
                if VyOSCursor.isControl(c) {
                    throw FormatError("unexpected \(VyOSCursor.describe(c))", at: cursor.position)
                }
                bytes.append(c)
                cursor.advance()
            }
        }
        return Word(text: String(decoding: bytes, as: UTF8.self), quoted: quoted, position: start)
    }
}
