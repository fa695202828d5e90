/// Byte-level versions of `ShellScriptReader`'s line scanning, for lines of ASCII without a carriage
/// return: there every `Character` is one byte, so scanning the bytes gives the same tokens, columns
/// and quotes as scanning the characters, without building a `Character` per byte. Lines with other
/// characters take the general path. (Generated scripts are ASCII; `ShellScriptFastPathTests` holds
/// both paths to the same answers.)
extension ShellScriptReader {
    /// Whether every character of `name` is a letter, a digit or `_` (a shell variable or function
    /// name): on the bytes when it is ASCII (where those are exactly `A-Z`, `a-z`, `0-9` and `_`).
    static func isNameText(_ name: some StringProtocol) -> Bool {
        var ascii = true
        for byte in name.utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            let letter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if !(letter || digit || byte == UInt8(ascii: "_")) { return false }
        }
        if ascii { return true }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// `body` on the bytes of `line` when it is ASCII without a carriage return; nil otherwise.
    static func withASCII<R>(_ line: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        line.utf8.withContiguousStorageIfAvailable { bytes -> R? in
            for byte in bytes where byte >= 0x80 || byte == 0x0D { return nil }
            return body(bytes)
        } ?? nil
    }

    /// The lines of `text` (split at "\n" as `split(separator: "\n", omittingEmptySubsequences: false)`
    /// does: a "\r\n" is one character, not a line break), found in its bytes.
    static func lines(of text: String) -> [Substring] {
        let offsets: [Int]? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var breaks: [Int] = []
            var previous: UInt8 = 0
            for (offset, byte) in bytes.enumerated() {
                if byte == 0x0A && previous != 0x0D { breaks.append(offset) }
                previous = byte
            }
            return breaks
        }
        guard let offsets else { return text.split(separator: "\n", omittingEmptySubsequences: false) }
        var lines: [Substring] = []
        lines.reserveCapacity(offsets.count + 1)
        let utf8 = text.utf8
        var start = utf8.startIndex
        for offset in offsets {
            let lineEnd = utf8.index(utf8.startIndex, offsetBy: offset)
            lines.append(text[start..<lineEnd])
            start = utf8.index(after: lineEnd)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }

    /// `openQuote(_:inside:)` on the bytes of an ASCII line.
    static func openQuoteASCII(_ bytes: UnsafeBufferPointer<UInt8>, inside initial: UInt8?) -> UInt8? {
        var quote = initial
        var escaped = false
        var previous = UInt8(ascii: " ")
        for byte in bytes {
            defer { previous = byte }
            if escaped {
                escaped = false
                continue
            }
            if byte == UInt8(ascii: "\\") && quote != UInt8(ascii: "'") {
                escaped = true
                continue
            }
            if let q = quote {
                if byte == q { quote = nil }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
            } else if byte == UInt8(ascii: "#") && (previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t")) {
                break
            }
        }
        return quote
    }

