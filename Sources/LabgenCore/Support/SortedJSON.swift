/// Encodes a value as JSON the way `JSONEncoder` does with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, byte for byte, without its cost.
///
/// `JSONEncoder` asks the runtime, for every value, whether its type conforms to protocols it
/// special-cases (dates, data, URLs, string-keyed dictionaries); each first question about a type
/// scans the binary's protocol conformance records. For lab.json that was about a quarter of a small
/// lab's `labgen build`. This encoder builds a tree through the ordinary `Encoder` protocol and
/// writes it. Values it does not model exactly (floating point numbers, control characters
/// other than newline and tab) make it throw `Unsupported`: callers then use `JSONEncoder`.
/// `SortedJSONTests` compares the two on every built-in lab.
enum SortedJSON {
    struct Unsupported: Error {}

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = TreeEncoder()
        try value.encode(to: encoder)
        var out = ""
        try write(encoder.result ?? .object(ObjectBox()), indent: 0, into: &out)
        return out
    }

    // MARK: The tree

    final class ObjectBox {
        var entries: [String: Node] = [:]
    }

    final class ArrayBox {
        var items: [Node] = []
    }

    enum Node {
        case object(ObjectBox)
        case array(ArrayBox)
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    // MARK: Writing

    static func write(_ node: Node, indent: Int, into out: inout String) throws {
        switch node {
        case .object(let box):
            out += "{\n"
            if box.entries.isEmpty {
                out += "\n"
            } else {
                let keys = box.entries.keys.sorted()
                for (index, key) in keys.enumerated() {
                    spaces(indent + 2, into: &out)
                    try string(key, into: &out)
                    out += " : "
                    try write(box.entries[key]!, indent: indent + 2, into: &out)
                    out += index == keys.count - 1 ? "\n" : ",\n"
                }
            }
            spaces(indent, into: &out)
            out += "}"
        case .array(let box):
            out += "[\n"
            if box.items.isEmpty {
                out += "\n"
            } else {
                for (index, item) in box.items.enumerated() {
                    spaces(indent + 2, into: &out)
                    try write(item, indent: indent + 2, into: &out)
                    out += index == box.items.count - 1 ? "\n" : ",\n"
                }
            }
            spaces(indent, into: &out)
            out += "]"
        case .string(let text): try string(text, into: &out)
        case .number(let text): out += text
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        }
    }

    static let indents = (0..<64).map { String(repeating: " ", count: $0) }

    static func spaces(_ count: Int, into out: inout String) {
        out += count < indents.count ? indents[count] : String(repeating: " ", count: count)
    }

    static func string(_ text: String, into out: inout String) throws {
        out += "\""
        // Most strings need no escape: append them whole (appending scalar by scalar was most of the cost).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                guard scalar.value >= 0x20 else { throw Unsupported() }
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    // MARK: The Encoder

    final class TreeEncoder: Encoder {
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        var result: Node?

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let box: ObjectBox
            if case .object(let existing)? = result {
                box = existing
            } else {
                box = ObjectBox()
                result = .object(box)
            }
            return KeyedEncodingContainer(Keyed<Key>(box: box))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            let box: ArrayBox
            if case .array(let existing)? = result {
                box = existing
            } else {
                box = ArrayBox()
                result = .array(box)
            }
            return Unkeyed(box: box)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }
    }

    static func node<T: Encodable>(_ value: T) throws -> Node {
        let encoder = TreeEncoder()
        try value.encode(to: encoder)
        return encoder.result ?? .object(ObjectBox())
    }

    static func number<T: FixedWidthInteger>(_ value: T) -> Node { .number(String(value)) }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: ObjectBox
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { box.entries[key.stringValue] = .null }
        mutating func encode(_ value: Bool, forKey key: Key) throws { box.entries[key.stringValue] = .bool(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { box.entries[key.stringValue] = .string(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { throw Unsupported() }
        mutating func encode(_ value: Float, forKey key: Key) throws { throw Unsupported() }
        mutating func encode(_ value: Int, forKey key: Key) throws { box.entries[key.stringValue] = number(value) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { box.entries[key.stringValue] = number(value) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { box.entries[key.stringValue] = number(value) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { box.entries[key.stringValue] = number(value) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { box.entries[key.stringValue] = number(value) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { box.entries[key.stringValue] = number(value) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { box.entries[key.stringValue] = number(value) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { box.entries[key.stringValue] = number(value) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { box.entries[key.stringValue] = number(value) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { box.entries[key.stringValue] = number(value) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            box.entries[key.stringValue] = try node(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            let nested = ObjectBox()
            box.entries[key.stringValue] = .object(nested)
            return KeyedEncodingContainer(Keyed<NestedKey>(box: nested))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = ArrayBox()
            box.entries[key.stringValue] = .array(nested)
            return Unkeyed(box: nested)
        }

        // The lab model is value types: nothing encodes a superclass.
        mutating func superEncoder() -> any Encoder { preconditionFailure("SortedJSON: superclass encoding") }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            preconditionFailure("SortedJSON: superclass encoding")
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: ArrayBox
        var codingPath: [any CodingKey] { [] }
        var count: Int { box.items.count }

        mutating func encodeNil() throws { box.items.append(.null) }
        mutating func encode(_ value: Bool) throws { box.items.append(.bool(value)) }
        mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
        mutating func encode(_ value: Double) throws { throw Unsupported() }
        mutating func encode(_ value: Float) throws { throw Unsupported() }
        mutating func encode(_ value: Int) throws { box.items.append(number(value)) }
        mutating func encode(_ value: Int8) throws { box.items.append(number(value)) }
        mutating func encode(_ value: Int16) throws { box.items.append(number(value)) }
        mutating func encode(_ value: Int32) throws { box.items.append(number(value)) }
        mutating func encode(_ value: Int64) throws { box.items.append(number(value)) }
        mutating func encode(_ value: UInt) throws { box.items.append(number(value)) }
        mutating func encode(_ value: UInt8) throws { box.items.append(number(value)) }
        mutating func encode(_ value: UInt16) throws { box.items.append(number(value)) }
        mutating func encode(_ value: UInt32) throws { box.items.append(number(value)) }
        mutating func encode(_ value: UInt64) throws { box.items.append(number(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { box.items.append(try node(value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            let nested = ObjectBox()
            box.items.append(.object(nested))
            return KeyedEncodingContainer(Keyed<NestedKey>(box: nested))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = ArrayBox()
            box.items.append(.array(nested))
            return Unkeyed(box: nested)
        }

        mutating func superEncoder() -> any Encoder { preconditionFailure("SortedJSON: superclass encoding") }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: TreeEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { encoder.result = .null }
        mutating func encode(_ value: Bool) throws { encoder.result = .bool(value) }
        mutating func encode(_ value: String) throws { encoder.result = .string(value) }
        mutating func encode(_ value: Double) throws { throw Unsupported() }
        mutating func encode(_ value: Float) throws { throw Unsupported() }
        mutating func encode(_ value: Int) throws { encoder.result = number(value) }
        mutating func encode(_ value: Int8) throws { encoder.result = number(value) }
        mutating func encode(_ value: Int16) throws { encoder.result = number(value) }
        mutating func encode(_ value: Int32) throws { encoder.result = number(value) }
        mutating func encode(_ value: Int64) throws { encoder.result = number(value) }
        mutating func encode(_ value: UInt) throws { encoder.result = number(value) }
        mutating func encode(_ value: UInt8) throws { encoder.result = number(value) }
        mutating func encode(_ value: UInt16) throws { encoder.result = number(value) }
        mutating func encode(_ value: UInt32) throws { encoder.result = number(value) }
        mutating func encode(_ value: UInt64) throws { encoder.result = number(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { encoder.result = try node(value) }
    }
}
