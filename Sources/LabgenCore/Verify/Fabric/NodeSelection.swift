import LabModel

extension CalicoSelector.Expression {
    /// Whether a node with these labels is selected.
    func matches(_ labels: [String: String]) -> Bool {
        switch self {
        case .all: return true
        case .global: return false
        case .has(let key): return labels[key] != nil
        case .compare(let key, let op, let values):
            let value = labels[key]
            switch op {
            case "==": return value == values.first
            case "!=": return value != values.first
            case "in": return value.map(values.contains) ?? false
            case "not in": return !(value.map(values.contains) ?? false)
            case "contains": return value.map { v in values.contains { v.contains($0) } } ?? false
            case "starts with": return value.map { v in values.contains { v.hasPrefix($0) } } ?? false
            case "ends with": return value.map { v in values.contains { v.hasSuffix($0) } } ?? false
            default: return false
            }
        case .not(let inner): return !inner.matches(labels)
        case .and(let a, let b): return a.matches(labels) && b.matches(labels)
        case .or(let a, let b): return a.matches(labels) || b.matches(labels)
        }
    }
}

extension CalicoSelector.Expression {
    /// The label keys the selector reads.
    var keys: Set<String> {
        switch self {
        case .all, .global: return []
        case .has(let key), .compare(let key, _, _): return [key]
        case .not(let inner): return inner.keys
        case .and(let a, let b), .or(let a, let b): return a.keys.union(b.keys)
        }
    }
}

extension FabricView {
    /// The kind nodes a BGP peering applies to; nil when labgen cannot tell (a selector it does not evaluate).
    func selectedNodes(_ peer: NodeBGPPeerFacts) -> [RackNode]? {
        let nodes = rackNodes.filter(\.isKindNode)
        switch peer.source {
        case .calicoBGPPeer:
            if let node = peer.node { return nodes.filter { $0.name == node.value } }
            guard let selector = peer.calicoSelector else { return nodes }  // a global peer: every node
            guard let expression = try? CalicoSelector.parse(selector.value) else { return nil }
            return nodes.filter { expression.matches($0.labels) }
        case .ciliumPeeringPolicy, .ciliumClusterConfig:
            if peer.selectorUnreadable { return nil }
            guard let labels = peer.matchLabels else { return nodes }
            return nodes.filter { node in labels.allSatisfy { node.labels[$0.key] == $0.value } }
        }
    }

    /// Whether the kind config sets the labels a peering's selector asks about (labels set later with
    /// `kubectl label` are not seen, and then labgen cannot tell which nodes it selects).
    func selectorLabelsAreKnown(_ peer: NodeBGPPeerFacts) -> Bool {
        let keys = Set(rackNodes.filter(\.isKindNode).flatMap(\.labels.keys))
        if let labels = peer.matchLabels { return Set(labels.keys).isSubset(of: keys) }
        guard peer.source == .calicoBGPPeer, peer.node == nil, let selector = peer.calicoSelector else { return true }
        guard let expression = try? CalicoSelector.parse(selector.value) else { return false }
        return expression.keys.isSubset(of: keys)
    }

    /// The AS a node speaks BGP in towards this peer: Cilium's localASN; for Calico the BGPPeer's
    /// localASNumber, else the node's own AS (a Calico Node or an annotation), else BGPConfiguration's
    /// asNumber, else Calico's default 64512.
    func nodeAS(_ node: RackNode, for peer: NodeBGPPeerFacts) -> Located<String>? {
        switch peer.source {
        case .ciliumPeeringPolicy, .ciliumClusterConfig:
            return peer.localAS
        case .calicoBGPPeer:
            if let local = peer.localAS { return local }
            if let own = facts.nodeASNumbers[node.name] { return own }
            let configurations = facts.calicoBGPConfigurations
            let configuration =
                configurations.first { $0.name == "node.\(node.name)" && $0.asNumber != nil }
                ?? configurations.first { $0.name == "default" } ?? configurations.first
            if let asNumber = configuration?.asNumber { return asNumber }
            return Located(CalicoBGPConfigurationFacts.defaultAS, at: configuration?.location ?? peer.location)
        }
    }
}
