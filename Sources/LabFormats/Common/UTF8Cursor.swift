/// A cursor over UTF-8 bytes that keeps the line and the column in Unicode scalars: the TOML
/// parser and the VyOS reader move through their text with it.
protocol UTF8Cursor {
    var bytes: [UInt8] { get }
    var index: Int { get set }
    var line: Int { get set }
    var column: Int { get set }
}

extension UTF8Cursor {
    /// The bytes of `text`, without a leading byte-order mark.
    static func bytes(of text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes
    }

    var position: TextPosition { TextPosition(line: line, column: column) }
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    /// Moves past the current byte: a new line after a line feed, a new column at each scalar's first byte.
    mutating func advance() {
        let b = bytes[index]
        index += 1
        if b == 0x0A {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
    }
}
