/// A compact binary form of `Codable` values, without Foundation: how a lab program hands its labs
/// to labgen (`LABGEN_MODEL_OUTPUT`). A lab program that imports only LabKit then loads no
/// Foundation, and labgen decodes the model without `JSONDecoder` (for a 1,000-node lab, the JSON
/// round trip cost more instructions than resolving the lab).
///
/// The form: one value is a tag byte and its payload. 0 null, 1 false, 2 true, 3 an integer (zigzag
/// LEB128), 4 a string (LEB128 byte count, UTF-8), 5 an array (LEB128 count, values), 6 an object
/// (LEB128 count, then key string and value for each, in encoding order). The first bytes are
/// `magic`, so that a model from another labgen is refused rather than misread.
public enum ModelCoding {
    /// "LGM" and a format version.
    public static let magic: [UInt8] = [0x4C, 0x47, 0x4D, 0x01]

    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let stream = ModelStream.State(prefix: magic)
        do {
            try stream.value(value)
            stream.close(above: 0)
            if !stream.failed { return stream.out }
        } catch is ModelStream.Interleaved {
            // Encoded again below, with the tree.
        }
        return try encodeWithTree(value)
    }

    /// The same bytes through a tree of the whole value: any `encode(to:)`, in any order.
    static func encodeWithTree<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = EncodingNode()
        try value.encode(to: ModelEncoder(node: root, codingPath: []))
        var out = magic
        root.write(into: &out)
        return out
    }

    /// An unsigned LEB128 number (counts, string lengths, zigzag integers), as both encoders write it.
    static func appendUnsigned(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    public static func decode<T: Decodable>(
        _ type: T.Type, from bytes: [UInt8], userInfo: [CodingUserInfoKey: any Sendable] = [:]
    ) throws -> T {
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not a labgen model"))
        }
        var reader = ModelReader(bytes: bytes, index: magic.count)
        let value = try reader.value()
        guard reader.index == bytes.count else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "bytes after the model"))
        }
        return try T(from: ModelDecoder(value: value, codingPath: [], userInfo: userInfo))
    }
}

// MARK: - The decoded tree

indirect enum ModelValue {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([ModelValue])
    case object(keys: [String], values: [ModelValue])
}

private func corrupted(_ path: [any CodingKey], _ message: String) -> DecodingError {
    .dataCorrupted(.init(codingPath: path, debugDescription: message))
}

struct ModelReader {
    let bytes: [UInt8]
    var index: Int

    mutating func byte() throws -> UInt8 {
        guard index < bytes.count else { throw corrupted([], "the model ends early") }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func unsigned() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw corrupted([], "an integer is too long") }
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func count() throws -> Int {
        let n = try unsigned()
        // Every element and every string byte takes at least one byte.
        guard n <= UInt64(bytes.count - index) else { throw corrupted([], "a count is larger than the model") }
        return Int(n)
    }

    mutating func string() throws -> String {
        let n = try count()
        guard n <= bytes.count - index else { throw corrupted([], "a string runs past the end of the model") }
        defer { index += n }
        return String(decoding: bytes[index..<(index + n)], as: UTF8.self)
    }

    mutating func value() throws -> ModelValue {
        switch try byte() {
        case 0: return .null
        case 1: return .bool(false)
        case 2: return .bool(true)
        case 3:
            let z = try unsigned()
            return .int(Int(truncatingIfNeeded: (z >> 1) ^ (0 &- (z & 1))))
        case 4: return .string(try string())
        case 5:
            let n = try count()
            var items: [ModelValue] = []
            items.reserveCapacity(n)
            for _ in 0..<n { items.append(try value()) }
            return .array(items)
        case 6:
            let n = try count()
            var keys: [String] = []
            var values: [ModelValue] = []
            keys.reserveCapacity(n)
            values.reserveCapacity(n)
            for _ in 0..<n {
                keys.append(try string())
                values.append(try value())
            }
            return .object(keys: keys, values: values)
        default: throw corrupted([], "unknown tag")
        }
    }
}

// MARK: - Encoding

final class EncodingNode {
    enum Content {
        case unset
        case null
        case bool(Bool)
        case int(Int)
        case string(String)
        case array([EncodingNode])
        case object(keys: [String], values: [EncodingNode])
    }
    var content: Content = .unset

