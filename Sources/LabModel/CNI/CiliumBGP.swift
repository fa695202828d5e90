/// `Cilium(..., bgp:)` as written: Cilium's BGP control plane peers every node with its rack's router.
public struct CiliumBGPSpec: Hashable, Sendable, Codable {
    /// Announce every Service's LoadBalancer address too (Cilium's "select all" NotIn expression).
    public var announceServices: Bool
    /// Graceful restart's restart time in seconds; nil turns graceful restart off.
    public var gracefulRestartSeconds: Int?

    public init(announceServices: Bool, gracefulRestartSeconds: Int?) {
        self.announceServices = announceServices
        self.gracefulRestartSeconds = gracefulRestartSeconds
    }
}

/// The BGP resources of the pinned Cilium release: `CiliumBGPPeeringPolicy` (cilium.io/v2alpha1) up
/// to 1.15; from 1.16 on its successors `CiliumBGPClusterConfig`, `CiliumBGPPeerConfig` and
/// `CiliumBGPAdvertisement` (cilium.io/v2alpha1 in 1.16 and 1.17, cilium.io/v2 from 1.18).
public enum CiliumBGPAPI: String, Hashable, Sendable, Codable {
    case peeringPolicy = "v2alpha1-peering-policy"
    case clusterConfigV2Alpha1 = "v2alpha1-cluster-config"
    case clusterConfigV2 = "v2-cluster-config"

    /// The API of a Cilium release (`1.14.0-rc.0`, `1.18.0`).
    public init(version: String) {
        let parts = version.split(whereSeparator: { $0 == "." || $0 == "-" }).prefix(2).compactMap { Int($0) }
        let (major, minor) = (parts.first ?? 1, parts.count > 1 ? parts[1] : 0)
        if (major, minor) < (1, 16) {
            self = .peeringPolicy
        } else if (major, minor) < (1, 18) {
            self = .clusterConfigV2Alpha1
        } else {
            self = .clusterConfigV2
        }
    }

    public var apiVersion: String { self == .clusterConfigV2 ? "cilium.io/v2" : "cilium.io/v2alpha1" }
}

/// Cilium's BGP control plane, resolved.
public struct CiliumBGPPlan: Hashable, Sendable, Codable {
    public var api: CiliumBGPAPI
    public var announceServices: Bool
    public var gracefulRestartSeconds: Int?

    public init(api: CiliumBGPAPI, announceServices: Bool, gracefulRestartSeconds: Int?) {
        self.api = api
        self.announceServices = announceServices
        self.gracefulRestartSeconds = gracefulRestartSeconds
    }
}
