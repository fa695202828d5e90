/// `ModelCoding.encode` without a tree: values are written straight into one byte array, in the
/// order `Codable` hands them over, which is the order of the form (`ModelCoding`). It writes the
/// same bytes as the tree encoder (`EncodingNode`), at a fraction of its allocations (the tree
/// costs a class instance per value and a coding path array per key; at 10,000 nodes lab.json's
/// encoding was a fifth of a build's rendering).
///
/// The form puts a count before an array's or object's elements, and `Codable` tells the count only
/// at the end; so a container writes a one-byte count and, when it closes, widens it in place when
/// its LEB128 form needs more bytes (only containers of 128 or more elements; the bytes moved are
/// that container's own).
///
/// Streaming needs each container to be finished before its parent writes again: true of every
/// synthesized `encode(to:)` and of labgen's models. An `encode(to:)` that writes to a container
/// after a later sibling (or asks for a super encoder) makes the stream throw `Interleaved`, and
/// `ModelCoding.encode` encodes that value again with the tree encoder.
struct ModelStream {
    /// A value's `encode(to:)` wrote in an order the stream cannot follow.
    struct Interleaved: Error {}

    final class State {
        var out: [UInt8]
        /// The open containers, innermost last.
        var open: [Container] = []
        /// The keys from the root to the value being written (for `codingPath`).
        var path: [any CodingKey] = []
        var nextID = 0
        /// Set when a value asked for something the stream cannot do; the encoding is then redone
        /// with the tree encoder (even if the value caught the error).
        var failed = false

        struct Container {
            var id: Int
            /// The encoder that opened it (a second `container(keyedBy:)` call of the same value).
            var owner: Int
            var isObject: Bool
            /// Where its one-byte count is.
            var countOffset: Int
            var count: Int
            /// `path.count` when it was opened.
            var depth: Int
        }

        init(prefix: [UInt8]) { out = prefix }

        func newID() -> Int {
            nextID += 1
            return nextID
        }

        func unsigned(_ value: UInt64) { ModelCoding.appendUnsigned(value, to: &out) }

        func string(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                unsigned(UInt64(bytes.count))
                out.append(contentsOf: bytes)
            }
        }

        func int(_ i: Int) {
            out.append(3)
            unsigned(UInt64(bitPattern: Int64((i << 1) ^ (i >> (Int.bitWidth - 1)))))
        }

        /// Closes the containers above index `keep` (they are complete), writing their counts.
        func close(above keep: Int) {
            while open.count > keep {
                let container = open.removeLast()
                path.removeSubrange(container.depth...)
                if container.count < 0x80 {
                    out[container.countOffset] = UInt8(container.count)
                    continue
                }
                var bytes: [UInt8] = []
                ModelCoding.appendUnsigned(UInt64(container.count), to: &bytes)
                out.replaceSubrange(container.countOffset...container.countOffset, with: bytes)
            }
        }

        /// Index of the open container `id`, after closing everything opened inside it; throws when
        /// it is closed already (its parent wrote after it).
        func top(_ id: Int) throws(Interleaved) -> Int {
            guard let index = open.lastIndex(where: { $0.id == id }) else { throw fail() }
            close(above: index + 1)
            return index
        }

        func fail() -> Interleaved {
            failed = true
            return Interleaved()
        }

        func open(isObject: Bool, owner: Int) -> Int {
            out.append(isObject ? 6 : 5)
            let id = newID()
            open.append(
                Container(
                    id: id, owner: owner, isObject: isObject, countOffset: out.count, count: 0, depth: path.count))
            out.append(0)
            return id
        }

        /// Writes one value: primitives directly, anything else through its `encode(to:)`; a value
        /// that writes nothing is null (as in the tree, where its node stays unset).
        func value<T: Encodable>(_ value: T) throws {
            switch value {
            case let text as String:
                out.append(4)
                string(text)
            case let number as Int: int(number)
            case let flag as Bool: out.append(flag ? 2 : 1)
            default:
                let start = out.count
                let keep = open.count
                try value.encode(to: ModelStreamEncoder(state: self, id: newID(), start: start, keep: keep))
                close(above: keep)
                if out.count == start { out.append(0) }
            }
        }
    }
}

