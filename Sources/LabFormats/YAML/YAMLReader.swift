/// Reads YAML streams (a practical subset of YAML 1.2) into ``YAMLNode`` trees.
///
/// Supported: block mappings and sequences (also the Kubernetes style where a
/// sequence sits at its parent key's indentation, and compact `- key: v`),
/// flow sequences and mappings (nested, multi-line, `[a: b]` single pairs),
/// plain, single- and double-quoted scalars (all escapes, line folding),
/// literal and folded block scalars (chomping, indentation indicators),
/// comments, several documents (`---`, `...`) and empty streams.
///
/// Not supported, and refused with a ``FormatError`` whose message starts with
/// `unsupported YAML feature:` instead of being misread: anchors, aliases,
/// tags, complex and explicit (`? `) keys, empty keys, merge keys (`<<`) and
/// directives (`%YAML`, `%TAG`).
///
/// Other errors (duplicate keys, tabs in indentation, bad indentation,
/// unterminated quotes or flow collections, invalid escapes, control
/// characters, nesting deeper than ``maxDepth``) are thrown as ``FormatError``
/// with the exact position. The reader never traps and runs in linear time.
///
/// Block scalars: ``YAMLNode/position`` is the `|`/`>` indicator and
/// ``YAMLNode/contentPosition`` is line *header + 1*, column *indentation + 1*,
/// so line `N` of a literal scalar's text is line `contentPosition.line + N - 1`
/// of the file, and its column `C` is column `contentPosition.column + C - 1`.
public enum YAMLReader {
    /// How deeply collections may nest before the reader gives up.
    public static let maxDepth = 256

    /// All documents of a stream (zero for an empty or comment-only stream).
    public static func read(_ text: String) throws(FormatError) -> [YAMLNode] {
        try read(text, fastPaths: true)
    }

    /// `read`, with the fast paths on or off (quoted scalars without escapes or line breaks taken
    /// whole, texts shared between equal scalars of a large file, columns counted as bytes before
    /// the first non-ASCII byte, eight bytes checked at a time): both give the same answer (the
    /// tests compare them).
    static func read(_ text: String, fastPaths: Bool, firstLine: Int = 1) throws(FormatError) -> [YAMLNode] {
        func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<[YAMLNode], FormatError> {
            var parser = YAMLParser(buffer, fastPaths: fastPaths, firstLine: firstLine)
            defer { parser.release() }
            do throws(FormatError) {
                return .success(try parser.parseStream())
            } catch {
                return .failure(error)
            }
        }
        var text = text
        // The text's own UTF-8 bytes when it has no CR (no copy); else a copy with CR LF and CR made LF.
        let result = text.withUTF8 { raw in
            if !YAMLParser.containsCR(raw) { return parse(raw) }
            return YAMLParser.bytes(of: raw).withUnsafeBufferPointer(parse)
        }
        return try result.get()
    }

    /// The documents of a piece of a larger stream that starts on line `firstLine` of it: positions
    /// are the larger stream's. The piece must start at the beginning of a line (see `documentBoundary`).
    public static func read(_ piece: String, firstLine: Int) throws(FormatError) -> [YAMLNode] {
        try read(piece, fastPaths: true, firstLine: firstLine)
    }

    /// Where a stream can be cut in two pieces that read as its documents (the first piece's, then the
    /// second's): the UTF-8 offset and line number of a line near the middle that starts a document
    /// (`---` then a space, a tab, a line break or the end). A document marker at the start of a line
    /// ends the document before it whatever that document holds, so each piece reads alone as it reads
    /// in the whole. Nil when there is no such line past the first, or when the stream has a CR (its
    /// lines are counted otherwise) or a line starting with `%` (a directive belongs to the document
    /// after it).
    public static func documentBoundary(nearMiddleOf text: String) -> (offset: Int, line: Int)? {
        var text = text
        return text.withUTF8 { bytes -> (offset: Int, line: Int)? in
            guard !YAMLParser.containsCR(bytes), bytes.count >= 8 else { return nil }
            func isBlank(_ k: Int) -> Bool {
                k >= bytes.count || bytes[k] == SP || bytes[k] == TAB || bytes[k] == LF
            }
            func startsDocument(_ k: Int) -> Bool {
                k + 3 <= bytes.count && bytes[k] == DASH && bytes[k + 1] == DASH && bytes[k + 2] == DASH
                    && isBlank(k + 3)
            }
            var boundary: Int?
            var boundaryLine = 0
            var line = 1
            var k = 0
            // Every line start: no directive anywhere, and the first document marker at or after the middle.
            while k < bytes.count {
                if bytes[k] == UInt8(ascii: "%") { return nil }
                if boundary == nil, k >= bytes.count / 2, k > 0, startsDocument(k) {
                    boundary = k
                    boundaryLine = line
                }
                let lf = YAMLParser.nextLF(in: bytes, from: k)
                guard lf < bytes.count else { break }
                k = lf + 1
                line += 1
            }
            return boundary.map { ($0, boundaryLine) }
        }
    }

    /// The resolved values of all documents of a stream.
    public static func readValues(_ text: String) throws(FormatError) -> [YAMLValue] {
        try read(text).map(\.value)
    }
}

private let SP: UInt8 = 0x20
private let TAB: UInt8 = 0x09
private let LF: UInt8 = 0x0A
private let CR: UInt8 = 0x0D
private let HASH = UInt8(ascii: "#")
private let COLON = UInt8(ascii: ":")
private let DASH = UInt8(ascii: "-")
private let DOT = UInt8(ascii: ".")
private let COMMA = UInt8(ascii: ",")
private let QUOTE1 = UInt8(ascii: "'")
private let QUOTE2 = UInt8(ascii: "\"")
private let BACKSLASH = UInt8(ascii: "\\")

@inline(__always) private func isFlowIndicator(_ c: UInt8) -> Bool {
    c == COMMA || c == UInt8(ascii: "[") || c == UInt8(ascii: "]") || c == UInt8(ascii: "{")
        || c == UInt8(ascii: "}")
}

/// Bytes below 64 that end or interrupt a plain scalar's line: LF, tab, space, ':' (and ',' in flow context).
private let plainSpecialLow: UInt64 = 1 << 10 | 1 << 9 | 1 << 32 | 1 << 58
private let plainSpecialLowFlow: UInt64 = plainSpecialLow | 1 << 44
/// Bytes 64 to 127 that do in flow context: `[`, `]`, `{`, `}`.
private let plainSpecialHighFlow: UInt64 = 1 << (0x5B - 64) | 1 << (0x5D - 64) | 1 << (0x7B - 64) | 1 << (0x7D - 64)

