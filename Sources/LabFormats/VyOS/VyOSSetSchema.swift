/// What the `set` command reader needs to know about the VyOS tree to rebuild it.
///
/// A `set` line does not show its structure: in `set nat source rule 100 source address '10.1.0.0/16'`
/// only the schema says that `rule` is a tag node taking `100` as its value. The reader asks
/// `isTagNode` for each name path (names only, tag values left out: `["nat", "source", "rule"]`).
/// `isContainer` decides between a valueless leaf and an empty container when a line ends with a bare
/// name (`set service ssh`), and between a leaf value and a child when a name is followed by one
/// unquoted word; by default every such name is read as a leaf.
public struct VyOSSetSchema: Sendable {
    private let tagPredicate: @Sendable ([String]) -> Bool
    private let containerPredicate: @Sendable ([String]) -> Bool

    /// A schema given by two predicates over name paths.
    public init(
        isTagNode: @escaping @Sendable ([String]) -> Bool,
        isContainer: @escaping @Sendable ([String]) -> Bool = { _ in false }
    ) {
        self.tagPredicate = isTagNode
        self.containerPredicate = isContainer
    }

    /// A schema given by sets of name paths, each written with single spaces (`"interfaces ethernet"`).
    public init(tagNodePaths: Set<String>, containerPaths: Set<String> = []) {
        self.init(
            isTagNode: { tagNodePaths.contains($0.joined(separator: " ")) },
            isContainer: { containerPaths.contains($0.joined(separator: " ")) })
    }

    /// Whether the node at this name path is a tag node.
    public func isTagNode(_ namePath: [String]) -> Bool { tagPredicate(namePath) }

    /// Whether the node at this name path is a (non-tag) container.
    public func isContainer(_ namePath: [String]) -> Bool { containerPredicate(namePath) }

    /// The tag nodes of VyOS 1.2 (crux) that labs use (see `VyOSSetSchemaData.swift`). The containers it
    /// knows are those on the way to a tag node (`interfaces`, `nat source`); any other bare final
    /// name is read as a valueless leaf.
    public static let crux = builtIn(cruxTagPaths)

    /// The tag nodes of VyOS 1.4 (sagitta) that labs use; containers as for `.crux`.
    public static let sagitta = builtIn(sagittaTagPaths)

    /// The schema of a release: `.equuleus` for 1.3, `.sagitta` for 1.4, `.circinus` for 1.5 and
    /// later, `.crux` for 1.2 and anything older or unrecognised.
    public static func forRelease(_ release: String) -> VyOSSetSchema {
        if let dialect = VyOSDialect(release: release) { return forDialect(dialect) }
        var digits = Substring(release)
        if digits.hasPrefix("v") { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 2).map { Int($0.prefix(while: \.isNumber)) ?? -1 }
        if parts.count >= 2, parts[0] > 1 || (parts[0] == 1 && parts[1] >= 4) { return .circinus }
        return .crux
    }

    /// The schema under which the `set` form of `config` reads back as exactly `config`: its tag
    /// nodes and containers, by name path. Meant for reading back text labgen wrote itself.
    public static func inferred(from config: VyOSConfig) -> VyOSSetSchema {
        var tags = Set<String>()
        var containers = Set<String>()
        func walk(_ nodes: [VyOSNode], _ path: String) {
            for node in nodes {
                let p = path.isEmpty ? node.name : path + " " + node.name
                guard let children = node.children else { continue }
                if node.value != nil { tags.insert(p) } else { containers.insert(p) }
                walk(children, p)
            }
        }
        walk(config.nodes, "")
        return VyOSSetSchema(tagNodePaths: tags, containerPaths: containers)
    }

    static func builtIn(_ text: String) -> VyOSSetSchema {
        let tags = Set(text.split(separator: "\n").map(String.init))
        var containers = Set(containerPaths.split(separator: "\n").map(String.init))
        for path in tags {
            let names = path.split(separator: " ")
            for n in 1..<names.count {
                let prefix = names[..<n].joined(separator: " ")
                if !tags.contains(prefix) { containers.insert(prefix) }
            }
        }
        return VyOSSetSchema(tagNodePaths: tags, containerPaths: containers)
    }
}
