/// Reads the TOML subset: `[table]` headers with dotted, bare, "basic" and 'literal' key parts,
/// `key = value` lines (dotted keys too), single-line basic and literal strings, decimal integers,
/// booleans, arrays (over several lines, trailing comma, nested), `#` comments and blank lines.
///
/// Everything else TOML has (inline tables, multi-line strings, floats, dates and times,
/// hexadecimal/octal/binary integers, arrays of tables `[[x]]`) is an error
/// `unsupported TOML feature: ...`, never a silent misreading. Duplicate keys and tables,
/// unterminated strings and arrays are errors too, all with their position.
public enum TOMLReader {
    /// The deepest nesting of arrays accepted.
    public static let maximumDepth = 256

    public static func read(_ text: String) throws(FormatError) -> TOMLDocument {
        var parser = TOMLParser(text)
        return try parser.parse()
    }
}

/// A table under construction: reference type for O(1) lookups while reading.
final class TOMLBuildTable {
    enum Slot {
        case value(TOMLValue)
        case table(TOMLBuildTable)
    }

    enum Origin {
        case implicit  // created on the way to a header
        case header  // defined by its own [header]
        case dotted  // created by a dotted key
    }

    var keys: [String] = []
    var slots: [String: Slot] = [:]
    var origin: Origin

    init(origin: Origin) { self.origin = origin }

    func freeze() -> TOMLTable {
        TOMLTable(
            keys.map { key in
                switch slots[key]! {
                case .value(let v): return TOMLEntry(key: key, value: v)
                case .table(let t): return TOMLEntry(key: key, value: .table(t.freeze()))
                }
            })
    }
}

struct TOMLParser: UTF8Cursor {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var column = 1
    let root = TOMLBuildTable(origin: .header)
    var positions: [[String]: TextPosition] = [:]

    init(_ text: String) {
        bytes = Self.bytes(of: text)
    }

    static func unsupported(_ what: String, at position: TextPosition) -> FormatError {
        FormatError("unsupported TOML feature: \(what)", at: position)
    }

    static func hex4(_ b: UInt8) -> String {
        let h = String(b, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - h.count) + h
    }

    mutating func parse() throws(FormatError) -> TOMLDocument {
        var table = root
        var tablePath: [String] = []
        while index < bytes.count {
            skipBlanks()
            guard let c = current else { break }
            switch c {
            case 0x0A:
                advance()
                continue
            case 0x0D where peek(1) == 0x0A:
                advance()
                advance()
                continue
            case UInt8(ascii: "#"):
                try skipComment()
                continue
            case UInt8(ascii: "["):
                let start = position
                if peek(1) == UInt8(ascii: "[") {
                    throw Self.unsupported("array of tables '[[...]]'", at: start)
                }
                advance()
                skipBlanks()
                let keys = try dottedKey()
                skipBlanks()
                guard current == UInt8(ascii: "]") else {
                    throw FormatError("expected ']' to close the table header", at: position)
                }
                advance()
                try endOfLine()
                (table, tablePath) = try defineHeader(keys, at: start)
            default:
                let keys = try dottedKey()
                skipBlanks()
                guard current == UInt8(ascii: "=") else {
                    throw FormatError("expected '=' after the key", at: position)
                }
                advance()
                skipBlanks()
                let value = try value(depth: 0)
                try endOfLine()
                try assign(keys, value, in: table, path: tablePath)
            }
        }
        return TOMLDocument(root: root.freeze(), positions: positions)
    }

    // MARK: - tables

    mutating func defineHeader(_ keys: [(String, TextPosition)], at start: TextPosition) throws(FormatError)
        -> (TOMLBuildTable, [String])
    {
        var table = root
        var path: [String] = []
        for (i, (key, keyPosition)) in keys.enumerated() {
            path.append(key)
            let last = i == keys.count - 1
            switch table.slots[key] {
            case nil:
                table = addTable(
                    key, origin: last ? .header : .implicit, to: table, path: path, at: last ? start : keyPosition)
            case .value:
                throw alreadyValue(path, at: keyPosition)
            case .table(let t):
                if last {
                    switch t.origin {
                    case .header:
                        throw FormatError(
                            "duplicate table [\(path.joined(separator: "."))] (first defined at "
                                + "\(positions[path]?.description ?? "?"))", at: start)
                    case .dotted:
                        throw FormatError(
                            "table [\(path.joined(separator: "."))] was already defined by dotted keys at "
                                + "\(positions[path]?.description ?? "?")", at: start)
                    case .implicit:
                        t.origin = .header
                        positions[path] = start
                    }
                }
                table = t
            }
        }
        return (table, path)
    }