/// Whether `c` needs a look in a plain scalar's line (every other byte simply belongs to it).
@inline(__always) private func isPlainSpecial(_ c: UInt8, flow: Bool) -> Bool {
    if c < 64 { return (flow ? plainSpecialLowFlow : plainSpecialLow) >> UInt64(c) & 1 != 0 }
    if c < 128 { return flow && plainSpecialHighFlow >> UInt64(c - 64) & 1 != 0 }
    return false
}

private func describe(_ c: UInt8) -> String {
    if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
    return "byte 0x\(String(c, radix: 16))"
}

/// A stack whose top elements are moved (not copied) into an array of their own: the children of
/// the collections being parsed. ``release()`` frees it; it is not used after that.
private struct MoveStack<Element> {
    private var base: UnsafeMutablePointer<Element>? = nil
    private var capacity = 0
    private(set) var count = 0

    mutating func append(_ element: Element) {
        if count == capacity {
            let grown = UnsafeMutablePointer<Element>.allocate(capacity: max(16, 2 * capacity))
            if let base {
                grown.moveInitialize(from: base, count: count)
                base.deallocate()
            }
            base = grown
            capacity = max(16, 2 * capacity)
        }
        (base! + count).initialize(to: element)
        count += 1
    }

    subscript(k: Int) -> Element {
        precondition(k >= 0 && k < count)
        return base![k]
    }

    /// The elements from `start` to the top, moved out in order.
    mutating func pop(from start: Int) -> [Element] {
        let n = count - start
        guard n > 0, let base else { return [] }
        var elements: [Element] = []
        elements.reserveCapacity(n)
        for k in start..<count { elements.append((base + k).move()) }
        count = start
        return elements
    }

    mutating func release() {
        if let base {
            base.deinitialize(count: count)
            base.deallocate()
        }
        base = nil
        capacity = 0
        count = 0
    }
}

/// A scalar text and where its bytes are in the text being read.
private struct InternedText {
    var start: Int
    var count: Int
    /// The first and the last eight bytes (see ``YAMLParser/text(_:_:)``).
    var first: UInt64
    var last: UInt64
    var text: String
}

/// The recursive-descent parser behind ``YAMLReader``. Works on UTF-8 bytes.
struct YAMLParser {
    private enum BlockContext { case mappingValue, sequenceEntry, document }
    private enum InlineResult {
        /// A key followed by `:`; `i` stands on the `:`.
        case key(YAMLNode)
        /// A complete node; the parser stands on the next content line.
        case node(YAMLNode)
    }

    /// The text's bytes (line breaks normalized to LF), owned by ``YAMLReader/read(_:fastPaths:)``
    /// for the parser's lifetime. Every access is checked against `end` by the parser itself.
    private let b: UnsafeBufferPointer<UInt8>
    private let end: Int
    private let fastPaths: Bool
    private var i = 0
    /// The line number of the text's first line (1, or the line a piece of a larger text starts on).
    private let firstLine: Int
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    /// Leading spaces of the content line `i` stands on; -1 at the end of input or at a document marker.
    private var curIndent = -1
    // Column cache for positions on the current line.
    private var cacheLineStart = -1
    private var cacheOffset = 0
    private var cacheColumn = 1
    /// The offset of the first byte after the byte-order mark that is not ASCII (`end` when none),
    /// found by ``validateCharacters()``: a column before it is a byte count.
    private var firstNonASCII = 0
    /// Children of the collections being parsed, collected here and copied once into an array of
    /// the right size when their collection ends (instead of growing an array per collection).
    private var itemStack = MoveStack<YAMLNode>()
    private var pairStack = MoveStack<YAMLNodePair>()
    /// The bytes of a quoted or block scalar being read, kept between scalars so that its capacity
    /// is reused (taken with ``takeScratch()``, given back with ``string(fromScratch:)``).
    private var scratch: [UInt8] = []
    /// Recently made scalar texts longer than a small string (an image name repeated on ten thousand
    /// nodes), by a hash of their bytes: a repeated one is shared, not allocated and checked again.
    /// Only in large texts (see ``internMinimumTextSize``); empty until first used.
    private var interned: [InternedText] = []
    private static let internSlots = 1024
    private static let internMinimumTextSize = 16 << 10