    func write(into out: inout [UInt8]) {
        func unsigned(_ value: UInt64) { ModelCoding.appendUnsigned(value, to: &out) }
        func string(_ text: String) {
            unsigned(UInt64(text.utf8.count))
            out.append(contentsOf: text.utf8)
        }
        switch content {
        case .unset, .null: out.append(0)
        case .bool(let b): out.append(b ? 2 : 1)
        case .int(let i):
            out.append(3)
            unsigned(UInt64(bitPattern: Int64((i << 1) ^ (i >> (Int.bitWidth - 1)))))
        case .string(let s):
            out.append(4)
            string(s)
        case .array(let items):
            out.append(5)
            unsigned(UInt64(items.count))
            for item in items { item.write(into: &out) }
        case .object(let keys, let values):
            out.append(6)
            unsigned(UInt64(keys.count))
            for (key, value) in zip(keys, values) {
                string(key)
                value.write(into: &out)
            }
        }
    }

    /// A new child under `key` (this node becomes an object; `Codable` never encodes a key twice).
    func child(_ key: String) -> EncodingNode {
        let node = EncodingNode()
        if case .object(var keys, var values) = content {
            content = .unset  // keeps the arrays uniquely referenced: appended in place
            keys.append(key)
            values.append(node)
            content = .object(keys: keys, values: values)
        } else {
            content = .object(keys: [key], values: [node])
        }
        return node
    }

    func makeObject() { if case .object = content {} else { content = .object(keys: [], values: []) } }
    func makeArray() { if case .array = content {} else { content = .array([]) } }

    /// A new element at the end (this node becomes an array).
    func append() -> EncodingNode {
        let node = EncodingNode()
        if case .array(var items) = content {
            content = .unset
            items.append(node)
            content = .array(items)
        } else {
            content = .array([node])
        }
        return node
    }

    var arrayCount: Int {
        if case .array(let items) = content { return items.count }
        return 0
    }
}

// The errors of the encoding containers: labgen models hold integers that fit an Int, no floating point.
func unsupported(_ value: Any, _ path: [any CodingKey]) -> EncodingError {
    .invalidValue(value, .init(codingPath: path, debugDescription: "labgen models hold no floating point"))
}

func exact<I: BinaryInteger>(_ value: I, _ path: [any CodingKey]) throws -> Int {
    guard let result = Int(exactly: value) else {
        throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "too large"))
    }
    return result
}

/// The containers of both model encoders (the tree's and the stream's) take every integer width as
/// an `Int` and refuse floating point: labgen models hold integers that fit an Int.
protocol ModelKeyedContainer: KeyedEncodingContainerProtocol {}

extension ModelKeyedContainer {
    mutating func encode(_ value: Double, forKey key: Key) throws { throw unsupported(value, codingPath + [key]) }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw unsupported(value, codingPath + [key]) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        try encode(try exact(value, codingPath + [key]), forKey: key)
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        try encode(try exact(value, codingPath + [key]), forKey: key)
    }
}

/// The same for the unkeyed and the single-value containers, which share the unkeyed form of
/// `encode` (each refines this protocol, so that both get these methods from one place).
protocol ModelValueWidths {
    var codingPath: [any CodingKey] { get }
    mutating func encode(_ value: Int) throws
}

extension ModelValueWidths {
    mutating func encode(_ value: Double) throws { throw unsupported(value, codingPath) }
    mutating func encode(_ value: Float) throws { throw unsupported(value, codingPath) }
    mutating func encode(_ value: Int8) throws { try encode(Int(value)) }
    mutating func encode(_ value: Int16) throws { try encode(Int(value)) }
    mutating func encode(_ value: Int32) throws { try encode(Int(value)) }
    mutating func encode(_ value: Int64) throws { try encode(Int(value)) }
    mutating func encode(_ value: UInt) throws { try encode(try exact(value, codingPath)) }
    mutating func encode(_ value: UInt8) throws { try encode(Int(value)) }
    mutating func encode(_ value: UInt16) throws { try encode(Int(value)) }
    mutating func encode(_ value: UInt32) throws { try encode(Int(value)) }
    mutating func encode(_ value: UInt64) throws { try encode(try exact(value, codingPath)) }
}

protocol ModelUnkeyedContainer: UnkeyedEncodingContainer, ModelValueWidths {}
protocol ModelSingleValueContainer: SingleValueEncodingContainer, ModelValueWidths {}

struct ModelEncoder: Encoder {
    let node: EncodingNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedModelEncoder<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedModelEncoder(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleModelEncoder(node: node, codingPath: codingPath)
    }

    static func encode<T: Encodable>(_ value: T, into node: EncodingNode, path: [any CodingKey]) throws {
        switch value {
        case let text as String: node.content = .string(text)
        case let number as Int: node.content = .int(number)
        case let flag as Bool: node.content = .bool(flag)
        default: try value.encode(to: ModelEncoder(node: node, codingPath: path))
        }
    }
}

