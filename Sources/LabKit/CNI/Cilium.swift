import LabModel

/// Cilium as the lab's CNI, installed with Helm from `cilium/values.yaml`.
///
/// ```swift
/// Cilium(routing: .native(cidr: "10.244.0.0/16", autoDirectNodeRoutes: true), kubeProxyReplacement: true)
/// Cilium(routing: .tunnel(.vxlan), ipam: .clusterPool("10.0.0.0/16", maskSize: 24))
/// ```
public struct Cilium: Sendable {
    let spec: CiliumSpec

    /// How pod traffic crosses nodes.
    public enum Routing: Sendable {
        /// Encapsulated (`routingMode: tunnel`), VXLAN or Geneve.
        case tunnel(CiliumTunnelProtocol)
        /// The network routes the pod CIDRs (`routingMode: native`); `cidr` is `ipv4NativeRoutingCIDR`
        /// (the pod subnet when nil); `autoDirectNodeRoutes` installs routes to the nodes on one L2.
        case native(cidr: String? = nil, autoDirectNodeRoutes: Bool = false)
    }

    /// Where node pod CIDRs come from (`ipam.mode`).
    public enum IPAM: Sendable {
        /// kube-controller-manager's allocation from kind's podSubnet.
        case kubernetes
        /// Cilium's operator, from its own pool (`clusterPoolIPv4PodCIDRList`, `clusterPoolIPv4MaskSize`).
        case clusterPool(String, maskSize: Int = 24)
    }

    /// - Parameters:
    ///   - kubeProxyReplacement: Cilium replaces kube-proxy; the cluster then wants
    ///     `kubeProxyMode: "none"` and Cilium reaches the API server at the control-plane node, port 6443.
    ///   - version: a Cilium release (Helm chart version, `1.18.0`); labgen's pinned default when nil.
    public init(
        routing: Routing = .tunnel(.vxlan), ipam: IPAM = .kubernetes, kubeProxyReplacement: Bool = false,
        version: String? = nil, bgp: CiliumBGP? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        var mode = CiliumRoutingMode.tunnel
        var tunnel: CiliumTunnelProtocol?
        var cidr: String?
        var direct = false
        switch routing {
        case .tunnel(let proto): tunnel = proto
        case .native(let nativeCIDR, let auto):
            mode = .native
            cidr = nativeCIDR
            direct = auto
        }
        var ipamMode = CiliumIPAMMode.kubernetes
        var poolCIDR: String?
        var mask: Int?
        if case .clusterPool(let pool, let maskSize) = ipam {
            ipamMode = .clusterPool
            poolCIDR = pool
            mask = maskSize
        }
        var spec = CiliumSpec(
            routingMode: mode, tunnelProtocol: tunnel, nativeRoutingCIDR: cidr, autoDirectNodeRoutes: direct,
            ipamMode: ipamMode, clusterPoolCIDR: poolCIDR, clusterPoolMaskSize: mask,
            kubeProxyReplacement: kubeProxyReplacement, version: version,
            location: Written(fileID, line, column).location)
        spec.bgp = bgp.map {
            CiliumBGPSpec(announceServices: $0.announceServices, gracefulRestartSeconds: $0.gracefulRestart)
        }
        self.spec = spec
    }
}

/// Cilium's BGP control plane: every node peers with its rack's router (a `Router` with an AS), and
/// announces its pod CIDR. The resources are those of the Cilium release: `CiliumBGPPeeringPolicy` up
/// to 1.15, `CiliumBGPClusterConfig`/`CiliumBGPPeerConfig`/`CiliumBGPAdvertisement` from 1.16 on.
public struct CiliumBGP: Sendable {
    let announceServices: Bool
    let gracefulRestart: Int?

    /// - Parameters:
    ///   - announceServices: also announce every Service's LoadBalancer address.
    ///   - gracefulRestart: graceful restart's restart time in seconds (nil: off).
    public init(announceServices: Bool = false, gracefulRestart: Int? = 120) {
        self.announceServices = announceServices
        self.gracefulRestart = gracefulRestart
    }
}
