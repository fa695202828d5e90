/// The role of a kind node.
public enum NodeRole: String, Hashable, Sendable, Codable, CaseIterable {
    case controlPlane = "control-plane"
    case worker
}

/// How the standalone kubeadm patches are written (`Cluster(..., kubeadmPatches:)`).
public enum KubeadmPatchLayout: String, Hashable, Sendable, Codable, CaseIterable {
    /// One multi-document file, `kubeadm.yaml`: a document per node, named by `nodeRegistration.name`
    /// (the default: one file instead of one per node).
    case oneFile = "one-file"
    /// A file per node, `kubeadm/<node>.yaml`.
    case perNode = "per-node"
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

/// Where a rack's subnet came from, for the address plan.
public enum SubnetOrigin: String, Hashable, Sendable, Codable {
    /// Written in the rack (`subnet:`).
    case explicit
    /// A chosen position of the node pool (`slot:`).
    case slot
    /// The next free subnet of the node pool, in rack order.
    case allocated
}

/// How Calico is installed in the kind cluster.
public enum CalicoInstallMode: String, Hashable, Sendable, Codable, CaseIterable {
    /// The Tigera operator (`tigera-operator.yaml`) and an `operator.tigera.io/v1` `Installation`.
    case `operator`
    /// Calico's `calico.yaml`, with the pool and autodetection in calico-node's environment.
    case manifest
}