    mutating func assign(
        _ keys: [(String, TextPosition)], _ value: TOMLValue, in start: TOMLBuildTable, path tablePath: [String]
    ) throws(FormatError) {
        var table = start
        var path = tablePath
        for (i, (key, keyPosition)) in keys.enumerated() {
            path.append(key)
            if i == keys.count - 1 {
                if table.slots[key] != nil {
                    throw FormatError(
                        "duplicate key '\(path.joined(separator: "."))' (first defined at "
                            + "\(positions[path]?.description ?? "?"))", at: keyPosition)
                }
                table.keys.append(key)
                table.slots[key] = .value(value)
                positions[path] = keyPosition
                return
            }
            switch table.slots[key] {
            case nil:
                table = addTable(key, origin: .dotted, to: table, path: path, at: keyPosition)
            case .value:
                throw alreadyValue(path, at: keyPosition)
            case .table(let t):
                if t.origin != .dotted {
                    throw FormatError(
                        "dotted key cannot add to table [\(path.joined(separator: "."))] defined at "
                            + "\(positions[path]?.description ?? "?")", at: keyPosition)
                }
                table = t
            }
        }
    }

    /// A new table at `key` of `table`, defined at `position`.
    mutating func addTable(
        _ key: String, origin: TOMLBuildTable.Origin, to table: TOMLBuildTable, path: [String],
        at position: TextPosition
    ) -> TOMLBuildTable {
        let t = TOMLBuildTable(origin: origin)
        table.keys.append(key)
        table.slots[key] = .table(t)
        positions[path] = position
        return t
    }

    func alreadyValue(_ path: [String], at position: TextPosition) -> FormatError {
        FormatError(
            "key '\(path.joined(separator: "."))' is already a value, not a table (defined at "
                + "\(positions[path]?.description ?? "?"))", at: position)
    }

    // MARK: - lexical pieces

    mutating func skipBlanks() {
        while let c = current, c == 0x20 || c == 0x09 { advance() }
    }

    mutating func skipComment() throws(FormatError) {
        while let c = current, c != 0x0A {
            if c == 0x0D && peek(1) == 0x0A { return }
            if (c < 0x20 && c != 0x09) || c == 0x7F {
                throw FormatError("control character U+\(Self.hex4(c)) in a comment", at: position)
            }
            advance()
        }
    }

    /// Blanks, an optional comment, then a newline or the end.
    mutating func endOfLine() throws(FormatError) {
        skipBlanks()
        if current == UInt8(ascii: "#") { try skipComment() }
        guard let c = current else { return }
        if c == 0x0A {
            advance()
            return
        }
        if c == 0x0D && peek(1) == 0x0A {
            advance()
            advance()
            return
        }
        throw FormatError("expected the end of the line", at: position)
    }

    static func isBareKeyByte(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    mutating func dottedKey() throws(FormatError) -> [(String, TextPosition)] {
        var keys: [(String, TextPosition)] = []
        while true {
            let start = position
            guard let c = current else { throw FormatError("expected a key", at: start) }
            if c == UInt8(ascii: "\"") {
                keys.append((try basicString(), start))
            } else if c == UInt8(ascii: "'") {
                keys.append((try literalString(), start))
            } else if Self.isBareKeyByte(c) {
                let from = index
                while let d = current, Self.isBareKeyByte(d) { advance() }
                keys.append((String(decoding: bytes[from..<index], as: UTF8.self), start))
            } else {
                throw FormatError("expected a key (letters, digits, '_', '-' or a quoted key)", at: start)
            }
            skipBlanks()
            guard current == UInt8(ascii: ".") else { return keys }
            // Deeper keys would make the tables nest past what the recursive freeze and
            // comparisons handle, and each level re-hashes the path (quadratic time).
            if keys.count >= TOMLReader.maximumDepth {
                throw FormatError("keys nested deeper than \(TOMLReader.maximumDepth) levels", at: position)
            }
            advance()
            skipBlanks()
        }
    }

    mutating func basicString() throws(FormatError) -> String {
        let start = position
        if peek(1) == UInt8(ascii: "\"") && peek(2) == UInt8(ascii: "\"") {
            throw Self.unsupported("multi-line string", at: start)
        }
        advance()
        var out: [UInt8] = []
        while true {
            guard let c = current, c != 0x0A, !(c == 0x0D && peek(1) == 0x0A) else {
                throw FormatError("unterminated string (no closing '\"' on its line)", at: start)
            }
            if c == UInt8(ascii: "\"") {
                advance()
                return String(decoding: out, as: UTF8.self)
            }
            if c == UInt8(ascii: "\\") {
                let escape = position
                advance()
                guard let e = current else { throw FormatError("unterminated string", at: start) }
                advance()
                switch e {
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let count = e == UInt8(ascii: "u") ? 4 : 8
                    var v: UInt32 = 0
                    for _ in 0..<count {
                        guard let h = current, let d = Self.hexValue(h) else {
                            throw FormatError(
                                "expected \(count) hex digits after '\\\(Character(Unicode.Scalar(e)))'", at: escape)
                        }
                        v = v &* 16 &+ d
                        advance()
                    }
                    guard let scalar = Unicode.Scalar(v) else {
                        throw FormatError("escape is not a Unicode scalar value", at: escape)
                    }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw FormatError("unknown escape in a string", at: escape)
                }
                continue
            }
            if (c < 0x20 && c != 0x09) || c == 0x7F {
                throw FormatError("control character U+\(Self.hex4(c)) in a string (escape it)", at: position)
            }
            out.append(c)
            advance()
        }
    }

    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    mutating func literalString() throws(FormatError) -> String {
        let start = position
        if peek(1) == UInt8(ascii: "'") && peek(2) == UInt8(ascii: "'") {
            throw Self.unsupported("multi-line literal string", at: start)
        }
        advance()
        let from = index
        while true {
            guard let c = current, c != 0x0A, !(c == 0x0D && peek(1) == 0x0A) else {
                throw FormatError("unterminated literal string (no closing \"'\" on its line)", at: start)
            }
            if c == UInt8(ascii: "'") {
                let s = String(decoding: bytes[from..<index], as: UTF8.self)
                advance()
                return s
            }
            if (c < 0x20 && c != 0x09) || c == 0x7F {
                throw FormatError("control character U+\(Self.hex4(c)) in a string", at: position)
            }
            advance()
        }
    }

    mutating func value(depth: Int) throws(FormatError) -> TOMLValue {
        let start = position
        guard let c = current, c != 0x0A else { throw FormatError("expected a value", at: start) }
        switch c {
        case UInt8(ascii: "\""): return .string(try basicString())
        case UInt8(ascii: "'"): return .string(try literalString())
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "{"): throw Self.unsupported("inline table", at: start)
        default: break
        }
        // A bare token: boolean, integer, or something unsupported.
        let from = index
        while let d = current,
            !(d == 0x20 || d == 0x09 || d == 0x0A || d == 0x0D || d == UInt8(ascii: ",")
                || d == UInt8(ascii: "]") || d == UInt8(ascii: "#"))
        {
            advance()
        }
        let token = String(decoding: bytes[from..<index], as: UTF8.self)
        return try Self.scalar(token, at: start)
    }

