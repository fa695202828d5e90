import LabModel

/// lab.json's writer: the bytes `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (two-space indent, `" : "`, an empty array or object as its brackets
/// around an empty line, keys in the order of their UTF-8 bytes), at a fraction of its cost
/// (`JSONEncoder` built a tree of boxed values first; at 1,000 nodes it took 136 M instructions).
///
/// The value is first encoded in `ModelCoding`'s binary form (one tag byte per value, LEB128
/// lengths), which this walks.
/// `LabModelJSONTests` compares the output with `JSONEncoder`'s on random labs.
enum LabModelJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let bytes = try ModelCoding.encode(value)
        var writer = Writer(bytes: bytes)
        writer.out.reserveCapacity(bytes.count * 3)
        var index = ModelCoding.magic.count
        writer.value(at: &index, indent: 0)
        return String(decoding: writer.out, as: UTF8.self)
    }

    private struct Writer {
        let bytes: [UInt8]
        var out: [UInt8] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        func unsigned(at index: inout Int) -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = bytes[index]
                index += 1
                result |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return result }
                shift += 7
            }
        }

        /// The byte range of a string's UTF-8 (its length was not read yet).
        func stringRange(at index: inout Int) -> Range<Int> {
            let n = Int(unsigned(at: &index))
            defer { index += n }
            return index..<(index + n)
        }

        /// Moves `index` past one value.
        func skip(at index: inout Int) {
            let tag = bytes[index]
            index += 1
            switch tag {
            case 3: _ = unsigned(at: &index)
            case 4: _ = stringRange(at: &index)
            case 5:
                let n = Int(unsigned(at: &index))
                for _ in 0..<n { skip(at: &index) }
            case 6:
                let n = Int(unsigned(at: &index))
                for _ in 0..<n {
                    _ = stringRange(at: &index)
                    skip(at: &index)
                }
            default: break
            }
        }

        mutating func newline(_ indent: Int) {
            out.append(0x0A)
            for _ in 0..<indent { out.append(0x20) }
        }

        mutating func value(at index: inout Int, indent: Int) {
            let tag = bytes[index]
            index += 1
            switch tag {
            case 0: out.append(contentsOf: "null".utf8)
            case 1: out.append(contentsOf: "false".utf8)
            case 2: out.append(contentsOf: "true".utf8)
            case 3:
                let z = unsigned(at: &index)
                out.append(contentsOf: String(Int(truncatingIfNeeded: (z >> 1) ^ (0 &- (z & 1)))).utf8)
            case 4: string(stringRange(at: &index))
            case 5:
                let n = Int(unsigned(at: &index))
                out.append(UInt8(ascii: "["))
                if n == 0 { out.append(0x0A) }
                for i in 0..<n {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    newline(indent + 2)
                    value(at: &index, indent: indent + 2)
                }
                newline(indent)
                out.append(UInt8(ascii: "]"))
            case 6:
                let n = Int(unsigned(at: &index))
                var keyRanges: [Range<Int>] = []
                var starts: [Int] = []
                keyRanges.reserveCapacity(n)
                starts.reserveCapacity(n)
                for _ in 0..<n {
                    let range = stringRange(at: &index)
                    keyRanges.append(range)
                    starts.append(index)
                    skip(at: &index)
                }
                let order = keyRanges.indices.sorted {
                    bytes[keyRanges[$0]].lexicographicallyPrecedes(bytes[keyRanges[$1]])
                }
                out.append(UInt8(ascii: "{"))
                if n == 0 { out.append(0x0A) }
                for (i, k) in order.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    newline(indent + 2)
                    string(keyRanges[k])
                    out.append(contentsOf: " : ".utf8)
                    var start = starts[k]
                    value(at: &start, indent: indent + 2)
                }
                newline(indent)
                out.append(UInt8(ascii: "}"))
            default: preconditionFailure("not a ModelCoding value")
            }
        }

        /// A JSON string: `"`, `\` and the control characters escaped as `JSONEncoder` does.
        mutating func string(_ range: Range<Int>) {
            out.append(UInt8(ascii: "\""))
            for b in bytes[range] {
                switch b {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case 0x08: out.append(contentsOf: "\\b".utf8)
                case 0x0C: out.append(contentsOf: "\\f".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                case 0x00..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 0xF)])
                default: out.append(b)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
    }
}
