/// How a sequence is laid out by ``YAMLWriter``.
public enum YAMLCollectionStyle: Hashable, Sendable {
    /// One `- item` per line.
    case block
    /// `[a, b]` on one line.
    case flow
}

/// A YAML value in the subset labgen reads and writes (YAML 1.2 core schema).
///
/// This is what ``YAMLWriter`` writes and what ``YAMLNode/value`` resolves to.
///
/// Equality and hashing ignore the ``YAMLCollectionStyle`` of sequences: the
/// style is a presentation hint for the writer, not data. (An empty sequence is
/// always written `[]`, and everything nested in a flow sequence is written in
/// flow style, so the style cannot always survive a round trip; the data does.)
public indirect enum YAMLValue: Hashable, Sendable {
    /// `null` (also read from `~`, `Null`, `NULL` and empty plain scalars).
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A decimal integer (also read from `0x…` and `0o…`).
    case int(Int)
    /// Any other scalar, floats included.
    case string(String)
    /// A sequence; `style` only tells the writer how to lay it out.
    case sequence([YAMLValue], style: YAMLCollectionStyle = .block)
    /// A mapping; keys are strings and the order of the pairs is kept.
    case mapping([YAMLPair])

    /// Structural equality; sequence styles are ignored.
    public static func == (lhs: YAMLValue, rhs: YAMLValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.sequence(let a, _), .sequence(let b, _)): return a == b
        case (.mapping(let a), .mapping(let b)): return a == b
        default: return false
        }
    }

    /// Hashes the structure; sequence styles are ignored.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0)
        case .bool(let b):
            hasher.combine(1)
            hasher.combine(b)
        case .int(let i):
            hasher.combine(2)
            hasher.combine(i)
        case .string(let s):
            hasher.combine(3)
            hasher.combine(s)
        case .sequence(let items, _):
            hasher.combine(4)
            hasher.combine(items)
        case .mapping(let pairs):
            hasher.combine(5)
            hasher.combine(pairs)
        }
    }

    /// The value for `key` when this is a mapping (the first pair with that key).
    public subscript(key: String) -> YAMLValue? {
        guard case .mapping(let pairs) = self else { return nil }
        return pairs.first(where: { $0.key == key })?.value
    }

    /// The string when this is a `.string`.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

/// One `key: value` pair of a ``YAMLValue/mapping(_:)``.
public struct YAMLPair: Hashable, Sendable {
    /// The key.
    public var key: String
    /// The value.
    public var value: YAMLValue

    /// `YAMLPair("role", .string("worker"))`.
    public init(_ key: String, _ value: YAMLValue) {
        self.key = key
        self.value = value
    }

    /// `YAMLPair(key: "role", value: .string("worker"))`.
    public init(key: String, value: YAMLValue) {
        self.key = key
        self.value = value
    }
}

/// How a scalar was written in the source text.
public enum YAMLScalarStyle: Hashable, Sendable {
    /// Unquoted text.
    case plain
    /// `'text'`.
    case singleQuoted
    /// `"text"` with escapes.
    case doubleQuoted
    /// A `|` block scalar.
    case literal
    /// A `>` block scalar.
    case folded
}

/// A node of the syntax tree returned by ``YAMLReader``: content, style and position.
public struct YAMLNode: Hashable, Sendable {
    /// What the node holds.
    public enum Content: Hashable, Sendable {
        /// The scalar's text (after unescaping and folding) and how it was written.
        case scalar(String, YAMLScalarStyle)
        /// A block or flow sequence.
        case sequence([YAMLNode])
        /// A block or flow mapping; every key node is a scalar node.
        case mapping([YAMLNodePair])
    }

    /// The scalar text, or the child nodes.
    public var content: Content
    /// Where the node starts (for a block scalar: the `|` or `>` indicator;
    /// for an empty node: the place right after the `:`, `-` or `---` that introduced it).
    public var position: TextPosition
    /// For block scalars: where the content starts, that is the line after the `|`/`>` header
    /// and the column after the content indentation. For a literal (`|`) scalar, line `N`,
    /// column `C` of its text is line `contentPosition.line + N - 1`, column
    /// `contentPosition.column + C - 1` of the file (leading empty lines included).
    /// Otherwise equal to ``position``.
    public var contentPosition: TextPosition
    /// For sequences and mappings: whether they were written in flow style (`[a, b]`, `{a: b}`).
    public var isFlow: Bool

    /// A node; `contentPosition` defaults to `position`.
    public init(
        _ content: Content, position: TextPosition, contentPosition: TextPosition? = nil, isFlow: Bool = false
    ) {
        self.content = content
        self.position = position
        self.contentPosition = contentPosition ?? position
        self.isFlow = isFlow
    }

    /// The node resolved with the YAML 1.2 core schema.
    ///
    /// Plain `null`/`Null`/`NULL`/`~`/empty give `.null`; plain `true`/`false`
    /// (also capitalised or upper case) give `.bool`; plain decimal integers,
    /// `0x…` and `0o…` that fit in `Int` give `.int`. Every other scalar
    /// (quoted, block, floats, too-large integers) is a `.string`.
    public var value: YAMLValue {
        switch content {
        case .scalar(let text, let style):
            return style == .plain ? YAMLScalarRules.resolvePlain(text) : .string(text)
        case .sequence(let items):
            return .sequence(items.map(\.value), style: isFlow ? .flow : .block)
        case .mapping(let pairs):
            return .mapping(pairs.map { YAMLPair(key: $0.key.scalarText ?? "", value: $0.value.value) })
        }
    }

    /// The text when this is a scalar node.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The value node of the first pair whose key is `key`, when this is a mapping node.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first(where: { $0.key.scalarText == key })?.value
    }
}

/// One pair of a mapping node. The key is always a scalar node.
public struct YAMLNodePair: Hashable, Sendable {
    /// The key: always a scalar node.
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// A pair of nodes.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