    static func scalar(_ token: String, at start: TextPosition) throws(FormatError) -> TOMLValue {
        if token == "true" { return .boolean(true) }
        if token == "false" { return .boolean(false) }
        if token.isEmpty { throw FormatError("expected a value", at: start) }
        let u = Array(token.utf8)
        let digit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        if ["inf", "+inf", "-inf", "nan", "+nan", "-nan"].contains(token) {
            throw unsupported("float '\(token)'", at: start)
        }
        if u.count >= 3 && digit(u[0]) && digit(u[1])
            && (u[2] == UInt8(ascii: ":") || (u.count >= 5 && digit(u[2]) && digit(u[3]) && u[4] == UInt8(ascii: "-")))
        {
            throw unsupported("date or time '\(token)'", at: start)
        }
        if u.count > 1 && u[0] == UInt8(ascii: "0")
            && [UInt8(ascii: "x"), UInt8(ascii: "o"), UInt8(ascii: "b")].contains(u[1])
        {
            throw unsupported("hexadecimal, octal or binary integer '\(token)'", at: start)
        }
        var body = u[...]
        var negative = false
        if let f = body.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") {
            negative = f == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        if !body.isEmpty && body.allSatisfy({ digit($0) || $0 == UInt8(ascii: "_") })
            && digit(body.first!) && digit(body.last!) && !token.contains("__")
        {
            if body.count > 1 && body.first == UInt8(ascii: "0") {
                throw FormatError("integer '\(token)' has a leading zero", at: start)
            }
            var v = 0
            for b in body where b != UInt8(ascii: "_") {
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (a, o2) =
                    negative ? m.subtractingReportingOverflow(Int(b - 48)) : m.addingReportingOverflow(Int(b - 48))
                if o1 || o2 { throw FormatError("integer '\(token)' does not fit in 64 bits", at: start) }
                v = a
            }
            return .integer(v)
        }
        if body.first.map(digit) == true && token.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            throw unsupported("float '\(token)'", at: start)
        }
        throw FormatError("invalid value '\(token)' (strings must be quoted)", at: start)
    }

    /// Blanks, newlines and comments inside an array.
    mutating func skipArrayFiller() throws(FormatError) {
        while let c = current {
            if c == 0x20 || c == 0x09 || c == 0x0A || (c == 0x0D && peek(1) == 0x0A) {
                advance()
            } else if c == UInt8(ascii: "#") {
                try skipComment()
            } else {
                return
            }
        }
    }

    mutating func array(depth: Int) throws(FormatError) -> TOMLValue {
        let start = position
        if depth >= TOMLReader.maximumDepth {
            throw FormatError("arrays nested deeper than \(TOMLReader.maximumDepth) levels", at: start)
        }
        advance()
        var items: [TOMLValue] = []
        while true {
            try skipArrayFiller()
            guard let c = current else { throw FormatError("unterminated array (no closing ']')", at: start) }
            if c == UInt8(ascii: "]") {
                advance()
                return .array(items)
            }
            items.append(try value(depth: depth + 1))
            try skipArrayFiller()
            guard let d = current else { throw FormatError("unterminated array (no closing ']')", at: start) }
            if d == UInt8(ascii: ",") {
                advance()
            } else if d != UInt8(ascii: "]") {
                throw FormatError("expected ',' or ']' in the array", at: position)
            }
        }
    }
}