    /// Whether the bytes hold `needle` (ASCII).
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0, bytes.count >= count else { return false }
        let pattern = needle.utf8Start
        var k = 0
        while k <= bytes.count - count {
            if bytes[k] == pattern[0] {
                var j = 1
                while j < count && bytes[k + j] == pattern[j] { j += 1 }
                if j == count { return true }
            }
            k += 1
        }
        return false
    }

    /// `tokenize(_:lineNumber:)` on the bytes of an ASCII line.
    static func tokenizeASCII(_ c: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> (
        tokens: [Token], continues: Bool, markers: [(delimiter: String, stripTabs: Bool, quoted: Bool, index: Int)]
    ) {
        @inline(__always) func byte(_ ascii: Unicode.Scalar) -> UInt8 { UInt8(ascii: ascii) }
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: c[range]), as: UTF8.self)
        }
        /// ` \t;|&<>` (ends a redirection target).
        func endsTarget(_ b: UInt8) -> Bool {
            b == 0x20 || b == 0x09 || b == byte(";") || b == byte("|") || b == byte("&") || b == byte("<")
                || b == byte(">")
        }
        /// ` \t;|&<>()`` ` (ends a word).
        func endsWord(_ b: UInt8) -> Bool { endsTarget(b) || b == byte("(") || b == byte(")") || b == byte("`") }
        var tokens: [Token] = []
        var markers: [(String, Bool, Bool, Int)] = []
        let n = c.count
        var i = 0
        var continues = false
        var expectDelimiter: Bool?
        var word: [UInt8] = []
        while i < n {
            let ch = c[i]
            if ch == 0x20 || ch == 0x09 {
                i += 1
                continue
            }
            if ch == byte("#") { break }
            if ch == byte("\\") && i == n - 1 {
                continues = true
                break
            }
            let next: UInt8? = i + 1 < n ? c[i + 1] : nil
            if ch == byte("<") && next == byte("<") {
                if i + 2 < n && c[i + 2] == byte("<") {
                    i += 3  // here-string
                    continue
                }
                i += 2
                var strip = false
                if i < n && c[i] == byte("-") {
                    strip = true
                    i += 1
                }
                expectDelimiter = strip
                continue
            }
            if let next, next == ch, ch == byte("&") || ch == byte("|") || ch == byte(";") {
                tokens.append(
                    Token(text: text(i..<(i + 2)), line: lineNumber, column: i + 1, quoted: false, isOperator: true))
                i += 2
                continue
            }
            if ch == byte(";") || ch == byte("|") || ch == byte("&") || ch == byte("(") || ch == byte(")")
                || ch == byte("`")
            {
                tokens.append(
                    Token(text: text(i..<(i + 1)), line: lineNumber, column: i + 1, quoted: false, isOperator: true))
                i += 1
                continue
            }
            if ch == byte(">") || ch == byte("<") {
                let output = ch == byte(">")
                i += 1
                var duplicates = false
                while i < n, c[i] == byte(">") || c[i] == byte("&") {
                    if c[i] == byte("&") { duplicates = true }
                    i += 1
                }
                while i < n, c[i] == 0x20 { i += 1 }
                let targetStart = i
                while i < n, !endsTarget(c[i]) { i += 1 }
                if output, !duplicates, targetStart < i, c[targetStart - 1] != byte("<") {
                    var lower = targetStart
                    var upper = i
                    while lower < upper, c[lower] == byte("'") || c[lower] == byte("\"") { lower += 1 }
                    while upper > lower, c[upper - 1] == byte("'") || c[upper - 1] == byte("\"") { upper -= 1 }
                    var target = Token(
                        text: text(lower..<upper), line: lineNumber, column: targetStart + 1, quoted: false,
                        isOperator: false)
                    target.isRedirect = true
                    tokens.append(target)
                }
                continue
            }
            // A word, with quotes removed.
            let start = i
            word.removeAll(keepingCapacity: true)
            var quoted = false
            while i < n, !endsWord(c[i]) {
                let w = c[i]
                if w == byte("'") || w == byte("\"") {
                    quoted = true
                    i += 1
                    while i < n, c[i] != w {
                        if w == byte("\"") && c[i] == byte("\\") && i + 1 < n { i += 1 }
                        word.append(c[i])
                        i += 1
                    }
                    i += 1
                    continue
                }
                if w == byte("\\") && i + 1 < n {
                    word.append(c[i + 1])
                    i += 2
                    continue
                }
                word.append(w)
                i += 1
            }
            let wordText = String(decoding: word, as: UTF8.self)
            if let strip = expectDelimiter {
                markers.append((wordText, strip, quoted, tokens.count))
                expectDelimiter = nil
                continue
            }
            // Keywords that start a new command.
            if !quoted, ["then", "do", "else", "elif", "{", "}", "!"].contains(wordText) {
                tokens.append(Token(text: ";", line: lineNumber, column: start + 1, quoted: false, isOperator: true))
                continue
            }
            tokens.append(Token(text: wordText, line: lineNumber, column: start + 1, quoted: quoted, isOperator: false))
        }
        return (tokens, continues, markers.map { (delimiter: $0.0, stripTabs: $0.1, quoted: $0.2, index: $0.3) })
    }
}