private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

struct KeyedModelEncoder<Key: CodingKey>: ModelKeyedContainer {
    let node: EncodingNode
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).content = .null }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.child(key.stringValue).content = .bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws {
        node.child(key.stringValue).content = .string(value)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.child(key.stringValue).content = .int(value) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try ModelEncoder.encode(value, into: node.child(key.stringValue), path: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(key.stringValue)
        child.makeObject()
        return KeyedEncodingContainer(KeyedModelEncoder<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(key.stringValue)
        child.makeArray()
        return UnkeyedModelEncoder(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        ModelEncoder(node: node.child("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ModelEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key])
    }
}

struct UnkeyedModelEncoder: ModelUnkeyedContainer {
    let node: EncodingNode
    var codingPath: [any CodingKey]
    var count: Int { node.arrayCount }

    private var nextPath: [any CodingKey] { codingPath + [IndexKey(count)] }

    mutating func encodeNil() throws { node.append().content = .null }
    mutating func encode(_ value: Bool) throws { node.append().content = .bool(value) }
    mutating func encode(_ value: String) throws { node.append().content = .string(value) }
    mutating func encode(_ value: Int) throws { node.append().content = .int(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = nextPath
        try ModelEncoder.encode(value, into: node.append(), path: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let path = nextPath
        let child = node.append()
        child.makeObject()
        return KeyedEncodingContainer(KeyedModelEncoder<NestedKey>(node: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath
        let child = node.append()
        child.makeArray()
        return UnkeyedModelEncoder(node: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let path = nextPath
        return ModelEncoder(node: node.append(), codingPath: path)
    }
}

struct SingleModelEncoder: ModelSingleValueContainer {
    let node: EncodingNode
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .null }
    mutating func encode(_ value: Bool) throws { node.content = .bool(value) }
    mutating func encode(_ value: String) throws { node.content = .string(value) }
    mutating func encode(_ value: Int) throws { node.content = .int(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try ModelEncoder.encode(value, into: node, path: codingPath)
    }
}

// MARK: - Decoding

struct ModelDecoder: Decoder {
    let value: ModelValue
    var codingPath: [any CodingKey]
    let storedUserInfo: [CodingUserInfoKey: any Sendable]
    var userInfo: [CodingUserInfoKey: Any] { storedUserInfo }

    init(value: ModelValue, codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) {
        self.value = value
        self.codingPath = codingPath
        self.storedUserInfo = userInfo
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let keys, let values) = value else {
            throw DecodingError.typeMismatch(
                [String: Any].self, .init(codingPath: codingPath, debugDescription: "expected an object"))
        }
        return KeyedDecodingContainer(
            KeyedModelDecoder<Key>(keys: keys, values: values, codingPath: codingPath, userInfo: storedUserInfo))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else {
            throw DecodingError.typeMismatch(
                [Any].self, .init(codingPath: codingPath, debugDescription: "expected an array"))
        }
        return UnkeyedModelDecoder(items: items, codingPath: codingPath, userInfo: storedUserInfo)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleModelDecoder(value: value, codingPath: codingPath, userInfo: storedUserInfo)
    }

    static func decode<T: Decodable>(
        _ type: T.Type, from value: ModelValue, path: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]
    ) throws -> T {
        if T.self == String.self { return try string(value, path) as! T }
        if T.self == Int.self { return try int(value, path) as! T }
        if T.self == Bool.self { return try bool(value, path) as! T }
        return try T(from: ModelDecoder(value: value, codingPath: path, userInfo: userInfo))
    }

    static func string(_ value: ModelValue, _ path: [any CodingKey]) throws -> String {
        guard case .string(let text) = value else { throw mismatch(String.self, path) }
        return text
    }

    static func int(_ value: ModelValue, _ path: [any CodingKey]) throws -> Int {
        guard case .int(let number) = value else { throw mismatch(Int.self, path) }
        return number
    }

    static func bool(_ value: ModelValue, _ path: [any CodingKey]) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(Bool.self, path) }
        return flag
    }

    static func integer<I: FixedWidthInteger>(_ type: I.Type, _ value: ModelValue, _ path: [any CodingKey]) throws -> I
    {
        guard let result = I(exactly: try int(value, path)) else { throw mismatch(I.self, path) }
        return result
    }

    static func mismatch(_ type: Any.Type, _ path: [any CodingKey]) -> DecodingError {
        .typeMismatch(type, .init(codingPath: path, debugDescription: "expected \(type)"))
    }

    static func isNull(_ value: ModelValue) -> Bool {
        if case .null = value { return true }
        return false
    }
}

struct KeyedModelDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let keys: [String]
    let values: [ModelValue]
    var codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: any Sendable]

    var allKeys: [Key] { keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { keys.contains(key.stringValue) }

    private func value(_ key: Key) throws -> ModelValue {
        let name = key.stringValue
        guard let index = keys.firstIndex(of: name) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "no value for '\(name)'"))
        }
        return values[index]
    }

    func decodeNil(forKey key: Key) throws -> Bool { ModelDecoder.isNull(try value(key)) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try ModelDecoder.bool(value(key), codingPath + [key])
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try ModelDecoder.string(value(key), codingPath + [key])
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try ModelDecoder.int(value(key), codingPath + [key])
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        throw ModelDecoder.mismatch(type, codingPath + [key])
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        throw ModelDecoder.mismatch(type, codingPath + [key])
    }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }

    private func integer<I: FixedWidthInteger>(_ type: I.Type, _ key: Key) throws -> I {
        try ModelDecoder.integer(type, value(key), codingPath + [key])
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try ModelDecoder.decode(type, from: value(key), path: codingPath + [key], userInfo: userInfo)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try ModelDecoder(value: value(key), codingPath: codingPath + [key], userInfo: userInfo).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ModelDecoder(value: value(key), codingPath: codingPath + [key], userInfo: userInfo).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        let index = keys.firstIndex(of: "super")
        return ModelDecoder(value: index.map { values[$0] } ?? .null, codingPath: codingPath, userInfo: userInfo)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        let index = keys.firstIndex(of: key.stringValue)
        return ModelDecoder(
            value: index.map { values[$0] } ?? .null, codingPath: codingPath + [key], userInfo: userInfo)
    }
}

