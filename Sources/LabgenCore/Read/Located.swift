import LabFormats
import LabModel

/// A value read from an artifact, with the place it was read from.
public struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// Maps positions of a text to file locations. A text embedded in another file (a kubeadm patch
/// in a literal block of kind.yaml, TOML in `containerdConfigPatches`) has its own line 1, column 1
/// at `origin` of the outer file.
public struct TextOrigin: Hashable, Sendable {
    public var file: String
    /// Where line 1, column 1 of the text is in the file.
    public var origin: TextPosition

    public init(file: String, origin: TextPosition = .start) {
        self.file = file
        self.origin = origin
    }

    /// The file location of a position of the text.
    public func location(_ position: TextPosition) -> SourceLocation {
        // Every line of a literal block is indented by `origin.column - 1` in the outer file.
        return SourceLocation(
            file: file, line: origin.line + position.line - 1, column: origin.column + position.column - 1)
    }

    /// The location of `node` (for scalars written with quotes, the opening quote).
    public func location(_ node: YAMLNode) -> SourceLocation { location(node.position) }

    /// The location of the character `offset` scalars into a scalar node's text: exact for plain
    /// and quoted one-line scalars without escapes, and for lines of literal blocks.
    public func location(_ node: YAMLNode, offset: Int) -> SourceLocation {
        guard case .scalar(let text, let style) = node.content else { return location(node) }
        switch style {
        case .plain:
            return location(TextPosition(line: node.position.line, column: node.position.column + offset))
        case .singleQuoted, .doubleQuoted:
            return location(TextPosition(line: node.position.line, column: node.position.column + 1 + offset))
        case .literal, .folded:
            var line = 0
            var column = 0
            for (index, scalar) in text.unicodeScalars.enumerated() {
                if index == offset { break }
                if scalar == "\n" {
                    line += 1
                    column = 0
                } else {
                    column += 1
                }
            }
            let start = node.contentPosition
            return location(TextPosition(line: start.line + line, column: start.column + column))
        }
    }

    /// The origin of a block scalar's text, so that a reader of that text reports file positions.
    /// Only literal blocks map line for line; other scalars map their first line.
    public func nested(_ node: YAMLNode) -> TextOrigin {
        let start = location(node.contentPosition)
        return TextOrigin(file: file, origin: TextPosition(line: start.line, column: start.column))
    }
}

/// Scalars of a line, split on blanks, with their offsets in the line.
func words(_ text: Substring) -> [(word: Substring, offset: Int)] {
    if let ascii = asciiWords(text) { return ascii }
    var result: [(Substring, Int)] = []
    var start: String.Index?
    var startOffset = 0
    var offset = 0
    var index = text.startIndex
    while index < text.endIndex {
        let character = text[index]
        if character == " " || character == "\t" {
            if let s = start {
                result.append((text[s..<index], startOffset))
                start = nil
            }
        } else if start == nil {
            start = index
            startOffset = offset
        }
        offset += character.unicodeScalars.count
        index = text.index(after: index)
    }
    if let s = start { result.append((text[s...], startOffset)) }
    return result
}

/// `words` of an ASCII text without "\r" from its bytes (there a Character is a byte: "\r\n" is the
/// only ASCII grapheme of two scalars); nil otherwise.
private func asciiWords(_ text: Substring) -> [(word: Substring, offset: Int)]? {
    let utf8 = text.utf8
    return utf8.withContiguousStorageIfAvailable { bytes -> [(word: Substring, offset: Int)]? in
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        // The words straight from their byte ranges, in one array (a command has a handful of words).
        var words: [(word: Substring, offset: Int)] = []
        words.reserveCapacity(8)
        var start = -1
        func add(_ end: Int) {
            let from = utf8.index(utf8.startIndex, offsetBy: start)
            words.append((text[from..<utf8.index(from, offsetBy: end - start)], start))
        }
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                if start >= 0 {
                    add(index)
                    start = -1
                }
            } else if start < 0 {
                start = index
            }
        }
        if start >= 0 { add(bytes.count) }
        return words
    } ?? nil
}
