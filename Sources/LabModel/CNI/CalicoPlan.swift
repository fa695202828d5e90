/// Calico as the cluster's CNI: its IP pools and how it is installed.
public struct CalicoPlan: Hashable, Sendable {
    public var pools: [PodPoolPlan]
    /// How Calico is installed; nil only in hand-built plans (the resolver always sets it).
    public var install: CalicoInstallPlan?
    /// Calico peering BGP with the racks' routers (`Calico(..., bgp:)`).
    public var bgp: CalicoBGPPlan? = nil

    public init(pools: [PodPoolPlan], install: CalicoInstallPlan?) {
        self.pools = pools
        self.install = install
    }
}

/// The resolved Calico install: mode, release and where its manifest comes from.
public struct CalicoInstallPlan: Hashable, Sendable, Codable {
    public var mode: CalicoInstallMode
    public var version: String
    /// `https://...` or a local file (relative to the lab's output folder, or absolute).
    public var manifest: String

    public init(mode: CalicoInstallMode, version: String, manifest: String) {
        self.mode = mode
        self.version = version
        self.manifest = manifest
    }

    /// The Calico release labgen installs when the lab does not say (see README, "Run the lab").
    public static let defaultVersion = "v3.30.3"

    /// Calico's own manifest for `version`: `tigera-operator.yaml` or `calico.yaml`.
    public static func upstreamManifest(_ mode: CalicoInstallMode, version: String) -> String {
        let file = mode == .operator ? "tigera-operator.yaml" : "calico.yaml"
        return "https://raw.githubusercontent.com/projectcalico/calico/\(version)/manifests/\(file)"
    }

    /// The namespace calico-node runs in.
    public var calicoNamespace: String { mode == .operator ? "calico-system" : "kube-system" }
}

public struct PodPoolPlan: Hashable, Sendable, Codable {
    public var name: String
    public var cidr: IPv4Prefix
    public var blockSize: Int
    public var ipipMode: EncapsulationMode
    public var vxlanMode: EncapsulationMode
    public var natOutgoing: Bool
    public var nodeSelector: String
    public var disabled: Bool
    public var location: SourceLocation?

    public init(
        name: String, cidr: IPv4Prefix, blockSize: Int, ipipMode: EncapsulationMode, vxlanMode: EncapsulationMode,
        natOutgoing: Bool, nodeSelector: String, disabled: Bool, location: SourceLocation?
    ) {
        self.name = name
        self.cidr = cidr
        self.blockSize = blockSize
        self.ipipMode = ipipMode
        self.vxlanMode = vxlanMode
        self.natOutgoing = natOutgoing
        self.nodeSelector = nodeSelector
        self.disabled = disabled
        self.location = location
    }

    private enum CodingKeys: String, CodingKey {
        case name, cidr, blockSize, ipipMode, vxlanMode, natOutgoing, nodeSelector, disabled
    }
}

/// Calico's encapsulation modes for `ipipMode` and `vxlanMode`.
public enum EncapsulationMode: String, Hashable, Sendable, Codable, CaseIterable {
    case always = "Always"
    case crossSubnet = "CrossSubnet"
    case never = "Never"

    public var isEnabled: Bool { self != .never }
}

/// How Calico is installed in the kind cluster.
public enum CalicoInstallMode: String, Hashable, Sendable, Codable, CaseIterable {
    /// The Tigera operator (`tigera-operator.yaml`) and an `operator.tigera.io/v1` `Installation`.
    case `operator`
    /// Calico's `calico.yaml`, with the pool and autodetection in calico-node's environment.
    case manifest
}