struct UnkeyedModelDecoder: UnkeyedDecodingContainer {
    let items: [ModelValue]
    var codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: any Sendable]
    var currentIndex = 0

    init(items: [ModelValue], codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: any Sendable]) {
        self.items = items
        self.codingPath = codingPath
        self.userInfo = userInfo
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private var path: [any CodingKey] { codingPath + [IndexKey(currentIndex)] }

    private mutating func next() throws -> ModelValue {
        guard currentIndex < items.count else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: path, debugDescription: "the array ends"))
        }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < items.count, ModelDecoder.isNull(items[currentIndex]) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let p = path
        return try ModelDecoder.bool(next(), p)
    }
    mutating func decode(_ type: String.Type) throws -> String {
        let p = path
        return try ModelDecoder.string(next(), p)
    }
    mutating func decode(_ type: Int.Type) throws -> Int {
        let p = path
        return try ModelDecoder.int(next(), p)
    }
    mutating func decode(_ type: Double.Type) throws -> Double { throw ModelDecoder.mismatch(type, path) }
    mutating func decode(_ type: Float.Type) throws -> Float { throw ModelDecoder.mismatch(type, path) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    private mutating func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let p = path
        return try ModelDecoder.integer(type, next(), p)
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let p = path
        return try ModelDecoder.decode(type, from: next(), path: p, userInfo: userInfo)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<
        NestedKey
    > {
        let p = path
        return try ModelDecoder(value: next(), codingPath: p, userInfo: userInfo).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let p = path
        return try ModelDecoder(value: next(), codingPath: p, userInfo: userInfo).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let p = path
        return ModelDecoder(value: try next(), codingPath: p, userInfo: userInfo)
    }
}

struct SingleModelDecoder: SingleValueDecodingContainer {
    let value: ModelValue
    var codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: any Sendable]

    func decodeNil() -> Bool { ModelDecoder.isNull(value) }
    func decode(_ type: Bool.Type) throws -> Bool { try ModelDecoder.bool(value, codingPath) }
    func decode(_ type: String.Type) throws -> String { try ModelDecoder.string(value, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try ModelDecoder.int(value, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { throw ModelDecoder.mismatch(type, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { throw ModelDecoder.mismatch(type, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try ModelDecoder.integer(type, value, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try ModelDecoder.integer(type, value, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try ModelDecoder.integer(type, value, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try ModelDecoder.integer(type, value, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try ModelDecoder.integer(type, value, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try ModelDecoder.integer(type, value, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try ModelDecoder.integer(type, value, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try ModelDecoder.integer(type, value, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try ModelDecoder.integer(type, value, codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try ModelDecoder.decode(type, from: value, path: codingPath, userInfo: userInfo)
    }
}
