/// Cilium's `routingMode`.
public enum CiliumRoutingMode: String, Hashable, Sendable, Codable, CaseIterable {
    case native
    case tunnel
}

/// Cilium's `tunnelProtocol`.
public enum CiliumTunnelProtocol: String, Hashable, Sendable, Codable, CaseIterable {
    case vxlan
    case geneve
}

/// Cilium's `ipam.mode`.
public enum CiliumIPAMMode: String, Hashable, Sendable, Codable, CaseIterable {
    /// The node pod CIDRs kube-controller-manager allocates from kind's podSubnet.
    case kubernetes
    /// Cilium's operator allocates node CIDRs from its own pool.
    case clusterPool = "cluster-pool"
}

/// `Cilium(...)` as written (values as the user wrote them).
public struct CiliumSpec: Hashable, Sendable, Codable {
    public var routingMode: CiliumRoutingMode
    public var tunnelProtocol: CiliumTunnelProtocol?
    public var nativeRoutingCIDR: String?
    public var autoDirectNodeRoutes: Bool
    public var ipamMode: CiliumIPAMMode
    public var clusterPoolCIDR: String?
    public var clusterPoolMaskSize: Int?
    public var kubeProxyReplacement: Bool
    public var version: String?
    /// Cilium's BGP control plane peering with the racks' routers (`bgp:`).
    public var bgp: CiliumBGPSpec?
    public var location: SourceLocation

    public init(
        routingMode: CiliumRoutingMode, tunnelProtocol: CiliumTunnelProtocol?, nativeRoutingCIDR: String?,
        autoDirectNodeRoutes: Bool, ipamMode: CiliumIPAMMode, clusterPoolCIDR: String?, clusterPoolMaskSize: Int?,
        kubeProxyReplacement: Bool, version: String?, location: SourceLocation
    ) {
        self.routingMode = routingMode
        self.tunnelProtocol = tunnelProtocol
        self.nativeRoutingCIDR = nativeRoutingCIDR
        self.autoDirectNodeRoutes = autoDirectNodeRoutes
        self.ipamMode = ipamMode
        self.clusterPoolCIDR = clusterPoolCIDR
        self.clusterPoolMaskSize = clusterPoolMaskSize
        self.kubeProxyReplacement = kubeProxyReplacement
        self.version = version
        self.location = location
    }
}

/// Cilium as the cluster's CNI, installed with Helm from a values file.
public struct CiliumPlan: Hashable, Sendable, Codable {
    public var version: String
    public var routingMode: CiliumRoutingMode
    /// Set when `routingMode` is tunnel.
    public var tunnelProtocol: CiliumTunnelProtocol?
    /// Set when `routingMode` is native: traffic to it is not masqueraded.
    public var nativeRoutingCIDR: IPv4Prefix?
    public var autoDirectNodeRoutes: Bool
    public var ipamMode: CiliumIPAMMode
    /// cluster-pool IPAM: the pool and the node mask size.
    public var clusterPoolCIDR: IPv4Prefix?
    public var clusterPoolMaskSize: Int?
    public var kubeProxyReplacement: Bool
    /// The API server Cilium talks to without kube-proxy: the control-plane node's rack address (or
    /// its kind container name for a kind-only lab), port 6443.
    public var k8sServiceHost: String?
    public var k8sServicePort: Int?
    /// Cilium's BGP control plane (`bgpControlPlane.enabled`), peering every node with its rack's router.
    public var bgp: CiliumBGPPlan? = nil
    public var location: SourceLocation?

    public init(
        version: String, routingMode: CiliumRoutingMode, tunnelProtocol: CiliumTunnelProtocol?,
        nativeRoutingCIDR: IPv4Prefix?, autoDirectNodeRoutes: Bool, ipamMode: CiliumIPAMMode,
        clusterPoolCIDR: IPv4Prefix?, clusterPoolMaskSize: Int?, kubeProxyReplacement: Bool,
        k8sServiceHost: String?, k8sServicePort: Int?, location: SourceLocation?
    ) {
        self.version = version
        self.routingMode = routingMode
        self.tunnelProtocol = tunnelProtocol
        self.nativeRoutingCIDR = nativeRoutingCIDR
        self.autoDirectNodeRoutes = autoDirectNodeRoutes
        self.ipamMode = ipamMode
        self.clusterPoolCIDR = clusterPoolCIDR
        self.clusterPoolMaskSize = clusterPoolMaskSize
        self.kubeProxyReplacement = kubeProxyReplacement
        self.k8sServiceHost = k8sServiceHost
        self.k8sServicePort = k8sServicePort
        self.location = location
    }

    private enum CodingKeys: String, CodingKey {
        case version, routingMode, tunnelProtocol, nativeRoutingCIDR, autoDirectNodeRoutes, ipamMode
        case clusterPoolCIDR, clusterPoolMaskSize, kubeProxyReplacement, k8sServiceHost, k8sServicePort, bgp
    }

    /// The Cilium release (Helm chart version) labgen installs when the lab does not say.
    public static let defaultVersion = "1.18.0"
    public static let helmRepository = "https://helm.cilium.io/"
    /// The API server port kubeadm's control plane listens on.
    public static let apiServerPort = 6443
    /// The bytes a VXLAN or Geneve header adds (outer IPv4 20, UDP 8, VXLAN/Geneve 8, inner Ethernet 14).
    public static let tunnelOverhead = 50
}
