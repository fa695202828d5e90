/// The role of a kind node.
public enum NodeRole: String, Hashable, Sendable, Codable, CaseIterable {
    case controlPlane = "control-plane"
    case worker
}

/// Where a node's address came from, for the address plan.
public enum AddressOrigin: String, Hashable, Sendable, Codable {
    case explicit
    case allocated
}

/// Where a rack's subnet came from, for the address plan.
public enum SubnetOrigin: String, Hashable, Sendable, Codable {
    /// Written in the rack (`subnet:`).
    case explicit
    /// A chosen position of the node pool (`slot:`).
    case slot
    /// The next free subnet of the node pool, in rack order.
    case allocated
}
