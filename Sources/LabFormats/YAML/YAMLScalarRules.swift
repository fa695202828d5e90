/// Scalar resolution (reader) and "can this string be written plain?" (writer).
enum YAMLScalarRules {

    // MARK: Resolution (YAML 1.2 core schema)

    /// Resolves the text of a plain scalar with the YAML 1.2 core schema (floats stay strings).
    static func resolvePlain(_ text: String) -> YAMLValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let int = coreInt(text) { return .int(int) }
        return .string(text)
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`, when the value fits in `Int`.
    ///
    /// Read from the text's bytes, without a copy: a strict reader asks it of every plain scalar it checks.
    static func coreInt(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { coreInt(bytes: $0) }
    }

    private static func coreInt(bytes u: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = u.first else { return nil }
        if u.count > 2, first == UInt8(ascii: "0"), u[1] == UInt8(ascii: "x") || u[1] == UInt8(ascii: "o") {
            let radix = u[1] == UInt8(ascii: "x") ? 16 : 8
            return accumulate(u[2...], radix: radix, negative: false)
        }
        var start = 0
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { start = 1 }
        guard start < u.count else { return nil }
        // Like Int("+5") and Int("-0").
        return accumulate(u[start...], radix: 10, negative: first == UInt8(ascii: "-"))
    }

    /// The digits' value in `radix` (negated when `negative`), or nil when a byte is no digit of
    /// `radix` or the value does not fit in `Int` (accumulated negatively, so `Int.min` fits).
    private static func accumulate(_ digits: Slice<UnsafeBufferPointer<UInt8>>, radix: Int, negative: Bool) -> Int? {
        var value = 0
        for c in digits {
            guard isDigit(c, radix: radix) else { return nil }
            let digit: Int
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(c - UInt8(ascii: "a")) + 10
            default: digit = Int(c - UInt8(ascii: "A")) + 10
            }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            guard !overflow else { return nil }
            let (next, overflow2) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflow2 else { return nil }
            value = next
        }
        return value
    }

    private static func isDigit(_ c: UInt8, radix: Int) -> Bool {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "7"): return true
        case UInt8(ascii: "8"), UInt8(ascii: "9"): return radix >= 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): return radix == 16
        default: return false
        }
    }

    // MARK: Writer: plain-safety

    /// Words that some YAML reader (1.2 core or 1.1) resolves to something other than a string.
    private static let specialWords: Set<String> = [
        "", "~", "null", "y", "yes", "n", "no", "true", "false", "on", "off", "<<", "=",
    ]

    /// Whether `scalar` may appear unescaped in any quoted or plain scalar
    /// (YAML printable, and not a character that readers treat specially).
    static func isSafeScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return false }
        if v >= 0x80 && v <= 0xA0 { return false }  // C1 controls, NEL, NBSP
        switch v {
        case 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// Whether `text`, written plain in block (or, if `flow`, flow) context,
    /// is read back as that exact string by YAML 1.2 and YAML 1.1 readers.
    static func canBePlain(_ text: String, flow: Bool) -> Bool {
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ canBePlainASCII($0, text: text, flow: flow) }),
            let ascii
        {
            return ascii
        }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        // Every special word has at most 5 UTF-8 bytes, and no longer text lowercases to one
        // (the only non-ASCII letter that lowercases to ASCII is the Kelvin sign, to "k"):
        // skipping the lowercased copy of longer scalars keeps the writer linear and cheap.
        if text.utf8.count <= 5 && specialWords.contains(text.lowercased()) { return false }
        if "-?:,[]{}#&*!|>'\"%@`. ".unicodeScalars.contains(first) {
            // A leading "." is fine unless it looks like a number, ".inf" or a document end.
            if first != "." || text.hasPrefix("...") || looksNumeric(text) { return false }
        }
        if last == " " || last == ":" { return false }
        var previous: Unicode.Scalar = " "
        for s in text.unicodeScalars {
            if !isSafeScalar(s) { return false }
            if s == "#" && previous == " " { return false }
            if previous == ":" && (s == " " || (flow && ",[]{}".unicodeScalars.contains(s))) { return false }
            if flow && ",[]{}".unicodeScalars.contains(s) { return false }
            previous = s
        }
        if looksNumeric(text) || looksLikeDate(text) { return false }
        return true
    }

    /// `canBePlain` on the UTF-8 bytes of an ASCII text (the same rules: for ASCII, a scalar is a
    /// byte), without a scan of the indicator strings per character; nil when not ASCII.
    private static func canBePlainASCII(_ bytes: UnsafeBufferPointer<UInt8>, text: String, flow: Bool) -> Bool? {
        guard let first = bytes.first, let last = bytes.last else { return false }
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        if bytes.count <= 5 && specialWords.contains(text.lowercased()) { return false }
        func isFlowIndicator(_ c: UInt8) -> Bool {
            c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]") || c == UInt8(ascii: "{")
                || c == UInt8(ascii: "}")
        }
        switch first {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "."),
            UInt8(ascii: " "):
            if first != UInt8(ascii: ".") || text.hasPrefix("...") || looksNumeric(text) { return false }
        default: break
        }
        if last == UInt8(ascii: " ") || last == UInt8(ascii: ":") { return false }
        var previous = UInt8(ascii: " ")
        for s in bytes {
            if s < 0x20 || s == 0x7F { return false }
            if s == UInt8(ascii: "#") && previous == UInt8(ascii: " ") { return false }
            if previous == UInt8(ascii: ":") && (s == UInt8(ascii: " ") || (flow && isFlowIndicator(s))) {
                return false
            }
            if flow && isFlowIndicator(s) { return false }
            previous = s
        }
        if looksNumeric(text) || looksLikeDate(text) { return false }
        return true
    }

    /// Conservative: true for anything a YAML 1.1 or 1.2 reader might take as a number
    /// (ints, floats, `0x`/`0o`/`0b`, `1_000`, sexagesimal `1:20`, `.inf`, `.nan`).
    static func looksNumeric(_ text: String) -> Bool {
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ looksNumericASCII($0) }), let ascii { return ascii }
        var t = Substring(text)
        if t.first == "+" || t.first == "-" { t = t.dropFirst() }
        let lower = t.lowercased()
        if lower == ".inf" || lower == ".nan" { return true }
        if lower.count > 2, lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") {
            return lower.dropFirst(2).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        }
        // mantissa[e[+-]digits], mantissa = group(:group)*, last group may hold one "."
        var mantissa = Substring(lower)
        if let e = lower.firstIndex(of: "e") {
            mantissa = lower[..<e]
            var exponent = lower[lower.index(after: e)...]
            if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
            if exponent.isEmpty || !exponent.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "_") }) {
                return false
            }
        }
        var digits = 0
        var dots = 0
        for c in mantissa {
            if c.isASCII && c.isNumber {
                digits += 1
            } else if c == "." {
                dots += 1
            } else if c != "_" && c != ":" {
                return false
            }
        }
        return digits > 0 && dots <= 1
    }

    /// `looksNumeric` on the UTF-8 bytes of an ASCII text, without allocating (the same rules:
    /// for ASCII, lower-casing, `isNumber` and `isLetter` are byte tests); nil when not ASCII.
    private static func looksNumericASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        var t = bytes[...]
        if let first = t.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { t = t.dropFirst() }
        if t.count == 4, lower(t[t.startIndex]) == UInt8(ascii: ".") {
            let word = t.dropFirst().map(lower)
            if word == Array("inf".utf8) || word == Array("nan".utf8) { return true }
        }
        if t.count > 2, t[t.startIndex] == UInt8(ascii: "0") {
            let marker = lower(t[t.startIndex + 1])
            if marker == UInt8(ascii: "x") || marker == UInt8(ascii: "o") || marker == UInt8(ascii: "b") {
                return t.dropFirst(2).allSatisfy { c in
                    let l = lower(c)
                    return isDigit(c) || (l >= 97 && l <= 122) || c == UInt8(ascii: "_")
                }
            }
        }
        var mantissa = t
        if let e = t.firstIndex(where: { lower($0) == UInt8(ascii: "e") }) {
            mantissa = t[..<e]
            var exponent = t[(e + 1)...]
            if let sign = exponent.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                exponent = exponent.dropFirst()
            }
            if exponent.isEmpty || !exponent.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "_") }) { return false }
        }
        var digits = 0
        var dots = 0
        for c in mantissa {
            if isDigit(c) {
                digits += 1
            } else if c == UInt8(ascii: ".") {
                dots += 1
            } else if c != UInt8(ascii: "_") && c != UInt8(ascii: ":") {
                return false
            }
        }
        return digits > 0 && dots <= 1
    }

    /// `YYYY-M-D…`, which YAML 1.1 readers turn into timestamps.
    private static func looksLikeDate(_ text: String) -> Bool {
        let u = Array(text.utf8.prefix(10))
        guard u.count >= 8 else { return false }
        func digit(_ i: Int) -> Bool { i < u.count && u[i] >= 48 && u[i] <= 57 }
        return digit(0) && digit(1) && digit(2) && digit(3) && u[4] == UInt8(ascii: "-") && digit(5)
    }
}
