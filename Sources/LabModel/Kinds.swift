/// The role of a kind node.
public enum NodeRole: String, Hashable, Sendable, Codable, CaseIterable {
    case controlPlane = "control-plane"
    case worker
}

/// Calico's encapsulation modes for `ipipMode` and `vxlanMode`.
public enum EncapsulationMode: String, Hashable, Sendable, Codable, CaseIterable {
    case always = "Always"
    case crossSubnet = "CrossSubnet"
    case never = "Never"

    public var isEnabled: Bool { self != .never }
}

/// Where a node's address came from, for the address plan.
public enum AddressOrigin: String, Hashable, Sendable, Codable {
    case explicit
    case allocated
}
