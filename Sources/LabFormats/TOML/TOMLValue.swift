/// A value of the TOML subset labgen reads and writes (enough for kind's `containerdConfigPatches`).
public indirect enum TOMLValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([TOMLValue])
    case table(TOMLTable)
}

/// One `key = value` of a table, in order.
public struct TOMLEntry: Hashable, Sendable {
    public var key: String
    public var value: TOMLValue

    public init(key: String, value: TOMLValue) {
        self.key = key
        self.value = value
    }
}

/// An ordered TOML table. Keys are unique; the order is the order of definition.
public struct TOMLTable: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    public var entries: [TOMLEntry]

    public init(_ entries: [TOMLEntry] = []) {
        self.entries = entries
    }

    /// A table from `(key, value)` pairs in order (later duplicates replace earlier values).
    public init(_ pairs: [(key: String, value: TOMLValue)]) {
        self.entries = []
        for pair in pairs { self[pair.key] = pair.value }
    }

    public init(dictionaryLiteral elements: (String, TOMLValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }

    /// The value of a key; setting nil removes the key, setting a new key appends it.
    public subscript(key: String) -> TOMLValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append(TOMLEntry(key: key, value: newValue))
            }
        }
    }

    /// The value at a key path (`["plugins", "io.containerd.grpc.v1.cri", "registry"]`).
    public func value(at path: [String]) -> TOMLValue? {
        guard let first = path.first else { return .table(self) }
        guard let v = self[first] else { return nil }
        if path.count == 1 { return v }
        guard case .table(let t) = v else { return nil }
        return t.value(at: Array(path.dropFirst()))
    }

    public var isEmpty: Bool { entries.isEmpty }
}

/// A TOML document as read: the root table and where every key was defined.
public struct TOMLDocument: Hashable, Sendable {
    /// The root table.
    public var root: TOMLTable
    /// Key path -> position of its definition (table header, or key; implicit tables get the position
    /// of the header or dotted key that created them).
    public var positions: [[String]: TextPosition]

    public init(root: TOMLTable, positions: [[String]: TextPosition] = [:]) {
        self.root = root
        self.positions = positions
    }

    /// Where the key at that path was defined (table header or key); nil if unknown.
    public func position(of path: [String]) -> TextPosition? {
        positions[path]
    }
}
