/// One node of a VyOS configuration tree.
///
/// - leaf with value:      `address 10.1.5.1/24`   name "address", value "10.1.5.1/24", children nil
/// - valueless leaf:       `disable`                name "disable", value nil, children nil
/// - container:            `interfaces { ... }`     name "interfaces", value nil, children [...]
/// - tag node:             `ethernet eth1 { ... }`  name "ethernet", value "eth1", children [...]
///   (possibly empty: `loopback lo {\n}`)
///
/// Repeated leaves (`address a` twice) are simply two nodes, in order.
///
/// Equality and hashing compare `name`, `value` and `children` only: the positions are
/// bookkeeping of the reader, so a tree read from a config.boot equals the same tree read
/// from `set` commands or built in code.
public struct VyOSNode: Hashable, Sendable, CustomStringConvertible {
    /// The node name (`interfaces`, `ethernet`, `address`).
    public var name: String
    /// The leaf value or the tag value; nil for containers and valueless leaves.
    public var value: String?
    /// The children of a container or tag node; nil for leaves.
    public var children: [VyOSNode]?
    /// Where the node's name was read (1:1 for nodes built in code). Ignored by the writer.
    public var position: TextPosition
    /// Where the node's value was read, if it has one and was read from text.
    public var valuePosition: TextPosition?

    /// Creates a node; see the type documentation for the four shapes.
    public init(_ name: String, _ value: String? = nil, children: [VyOSNode]? = nil) {
        self.name = name
        self.value = value
        self.children = children
        self.position = .start
        self.valuePosition = nil
    }

    /// Creates a node with the positions a reader found it at.
    public init(
        _ name: String, _ value: String? = nil, children: [VyOSNode]? = nil,
        position: TextPosition, valuePosition: TextPosition? = nil
    ) {
        self.init(name, value, children: children)
        self.position = position
        self.valuePosition = valuePosition
    }

    /// The children with that name, in order (empty for a leaf).
    public subscript(name: String) -> [VyOSNode] {
        children?.filter { $0.name == name } ?? []
    }

    /// True for a node with a `{ }` block (container or tag node).
    public var isBlock: Bool { children != nil }

    /// True for a tag node (`ethernet eth1 { ... }`).
    public var isTagNode: Bool { children != nil && value != nil }

    public static func == (lhs: VyOSNode, rhs: VyOSNode) -> Bool {
        lhs.name == rhs.name && lhs.value == rhs.value && lhs.children == rhs.children
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(value)
        hasher.combine(children)
    }

    public var description: String {
        var s = name
        if let value { s += " \(value.debugDescription)" }
        if let children { s += " {" + children.map(\.description).joined(separator: "; ") + "}" }
        return s
    }
}

/// The config.boot dialects labgen writes, one per VyOS release series (see `VyOSDialect+Release.swift`).
public enum VyOSDialect: Hashable, Sendable, CaseIterable {
    /// VyOS 1.2: leaf values unquoted when plain, `/* ... */` footer.
    case crux
    /// VyOS 1.3: leaf values unquoted when plain (the vyatta-cfg writer, as 1.2), `// ...` footer.
    case equuleus
    /// VyOS 1.4: every leaf value double-quoted, `// ...` footer.
    case sagitta
    /// VyOS 1.5: as 1.4 (every leaf value double-quoted, `// ...` footer).
    case circinus
}

/// The version footer at the end of a config.boot.
public struct VyOSFooter: Hashable, Sendable {
    /// The long `qos@1:dhcp-server@5:...` component version string (without quotes).
    public var configVersion: String
    /// The release, e.g. `1.2.8` or `1.4-rolling-202307070317`.
    public var releaseVersion: String

    public init(configVersion: String, releaseVersion: String) {
        self.configVersion = configVersion
        self.releaseVersion = releaseVersion
    }
}

/// A whole VyOS configuration: the top-level nodes and the optional version footer.
///
/// Equality ignores `footerPosition`, like `VyOSNode` ignores its positions.
public struct VyOSConfig: Hashable, Sendable {
    public var nodes: [VyOSNode]
    public var footer: VyOSFooter?
    /// Where the footer starts (its first comment), when read from text.
    public var footerPosition: TextPosition?

    public init(nodes: [VyOSNode] = [], footer: VyOSFooter? = nil, footerPosition: TextPosition? = nil) {
        self.nodes = nodes
        self.footer = footer
        self.footerPosition = footerPosition
    }

    /// The top-level nodes with that name.
    public subscript(name: String) -> [VyOSNode] {
        nodes.filter { $0.name == name }
    }

    public static func == (lhs: VyOSConfig, rhs: VyOSConfig) -> Bool {
        lhs.nodes == rhs.nodes && lhs.footer == rhs.footer
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(nodes)
        hasher.combine(footer)
    }
}
