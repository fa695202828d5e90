/// `Calico(..., bgp:)` as written: calico-node's BIRD peers with each rack's router instead of a full mesh.
public struct CalicoBGPSpec: Hashable, Sendable, Codable {
    /// The cluster's default AS (`BGPConfiguration` `asNumber`); the first BGP rack's AS when nil.
    public var asn: Int?
    public var location: SourceLocation

    public init(asn: Int?, location: SourceLocation) {
        self.asn = asn
        self.location = location
    }
}

/// Calico's BGP, resolved: node-to-node mesh off, the default AS, and (from the racks) one BGPPeer per
/// rack to its router and each node's own AS where its rack's differs from the default.
public struct CalicoBGPPlan: Hashable, Sendable, Codable {
    public var asNumber: Int

    public init(asNumber: Int) { self.asNumber = asNumber }
}