struct ModelStreamEncoder: Encoder {
    let state: ModelStream.State
    let id: Int
    /// Where this value's bytes start, and how many containers were open before it.
    let start: Int
    let keep: Int
    var codingPath: [any CodingKey] { state.path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The container this value opened before, if nothing was written after it; else a new one
    /// when the value has written nothing yet.
    /// -1 (and the stream fails) when neither is possible, or for a super encoder (`id` -1).
    private func container(isObject: Bool) -> Int {
        guard id >= 0 else {
            _ = state.fail()
            return -1
        }
        if state.open.count > keep, state.open[keep].owner == id, state.open[keep].isObject == isObject {
            let reopened = state.open[keep].id
            return (try? state.top(reopened)) == keep ? reopened : -1
        }
        guard state.open.count == keep, state.out.count == start else {
            _ = state.fail()
            return -1
        }
        return state.open(isObject: isObject, owner: id)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedModelStreamEncoder<Key>(state: state, container: container(isObject: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedModelStreamEncoder(state: state, container: container(isObject: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleModelStreamEncoder(state: state, start: start, keep: keep)
    }
}

/// An element of an open container: closes what was opened inside the container since, counts the
/// element and writes the key (objects) before the value.
private func element(_ state: ModelStream.State, _ container: Int, key: (any CodingKey)?) throws -> Int {
    guard container >= 0 else { throw state.fail() }
    let index = try state.top(container)
    state.open[index].count += 1
    if let key {
        state.string(key.stringValue)
        state.path.append(key)
    } else {
        state.path.append(StreamIndexKey(state.open[index].count - 1))
    }
    return index
}

private struct StreamIndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

struct KeyedModelStreamEncoder<Key: CodingKey>: ModelKeyedContainer {
    let state: ModelStream.State
    let container: Int
    var codingPath: [any CodingKey] { state.path }

    /// Writes one element: `body` writes its value; the key is on the path meanwhile.
    private func write(_ key: Key, _ body: () throws -> Void) throws {
        _ = try element(state, container, key: key)
        try body()
        state.path.removeLast()
    }

    mutating func encodeNil(forKey key: Key) throws { try write(key) { state.out.append(0) } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try write(key) { state.out.append(value ? 2 : 1) } }
    mutating func encode(_ value: String, forKey key: Key) throws {
        try write(key) {
            state.out.append(4)
            state.string(value)
        }
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { try write(key) { state.int(value) } }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try write(key) { try state.value(value) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = (try? nestedOpen(key, isObject: true)) ?? -1
        return KeyedEncodingContainer(KeyedModelStreamEncoder<NestedKey>(state: state, container: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedModelStreamEncoder(state: state, container: (try? nestedOpen(key, isObject: false)) ?? -1)
    }

    /// A nested container is an element whose value stays open; the key stays on the path until
    /// it closes.
    private func nestedOpen(_ key: Key, isObject: Bool) throws -> Int {
        _ = try element(state, container, key: key)
        let depth = state.path.count - 1
        let id = state.open(isObject: isObject, owner: -1)
        state.open[state.open.count - 1].depth = depth
        return id
    }

    // A super encoder writes its value later, when the stream has moved on: the tree encoder does it.
    mutating func superEncoder() -> any Encoder { ModelStreamEncoder(state: state, id: -1, start: -1, keep: -1) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ModelStreamEncoder(state: state, id: -1, start: -1, keep: -1)
    }
}

struct UnkeyedModelStreamEncoder: ModelUnkeyedContainer {
    let state: ModelStream.State
    let container: Int
    var codingPath: [any CodingKey] { state.path }
    var count: Int {
        state.open.last(where: { $0.id == container })?.count ?? 0
    }

    private func write(_ body: () throws -> Void) throws {
        _ = try element(state, container, key: nil)
        try body()
        state.path.removeLast()
    }

    mutating func encodeNil() throws { try write { state.out.append(0) } }
    mutating func encode(_ value: Bool) throws { try write { state.out.append(value ? 2 : 1) } }
    mutating func encode(_ value: String) throws {
        try write {
            state.out.append(4)
            state.string(value)
        }
    }
    mutating func encode(_ value: Int) throws { try write { state.int(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws { try write { try state.value(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        KeyedEncodingContainer(
            KeyedModelStreamEncoder<NestedKey>(state: state, container: (try? nestedOpen(isObject: true)) ?? -1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedModelStreamEncoder(state: state, container: (try? nestedOpen(isObject: false)) ?? -1)
    }

    private func nestedOpen(isObject: Bool) throws -> Int {
        _ = try element(state, container, key: nil)
        let depth = state.path.count - 1
        let id = state.open(isObject: isObject, owner: -1)
        state.open[state.open.count - 1].depth = depth
        return id
    }

    mutating func superEncoder() -> any Encoder { ModelStreamEncoder(state: state, id: -1, start: -1, keep: -1) }
}

struct SingleModelStreamEncoder: ModelSingleValueContainer {
    let state: ModelStream.State
    let start: Int
    let keep: Int
    var codingPath: [any CodingKey] { state.path }

    /// A single value is written once, where the value's bytes start, with nothing open inside it.
    private func write(_ body: () throws -> Void) throws {
        guard start >= 0, state.open.count == keep, state.out.count == start else { throw state.fail() }
        try body()
    }

    mutating func encodeNil() throws { try write { state.out.append(0) } }
    mutating func encode(_ value: Bool) throws { try write { state.out.append(value ? 2 : 1) } }
    mutating func encode(_ value: String) throws {
        try write {
            state.out.append(4)
            state.string(value)
        }
    }
    mutating func encode(_ value: Int) throws { try write { state.int(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws { try write { try state.value(value) } }
}