    /// Whether `bytes` holds a CR (eight bytes at a time).
    static func containsCR(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var k = 0
        while k + 8 <= bytes.count {
            let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) ^ 0x0D0D_0D0D_0D0D_0D0D
            if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 { break }
            k += 8
        }
        while k < bytes.count {
            if bytes[k] == CR { return true }
            k += 1
        }
        return false
    }

    /// The bytes of `text`, CR LF and CR turned into LF.
    static func bytes(of text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes = Array(text)
        if bytes.contains(CR) {
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            var k = 0
            while k < bytes.count {
                let c = bytes[k]
                if c == CR {
                    out.append(LF)
                    if k + 1 < bytes.count && bytes[k + 1] == LF { k += 1 }
                } else {
                    out.append(c)
                }
                k += 1
            }
            bytes = out
        }
        return bytes
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, fastPaths: Bool, firstLine: Int = 1) {
        b = bytes
        end = bytes.count
        self.fastPaths = fastPaths
        self.firstLine = firstLine
        line = firstLine
        if end >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
            i = 3
            lineStart = 3
        }
    }

    // MARK: Positions and errors

    private mutating func pos() -> TextPosition { position(of: i) }

    /// `offset` must be on the current line, or (slower, for errors) before it.
    private mutating func position(of offset: Int) -> TextPosition {
        if fastPaths && offset >= lineStart && offset <= firstNonASCII {
            // Only ASCII before `offset`: one column per byte.
            return TextPosition(line: line, column: offset - lineStart + 1)
        }
        if offset >= lineStart {
            if cacheLineStart != lineStart || cacheOffset > offset {
                cacheLineStart = lineStart
                cacheOffset = lineStart
                cacheColumn = 1
            }
            while cacheOffset < offset && cacheOffset < end {
                if b[cacheOffset] & 0xC0 != 0x80 { cacheColumn += 1 }
                cacheOffset += 1
            }
            return TextPosition(line: line, column: cacheColumn)
        }
        return slowPosition(of: offset)
    }

    /// The position of any offset, counted from the start of the text.
    private func slowPosition(of offset: Int) -> TextPosition {
        var l = firstLine
        var start = bomLength
        var k = bomLength
        while k < offset && k < end {
            if b[k] == LF {
                l += 1
                start = k + 1
            }
            k += 1
        }
        var column = 1
        k = start
        while k < offset && k < end {
            if b[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return TextPosition(line: l, column: column)
    }

    private var bomLength: Int { end >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0 }

    private mutating func error(_ message: String) -> FormatError {
        FormatError(message, at: pos())
    }

    private func unsupported(_ feature: String, at position: TextPosition) -> FormatError {
        FormatError("unsupported YAML feature: \(feature)", at: position)
    }

    // MARK: Low-level scanning

    @inline(__always) private func at(_ k: Int) -> UInt8 { k < end ? b[k] : 0 }

    /// The offset of the first LF at or after `k` (eight bytes at a time), `end` when none.
    private func nextLF(from k: Int) -> Int { Self.nextLF(in: b, from: k) }

    /// The offset of the first LF of `bytes` at or after `k` (eight bytes at a time), `bytes.count` when none.
    static func nextLF(in bytes: UnsafeBufferPointer<UInt8>, from k: Int) -> Int {
        var k = k
        let end = bytes.count
        if let raw = UnsafeRawPointer(bytes.baseAddress) {
            while k + 8 <= end {
                let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 { break }
                k += 8
            }
        }
        while k < end && bytes[k] != LF { k += 1 }
        return k
    }

    @inline(__always) private func isBlankOrEnd(_ k: Int) -> Bool {
        k >= end || b[k] == SP || b[k] == TAB || b[k] == LF
    }

    @inline(__always) private func isSequenceEntry(_ k: Int) -> Bool {
        k < end && b[k] == DASH && isBlankOrEnd(k + 1)
    }

    private func isDocumentMarker(_ k: Int) -> Bool {
        isDocumentMarker(k, lineStart: lineStart)
    }

    private func isDocumentMarker(_ k: Int, lineStart: Int) -> Bool {
        guard k == lineStart, k + 3 <= end else { return false }
        let c = b[k]
        guard (c == DASH || c == DOT) && b[k + 1] == c && b[k + 2] == c else { return false }
        return isBlankOrEnd(k + 3)
    }

    private mutating func consumeNewline() {
        i += 1
        line += 1
        lineStart = i
    }

    /// Skips spaces, tabs and a comment; stops at a line break or the end. Returns whether it got there.
    private mutating func skipSpacesAndComment() -> Bool {
        var k = i
        while k < end && (b[k] == SP || b[k] == TAB) { k += 1 }
        if k < end && b[k] == HASH && (k == lineStart || b[k - 1] == SP || b[k - 1] == TAB) {
            k = nextLF(from: k)
        }
        i = k
        return k >= end || b[k] == LF
    }

    /// From a line break, the end, or a line start: skips empty and comment lines and stands on the
    /// first non-space character of the next content line, setting ``curIndent``.
    private mutating func skipToContentLine() {
        // Local copies of `i`, `line` and `lineStart`, stored back on the way out.
        var k = i
        var currentLine = line
        var currentLineStart = lineStart
        defer {
            i = k
            line = currentLine
            lineStart = currentLineStart
        }
        while true {
            if k >= end {
                curIndent = -1
                return
            }
            if b[k] == LF {
                k += 1
                currentLine += 1
                currentLineStart = k
                continue
            }
            if k != currentLineStart {
                // Mid-line (after a value): the rest must already have been checked by the caller.
                k = nextLF(from: k)
                continue
            }
            while k < end && b[k] == SP { k += 1 }
            let indent = k - currentLineStart
            var j = k
            while j < end && (b[j] == SP || b[j] == TAB) { j += 1 }
            if j >= end || b[j] == LF {
                k = j
                continue
            }
            if b[j] == HASH {
                k = nextLF(from: j)
                continue
            }
            curIndent = indent == 0 && isDocumentMarker(k, lineStart: currentLineStart) ? -1 : indent
            return
        }
    }

    /// After a node on the current line: only spaces and a comment may follow. Then moves to the next content line.
    private mutating func finishLine() throws(FormatError) {
        if !skipSpacesAndComment() {
            if b[i] == COLON {
                throw error("unexpected ':' (a mapping value is not allowed here)")
            }
            throw error("unexpected \(describe(b[i])) after a value")
        }
        skipToContentLine()
    }

    private mutating func enter() throws(FormatError) {
        depth += 1
        if depth > YAMLReader.maxDepth {
            throw error("collections nested deeper than \(YAMLReader.maxDepth) levels")
        }
    }

    // MARK: Stream and documents

    mutating func parseStream() throws(FormatError) -> [YAMLNode] {
        try validateCharacters()
        var documents: [YAMLNode] = []
        while true {
            skipToContentLine()
            if i >= end { break }
            if curIndent == -1 {
                if b[i] == DOT {
                    i += 3
                    if !skipSpacesAndComment() { throw error("unexpected text after the document end marker '...'") }
                    continue
                }
                i += 3
                let emptyPosition = pos()
                documents.append(try parseAfterIndicator(n: -1, context: .document, emptyPosition: emptyPosition))
            } else {
                if curIndent == 0 && b[i] == UInt8(ascii: "%") {
                    throw unsupported("directives (%YAML, %TAG)", at: pos())
                }
                documents.append(try parseBlockNodeAtLineStart(n: -1))
            }
            if curIndent != -1 {
                throw error("unexpected content after the end of the document (bad indentation, or a missing '---'?)")
            }
            if i < end && b[i] == DOT {
                i += 3
                if !skipSpacesAndComment() { throw error("unexpected text after the document end marker '...'") }
            }
        }
        return documents
    }

    /// Control characters (other than tab and line breaks) and other non-printable characters are errors.
    private mutating func validateCharacters() throws(FormatError) {
        var k = 0
        firstNonASCII = end
        let raw = UnsafeRawPointer(b.baseAddress)
        while k < end {
            // Eight bytes of printable ASCII (most of every file): nothing to check.
            if fastPaths, let raw, k + 8 <= end {
                // Exact per-byte tests (no carry crosses a byte): high bit, below 0x20 and not LF or
                // tab, 0x7F.
                let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                let low7 = x & ~highs
                let below20 = ~(low7 &+ 0x60 &* ones) & highs
                func isByte(_ value: UInt64) -> UInt64 {
                    let y = x ^ (value &* ones)
                    return ~(((y & ~highs) &+ ~highs) | y) & highs
                }
                let bad = (x & highs) | (below20 & ~isByte(0x0A) & ~isByte(0x09)) | isByte(0x7F)
                if bad == 0 {
                    k += 8
                    continue
                }
            }
            let c = b[k]
            if c >= 0x20 && c < 0x7F {
                k += 1
                continue
            }
            if c >= 0x80 && k < firstNonASCII && k >= bomLength { firstNonASCII = k }
            var bad = false
            if c < 0x20 {
                bad = c != TAB && c != LF
            } else if c == 0x7F {
                bad = true
            } else if c == 0xC2 && k + 1 < end && b[k + 1] >= 0x80 && b[k + 1] <= 0x9F && b[k + 1] != 0x85 {
                bad = true
            } else if c == 0xEF && k + 2 < end && b[k + 1] == 0xBF && (b[k + 2] == 0xBE || b[k + 2] == 0xBF) {
                bad = true
            }
            if bad {
                let scalar = c == 0xEF ? 0xFFFE + Int(b[k + 2] - 0xBE) : c == 0xC2 ? Int(b[k + 1]) : Int(c)
                let hex = String(scalar, radix: 16, uppercase: true)
                throw FormatError(
                    "control or non-printable character U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex) is not allowed",
                    at: slowPosition(of: k))
            }
            k += 1
        }
    }

    // MARK: Block structure

    /// Parses the node after `:` (mapping value), `-` (sequence entry) or `---`: on the same line,
    /// or on the following lines when the rest of the line is empty. `n` is the indentation of the
    /// enclosing block collection (-1 for a document).
    private mutating func parseAfterIndicator(
        n: Int, context: BlockContext, emptyPosition: TextPosition
    ) throws(FormatError) -> YAMLNode {
        let before = i
        if skipSpacesAndComment() {
            skipToContentLine()
            if curIndent > n {
                return try parseBlockNodeAtLineStart(n: n)
            }
            if context == .mappingValue && curIndent == n && isSequenceEntry(i) {
                return try parseBlockSequence(indent: n)
            }
            return YAMLNode(.scalar("", .plain), position: emptyPosition)
        }
        var tabBefore = false
        for k in before..<i where b[k] == TAB { tabBefore = true }
        switch context {
        case .sequenceEntry:
            let column = i - lineStart
            if isSequenceEntry(i) {
                if tabBefore { throw error("tab character used for indentation") }
                return try parseBlockSequence(indent: column)
            }
            switch try parseInlineOrKey(n: n) {
            case .node(let node):
                return node
            case .key(let key):
                if tabBefore { throw FormatError("tab character used for indentation", at: key.position) }
                return try parseBlockMapping(indent: column, firstKey: key)
            }
        case .mappingValue, .document:
            if isSequenceEntry(i) {
                throw error("a block sequence may not start on the same line as its key or '---'")
            }
            switch try parseInlineOrKey(n: n) {
            case .node(let node):
                return node
            case .key:
                throw error(
                    "unexpected ':' (a nested mapping must start on a new line, or quote the value)")
            }
        }
    }

    /// At the first non-space character of a line indented by ``curIndent`` > `n`.
    private mutating func parseBlockNodeAtLineStart(n: Int) throws(FormatError) -> YAMLNode {
        let indent = curIndent
        if at(i) == TAB {
            // Tabs after the indentation: only a scalar or flow node may follow.
            let tabPosition = pos()
            while i < end && (b[i] == SP || b[i] == TAB) { i += 1 }
            if isSequenceEntry(i) { throw FormatError("tab character used for indentation", at: tabPosition) }
            switch try parseInlineOrKey(n: n) {
            case .node(let node): return node
            case .key: throw FormatError("tab character used for indentation", at: tabPosition)
            }
        }
        if isSequenceEntry(i) {
            return try parseBlockSequence(indent: indent)
        }
        switch try parseInlineOrKey(n: n) {
        case .node(let node): return node
        case .key(let key): return try parseBlockMapping(indent: indent, firstKey: key)
        }
    }

    private mutating func parseBlockSequence(indent m: Int) throws(FormatError) -> YAMLNode {
        try enter()
        let start = pos()
        let base = itemStack.count
        while true {
            i += 1  // '-'
            let emptyPosition = pos()
            let item = try parseAfterIndicator(n: m, context: .sequenceEntry, emptyPosition: emptyPosition)
            itemStack.append(item)
            if curIndent == m {
                if isSequenceEntry(i) { continue }
                if at(i) == TAB { throw error("tab character used for indentation") }
            }
            if curIndent > m {
                throw error("bad indentation of a sequence entry (expected \(m) spaces)")
            }
            break
        }
        depth -= 1
        return YAMLNode(.sequence(popItems(from: base)), position: start)
    }

    /// The scratch buffer, empty; the parser holds none until it is given back.
    private mutating func takeScratch() -> [UInt8] {
        var text: [UInt8] = []
        swap(&text, &scratch)
        text.removeAll(keepingCapacity: true)
        return text
    }

    /// The text of `bytes`, which is then kept as the scratch buffer.
    private mutating func string(fromScratch bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        scratch = bytes
        return text
    }

    /// The items pushed on ``itemStack`` since `base`, removed from it.
    private mutating func popItems(from base: Int) -> [YAMLNode] {
        itemStack.pop(from: base)
    }

    /// The pairs pushed on ``pairStack`` since `base`, removed from it.
    private mutating func popPairs(from base: Int) -> [YAMLNodePair] {
        pairStack.pop(from: base)
    }

    /// Frees the stacks (and the nodes an error left on them).
    mutating func release() {
        itemStack.release()
        pairStack.release()
    }

    /// Mappings with at most this many pairs find a duplicate key by comparing the keys (cheaper
    /// than hashing them); larger ones keep a dictionary of the keys, so that reading stays linear.
    private static let linearKeySearchLimit = 8

    /// The line of the key equal to `name` among the pairs from `base` on ``pairStack``, if any.
    /// `seen` (the keys and their lines) is made once the mapping outgrows ``linearKeySearchLimit``.
    private func lineOfEarlierKey(_ name: String, from base: Int, seen: inout [String: Int]?) -> Int? {
        if seen == nil {
            if pairStack.count - base <= YAMLParser.linearKeySearchLimit {
                for k in base..<pairStack.count {
                    if case .scalar(let other, _) = pairStack[k].key.content, other == name {
                        return pairStack[k].key.position.line
                    }
                }
                return nil
            }
            var table: [String: Int] = [:]
            table.reserveCapacity(2 * (pairStack.count - base))
            for k in base..<pairStack.count {
                // The keys so far are distinct (a duplicate was an error).
                table[pairStack[k].key.scalarText ?? ""] = pairStack[k].key.position.line
            }
            seen = table
        }
        return seen?[name]
    }

    /// `i` stands on the `:` after `firstKey`.
    private mutating func parseBlockMapping(indent m: Int, firstKey: YAMLNode) throws(FormatError) -> YAMLNode {
        try enter()
        let start = firstKey.position
        let base = pairStack.count
        var seen: [String: Int]? = nil
        var key = firstKey
        while true {
            let name = key.scalarText ?? ""
            if name == "<<", case .scalar(_, .plain) = key.content {
                throw unsupported("merge keys (<<)", at: key.position)
            }
            if let firstLine = lineOfEarlierKey(name, from: base, seen: &seen) {
                throw FormatError("duplicate key '\(name)' (first defined on line \(firstLine))", at: key.position)
            }
            seen?[name] = key.position.line
            i += 1  // ':'
            let emptyPosition = pos()
            let value = try parseAfterIndicator(n: m, context: .mappingValue, emptyPosition: emptyPosition)
            pairStack.append(YAMLNodePair(key: key, value: value))
            if curIndent < m { break }
            if curIndent > m {
                throw error("bad indentation of a mapping entry (expected \(m) spaces)")
            }
            if at(i) == TAB { throw error("tab character used for indentation") }
            if isSequenceEntry(i) {
                throw error("a sequence entry is not allowed here (expected a key of the mapping at this indentation)")
            }
            if at(i) == UInt8(ascii: "?") && isBlankOrEnd(i + 1) {
                throw unsupported("explicit and complex keys ('? ')", at: pos())
            }
            let keyStart = pos()
            switch try parseInlineOrKey(n: m) {
            case .key(let next): key = next
            case .node: throw FormatError("expected a mapping key followed by ': '", at: keyStart)
            }
        }
        depth -= 1
        return YAMLNode(.mapping(popPairs(from: base)), position: start)
    }

    /// Parses the scalar or flow node at `i`, which may turn out to be an implicit key.
    private mutating func parseInlineOrKey(n: Int) throws(FormatError) -> InlineResult {
        let start = pos()
        let startLine = line
        let c = b[i]
        switch c {
        case UInt8(ascii: "&"): throw unsupported("anchors (&name)", at: start)
        case UInt8(ascii: "*"): throw unsupported("aliases (*name)", at: start)
        case UInt8(ascii: "!"): throw unsupported("tags (!tag)", at: start)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            return .node(try parseBlockScalar(n: n))
        case QUOTE1, QUOTE2, UInt8(ascii: "["), UInt8(ascii: "{"):
            let node: YAMLNode
            if c == QUOTE1 || c == QUOTE2 {
                node = try parseQuoted(n: n)
            } else {
                node = try parseFlowCollection(n: n)
            }
            let save = i
            while i < end && (b[i] == SP || b[i] == TAB) { i += 1 }
            if at(i) == COLON && isBlankOrEnd(i + 1) {
                if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                    throw unsupported("complex keys (a collection used as a key)", at: start)
                }
                if line != startLine {
                    throw FormatError("an implicit key must be on a single line", at: start)
                }
                return .key(node)
            }
            i = save
            try finishLine()
            return .node(node)
        case UInt8(ascii: "?") where isBlankOrEnd(i + 1):
            throw unsupported("explicit and complex keys ('? ')", at: start)
        case COLON where isBlankOrEnd(i + 1):
            throw unsupported("empty keys", at: start)
        case DASH where isBlankOrEnd(i + 1):
            throw error("unexpected sequence entry")
        case COMMA, UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "%"), UInt8(ascii: "@"),
            UInt8(ascii: "`"), HASH:
            throw error("a plain scalar cannot start with \(describe(c)) (quote it)")
        default:
            break
        }
        let (s, e) = scanPlainLine(flow: false)
        if at(i) == COLON {
            return .key(YAMLNode(.scalar(plainText(s, e, nil), .plain), position: start))
        }
        let folded = try continuePlain(s, e, n: n, flow: false)
        try finishLine()
        return .node(YAMLNode(.scalar(plainText(s, e, folded), .plain), position: start))
    }

    // MARK: Plain scalars

    /// Scans one line of a plain scalar. Stops at a line break, `: `, ` #` and (in flow context) at
    /// flow indicators. Returns the scanned range without trailing white space.
    private mutating func scanPlainLine(flow: Bool) -> (Int, Int) {
        // A local offset (not `i`), so that the loop keeps it in a register.
        let start = i
        var k = i
        var stop = k
        while k < end {
            let c = b[k]
            if !isPlainSpecial(c, flow: flow) {
                k += 1
                stop = k
                continue
            }
            if c == LF { break }
            if c == SP || c == TAB {
                if k + 1 < end && b[k + 1] == HASH { break }
                k += 1
                continue
            }
            if c == COLON {
                let d = at(k + 1)
                if k + 1 >= end || d == SP || d == TAB || d == LF || (flow && isFlowIndicator(d)) { break }
            } else if flow && isFlowIndicator(c) {
                break
            }
            k += 1
            stop = k
        }
        i = k
        return (start, stop)
    }

    /// The text of a plain scalar whose first line is `s..<e`: `folded` when it went on over more lines.
    private mutating func plainText(_ s: Int, _ e: Int, _ folded: [UInt8]?) -> String {
        if let folded { return String(decoding: folded, as: UTF8.self) }
        return text(s, e)
    }

    /// The bytes `s..<e` of the text as a string (shared with an earlier equal one, see ``interned``).
    private mutating func text(_ s: Int, _ e: Int) -> String {
        let count = e - s
        guard fastPaths, count > 0, end >= YAMLParser.internMinimumTextSize, let raw = UnsafeRawPointer(b.baseAddress)
        else {
            return String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
        }
        // The first and the last eight bytes (all of a text of 16 bytes or fewer; zeros past a short one).
        var first: UInt64 = 0
        var last: UInt64 = 0
        if count >= 8 {
            first = raw.loadUnaligned(fromByteOffset: s, as: UInt64.self)
            last = raw.loadUnaligned(fromByteOffset: e - 8, as: UInt64.self)
        } else {
            for k in 0..<count { first |= UInt64(raw.load(fromByteOffset: s + k, as: UInt8.self)) << (8 * k) }
        }
        let mixed = (first ^ (last &<< 17 | last &>> 47) ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15
        let slot = Int(truncatingIfNeeded: mixed >> 54)  // 10 bits: internSlots
        if interned.isEmpty {
            interned = Array(
                repeating: InternedText(start: 0, count: 0, first: 0, last: 0, text: ""), count: YAMLParser.internSlots)
        }
        let same = interned.withUnsafeBufferPointer { slots in
            let entry = slots[slot]
            return entry.count == count && entry.first == first && entry.last == last
                && (count <= 16 || bytesEqual(raw, s, entry.start, count))
        }
        if same { return interned[slot].text }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
        interned[slot] = InternedText(start: s, count: count, first: first, last: last, text: text)
        return text
    }

    /// Whether the `count` bytes at `a` and at `b` are equal.
    private func bytesEqual(_ raw: UnsafeRawPointer, _ a: Int, _ b: Int, _ count: Int) -> Bool {
        var k = 0
        while k + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: a + k, as: UInt64.self)
                != raw.loadUnaligned(fromByteOffset: b + k, as: UInt64.self)
            {
                return false
            }
            k += 8
        }
        while k < count {
            if raw.load(fromByteOffset: a + k, as: UInt8.self) != raw.load(fromByteOffset: b + k, as: UInt8.self) {
                return false
            }
            k += 1
        }
        return true
    }

    /// Continues a plain scalar whose first line is `s..<e` over following lines (folding line
    /// breaks), as long as the lines are indented more than `n` and are not comments or document
    /// markers. Returns the whole text when it found such lines, nil when the scalar is its first line.
    private mutating func continuePlain(_ s: Int, _ e: Int, n: Int, flow: Bool) throws(FormatError) -> [UInt8]? {
        var folded: [UInt8]? = nil
        while i < end && b[i] == LF {
            let saveI = i
            let saveLine = line
            let saveLineStart = lineStart
            var breaks = 0
            var found = false
            while i < end && b[i] == LF {
                let spaces = consumeNewlineAndIndent()
                breaks += 1
                while i < end && (b[i] == SP || b[i] == TAB) { i += 1 }
                if i >= end { break }
                if b[i] == LF { continue }
                if b[i] == HASH { break }
                if spaces == 0 && isDocumentMarker(i) { break }
                if spaces <= n { break }
                found = true
                break
            }
            if found {
                if flow && isFlowIndicator(b[i]) { found = false }
            }
            var segment = (0, 0)
            if found {
                segment = scanPlainLine(flow: flow)
                if segment.0 == segment.1 { found = false }
            }
            if !found {
                i = saveI
                line = saveLine
                lineStart = saveLineStart
                return folded
            }
            if folded == nil { folded = Array(b[s..<e]) }
            if breaks == 1 {
                folded!.append(SP)
            } else {
                for _ in 1..<breaks { folded!.append(LF) }
            }
            folded!.append(contentsOf: b[segment.0..<segment.1])
        }
        return folded
    }

    // MARK: Quoted scalars

    private mutating func parseQuoted(n: Int) throws(FormatError) -> YAMLNode {
        let start = pos()
        let quote = b[i]
        let double = quote == QUOTE2
        if fastPaths {
            // On one line without escapes (or '' in single quotes): the text between the quotes as it is.
            var k = i + 1
            while k < end {
                let d = b[k]
                if d == quote || d == LF || (double && d == BACKSLASH) { break }
                k += 1
            }
            if k < end && b[k] == quote && (double || k + 1 >= end || b[k + 1] != QUOTE1) {
                let text = text(i + 1, k)
                i = k + 1
                return YAMLNode(.scalar(text, double ? .doubleQuoted : .singleQuoted), position: start)
            }
        }
        i += 1
        var text = takeScratch()
        while true {
            guard i < end else {
                throw FormatError("unterminated \(double ? "double" : "single")-quoted string", at: start)
            }
            let c = b[i]
            if c == quote {
                if !double && at(i + 1) == QUOTE1 {
                    text.append(QUOTE1)
                    i += 2
                    continue
                }
                i += 1
                break
            }
            if c == BACKSLASH && double {
                try parseEscape(&text, n: n)
                continue
            }
            if c == SP || c == TAB {
                let runStart = i
                while i < end && (b[i] == SP || b[i] == TAB) { i += 1 }
                if i < end && b[i] != LF { text.append(contentsOf: b[runStart..<i]) }
                continue
            }
            if c == LF {
                let breaks = try foldQuotedLines(n: n, quoteStart: start)
                if breaks == 1 {
                    text.append(SP)
                } else {
                    for _ in 1..<breaks { text.append(LF) }
                }
                continue
            }
            let runStart = i
            i += 1
            while i < end {
                let d = b[i]
                if d == quote || d == BACKSLASH || d == SP || d == TAB || d == LF { break }
                i += 1
            }
            text.append(contentsOf: b[runStart..<i])
        }
        return YAMLNode(
            .scalar(string(fromScratch: text), double ? .doubleQuoted : .singleQuoted), position: start)
    }

    /// Consumes a line break and the spaces that indent the next line; returns how many spaces.
    private mutating func consumeNewlineAndIndent() -> Int {
        consumeNewline()
        var spaces = 0
        while i < end && b[i] == SP {
            i += 1
            spaces += 1
        }
        return spaces
    }

    /// At a line break inside a quoted scalar: consumes it, empty lines and the next line's leading
    /// white space. Returns the number of line breaks.
    private mutating func foldQuotedLines(n: Int, quoteStart: TextPosition) throws(FormatError) -> Int {
        var breaks = 0
        while i < end && b[i] == LF {
            let spaces = consumeNewlineAndIndent()
            breaks += 1
            if spaces == 0 && isDocumentMarker(i) {
                throw FormatError("unterminated quoted string (document marker inside)", at: quoteStart)
            }
            let afterSpaces = i
            while i < end && (b[i] == SP || b[i] == TAB) { i += 1 }
            if i < end && b[i] == LF { continue }
            if i < end && spaces <= n {
                i = afterSpaces
                throw error("bad indentation of a continuation line of a quoted string")
            }
        }
        return breaks
    }

    private mutating func parseEscape(_ text: inout [UInt8], n: Int) throws(FormatError) {
        let escapeStart = pos()
        guard i + 1 < end else { throw error("unterminated double-quoted string") }
        let e = b[i + 1]
        i += 2
        var scalar: UInt32
        switch e {
        case UInt8(ascii: "0"): scalar = 0
        case UInt8(ascii: "a"): scalar = 7
        case UInt8(ascii: "b"): scalar = 8
        case UInt8(ascii: "t"), TAB: scalar = 9
        case UInt8(ascii: "n"): scalar = 10
        case UInt8(ascii: "v"): scalar = 11
        case UInt8(ascii: "f"): scalar = 12
        case UInt8(ascii: "r"): scalar = 13
        case UInt8(ascii: "e"): scalar = 27
        case SP: scalar = 32
        case QUOTE2: scalar = 34
        case UInt8(ascii: "/"): scalar = 47
        case BACKSLASH: scalar = 92
        case UInt8(ascii: "N"): scalar = 0x85
        case UInt8(ascii: "_"): scalar = 0xA0
        case UInt8(ascii: "L"): scalar = 0x2028
        case UInt8(ascii: "P"): scalar = 0x2029
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
            scalar = 0
            for _ in 0..<count {
                guard i < end, let digit = hexValue(b[i]) else {
                    throw FormatError(
                        "invalid escape: '\\\(Character(Unicode.Scalar(e)))' needs \(count) hex digits", at: escapeStart
                    )
                }
                scalar = scalar &* 16 &+ digit
                i += 1
            }
        case LF:
            // Escaped line break: the break is dropped, following empty lines are kept.
            i -= 1
            let breaks = try foldQuotedLines(n: n, quoteStart: escapeStart)
            for _ in 0..<(breaks - 1) { text.append(LF) }
            return
        default:
            let shown = e < 0x80 && e >= 0x20 ? String(Character(Unicode.Scalar(e))) : "byte 0x\(String(e, radix: 16))"
            throw FormatError("invalid escape sequence '\\\(shown)'", at: escapeStart)
        }
        guard let s = Unicode.Scalar(scalar) else {
            throw FormatError(
                "invalid escape: U+\(String(scalar, radix: 16, uppercase: true)) is not a Unicode scalar",
                at: escapeStart)
        }
        UTF8.encode(s) { text.append($0) }
    }

    private func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    // MARK: Block scalars

    /// At `|` or `>`. `n` is the indentation of the enclosing block collection (-1 for a document).
    /// Returns with the parser on the next content line.
    private mutating func parseBlockScalar(n: Int) throws(FormatError) -> YAMLNode {
        let start = pos()
        let literal = b[i] == UInt8(ascii: "|")
        i += 1
        var chomp: UInt8 = 0  // 0 clip, '-' strip, '+' keep
        var explicit = 0
        for _ in 0..<2 {
            let c = at(i)
            if c >= UInt8(ascii: "1") && c <= UInt8(ascii: "9") && explicit == 0 {
                explicit = Int(c - UInt8(ascii: "0"))
                i += 1
            } else if c == UInt8(ascii: "0") {
                throw error("a block scalar indentation indicator must be 1 to 9")
            } else if (c == DASH || c == UInt8(ascii: "+")) && chomp == 0 {
                chomp = c
                i += 1
            }
        }
        if i < end && !(b[i] == SP || b[i] == TAB || b[i] == LF) {
            throw error(
                "invalid block scalar header (expected '|' or '>' with optional indentation and chomping indicators)")
        }
        if !skipSpacesAndComment() {
            throw error("unexpected text after a block scalar header")
        }
        let headerLine = line
        var m: Int
        if explicit > 0 {
            m = (n >= 0 ? n : 0) + explicit
        } else {
            // Auto-detect from the first non-empty line.
            var k = i < end ? i + 1 : i
            var maxEmpty = 0
            var detected = -1
            while k < end {
                let lineBegin = k
                while k < end && b[k] == SP { k += 1 }
                if k < end && b[k] == LF {
                    maxEmpty = max(maxEmpty, k - lineBegin)
                    k += 1
                    continue
                }
                if k >= end {
                    maxEmpty = max(maxEmpty, k - lineBegin)
                    break
                }
                detected = k - lineBegin
                break
            }
            if detected > n {
                if maxEmpty > detected {
                    throw FormatError(
                        "a leading empty line of a block scalar has more spaces than its first content line",
                        at: TextPosition(line: headerLine + 1, column: 1))
                }
                m = detected
            } else {
                m = max(n + 1, maxEmpty)
            }
            if m < n + 1 { m = n + 1 }
        }
        let contentPosition = TextPosition(line: headerLine + 1, column: m + 1)
        var text = takeScratch()
        var breaks = 0  // line breaks since the last content line (or since the header)
        var hasContent = false
        var previousSpaced = false
        if i < end {
            consumeNewline()
            while i < end {
                var s = 0
                while s < m && i < end && b[i] == SP {
                    i += 1
                    s += 1
                }
                if i >= end {
                    if s > 0 { breaks += 1 }  // a last line without a line break still ends with one
                    break
                }
                if s < m {
                    if b[i] == TAB {
                        throw error("tab character used for indentation")
                    }
                    if b[i] == LF {
                        breaks += 1
                        consumeNewline()
                        continue
                    }
                    i = lineStart
                    break
                }
                if m == 0 && isDocumentMarker(i) { break }
                if b[i] == LF {
                    breaks += 1
                    consumeNewline()
                    continue
                }
                let spaced = b[i] == SP || b[i] == TAB
                if !hasContent {
                    for _ in 0..<breaks { text.append(LF) }
                } else if literal || spaced || previousSpaced {
                    for _ in 0..<breaks { text.append(LF) }
                } else if breaks == 1 {
                    text.append(SP)
                } else {
                    for _ in 1..<breaks { text.append(LF) }
                }
                hasContent = true
                previousSpaced = spaced
                let lineBegin = i
                i = nextLF(from: i)
                text.append(contentsOf: UnsafeBufferPointer(rebasing: b[lineBegin..<i]))
                breaks = 1
                if i < end { consumeNewline() }
            }
        }
        switch chomp {
        case DASH: break
        case UInt8(ascii: "+"): for _ in 0..<breaks { text.append(LF) }
        default: if hasContent && breaks > 0 { text.append(LF) }
        }
        skipToContentLine()
        return YAMLNode(
            .scalar(string(fromScratch: text), literal ? .literal : .folded), position: start,
            contentPosition: contentPosition)
    }

    // MARK: Flow collections

    /// Skips white space, line breaks and comments inside a flow collection, checking the
    /// indentation of each new content line against the enclosing block indentation `n`.
    private mutating func skipFlowSpace(n: Int) throws(FormatError) {
        while i < end {
            let c = b[i]
            if c == SP || c == TAB {
                var k = i + 1
                while k < end && (b[k] == SP || b[k] == TAB) { k += 1 }
                i = k
            } else if c == LF {
                consumeNewline()
                var k = i
                while k < end && b[k] == SP { k += 1 }
                let spaces = k - i
                i = k
                if spaces == 0 && isDocumentMarker(i) {
                    throw error("document marker inside a flow collection (missing ']' or '}')")
                }
                let afterSpaces = i
                while k < end && (b[k] == SP || b[k] == TAB) { k += 1 }
                i = k
                if i < end && b[i] != LF && b[i] != HASH && spaces <= n {
                    i = afterSpaces
                    throw error("bad indentation of a flow collection line (indent it more than its parent)")
                }
            } else if c == HASH && (i == lineStart || b[i - 1] == SP || b[i - 1] == TAB) {
                while i < end && b[i] != LF { i += 1 }
            } else {
                return
            }
        }
    }

    private mutating func parseFlowCollection(n: Int) throws(FormatError) -> YAMLNode {
        try enter()
        let start = pos()
        let isSequence = b[i] == UInt8(ascii: "[")
        let close = isSequence ? UInt8(ascii: "]") : UInt8(ascii: "}")
        let what = isSequence ? "flow sequence" : "flow mapping"
        i += 1
        let itemBase = itemStack.count
        let pairBase = pairStack.count
        var seen: [String: Int]? = nil
        while true {
            try skipFlowSpace(n: n)
            guard i < end else {
                throw FormatError("unterminated \(what) (missing '\(Character(Unicode.Scalar(close)))')", at: start)
            }
            if b[i] == close {
                i += 1
                break
            }
            let c = b[i]
            if c == COMMA { throw error("unexpected ',' in a \(what)") }
            let next = at(i + 1)
            let indicatorAlone = isBlankOrEnd(i + 1) || isFlowIndicator(next)
            if c == UInt8(ascii: "?") && indicatorAlone {
                throw unsupported("explicit and complex keys ('? ')", at: pos())
            }
            if c == COLON && indicatorAlone {
                throw unsupported("empty keys", at: pos())
            }
            let keyStartLine = line
            let entry = try parseFlowNode(n: n)
            let entryEndLine = line
            try skipFlowSpace(n: n)
            guard i < end else {
                throw FormatError("unterminated \(what) (missing '\(Character(Unicode.Scalar(close)))')", at: start)
            }
            var value: YAMLNode? = nil
            if b[i] == COLON {
                guard case .scalar = entry.content else {
                    throw unsupported("complex keys (a collection used as a key)", at: entry.position)
                }
                if isSequence && (keyStartLine != entryEndLine || line != keyStartLine) {
                    throw FormatError("an implicit key must be on a single line", at: entry.position)
                }
                i += 1
                let emptyPosition = pos()
                try skipFlowSpace(n: n)
                guard i < end else {
                    throw FormatError("unterminated \(what) (missing '\(Character(Unicode.Scalar(close)))')", at: start)
                }
                if b[i] == COMMA || b[i] == close {
                    value = YAMLNode(.scalar("", .plain), position: emptyPosition)
                } else {
                    value = try parseFlowNode(n: n)
                }
            }
            if isSequence {
                if let value {
                    itemStack.append(
                        YAMLNode(.mapping([YAMLNodePair(key: entry, value: value)]), position: entry.position))
                } else {
                    itemStack.append(entry)
                }
            } else {
                guard case .scalar(let name, let style) = entry.content else {
                    throw unsupported("complex keys (a collection used as a key)", at: entry.position)
                }
                if name == "<<" && style == .plain { throw unsupported("merge keys (<<)", at: entry.position) }
                if let firstLine = lineOfEarlierKey(name, from: pairBase, seen: &seen) {
                    throw FormatError(
                        "duplicate key '\(name)' (first defined on line \(firstLine))", at: entry.position)
                }
                seen?[name] = entry.position.line
                let here = pos()
                pairStack.append(
                    YAMLNodePair(key: entry, value: value ?? YAMLNode(.scalar("", .plain), position: here)))
            }
            try skipFlowSpace(n: n)
            guard i < end else {
                throw FormatError("unterminated \(what) (missing '\(Character(Unicode.Scalar(close)))')", at: start)
            }
            if b[i] == COMMA {
                i += 1
                continue
            }
            if b[i] == close {
                i += 1
                break
            }
            throw error("expected ',' or '\(Character(Unicode.Scalar(close)))' in a \(what), found \(describe(b[i]))")
        }
        depth -= 1
        if isSequence {
            return YAMLNode(.sequence(popItems(from: itemBase)), position: start, isFlow: true)
        }
        return YAMLNode(.mapping(popPairs(from: pairBase)), position: start, isFlow: true)
    }

    private mutating func parseFlowNode(n: Int) throws(FormatError) -> YAMLNode {
        let start = pos()
        let c = b[i]
        switch c {
        case UInt8(ascii: "["), UInt8(ascii: "{"): return try parseFlowCollection(n: n)
        case QUOTE1, QUOTE2: return try parseQuoted(n: n)
        case UInt8(ascii: "&"): throw unsupported("anchors (&name)", at: start)
        case UInt8(ascii: "*"): throw unsupported("aliases (*name)", at: start)
        case UInt8(ascii: "!"): throw unsupported("tags (!tag)", at: start)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            throw error("block scalars are not allowed inside flow collections")
        case COMMA, UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"),
            HASH:
            throw error("unexpected \(describe(c)) in a flow collection")
        case DASH, UInt8(ascii: "?"), COLON:
            if isBlankOrEnd(i + 1) || isFlowIndicator(at(i + 1)) {
                throw error("unexpected \(describe(c)) in a flow collection")
            }
        default:
            break
        }
        let (s, e) = scanPlainLine(flow: true)
        if s == e { throw error("unexpected \(describe(c)) in a flow collection") }
        let folded = try continuePlain(s, e, n: n, flow: true)
        return YAMLNode(.scalar(plainText(s, e, folded), .plain), position: start)
    }
}
