// The resolved routed fabric: BGP on the routers, point-to-point links and plain hosts.

/// BGP on one router, as VyOS is configured (`protocols bgp`).
public struct BGPRouterPlan: Hashable, Sendable, Codable {
    public var asn: Int
    public var routerID: IPv4Address?
    /// The router's neighbours in address order.
    public var neighbors: [BGPNeighborPlan]
    /// The prefixes it announces (`address-family ipv4-unicast network`), in address order: its rack
    /// subnets, host subnets and link subnets.
    public var networks: [IPv4Prefix]
    /// `parameters bestpath as-path multipath-relax`: on routers with two or more eBGP link neighbours,
    /// so that equal paths through different AS numbers are all used (ECMP).
    public var multipathRelax: Bool

    public init(
        asn: Int, routerID: IPv4Address?, neighbors: [BGPNeighborPlan], networks: [IPv4Prefix], multipathRelax: Bool
    ) {
        self.asn = asn
        self.routerID = routerID
        self.neighbors = neighbors
        self.networks = networks
        self.multipathRelax = multipathRelax
    }
}

/// One BGP neighbour: a router at the other end of a link, or a kind node of one of the router's racks.
public struct BGPNeighborPlan: Hashable, Sendable, Codable {
    public var address: IPv4Address
    public var remoteAS: Int
    public var routeReflectorClient: Bool
    /// The router or kind node at that address.
    public var peer: String

    public init(address: IPv4Address, remoteAS: Int, routeReflectorClient: Bool, peer: String) {
        self.address = address
        self.remoteAS = remoteAS
        self.routeReflectorClient = routeReflectorClient
        self.peer = peer
    }
}

/// One end of a resolved link.
public struct LinkEndPlan: Hashable, Sendable, Codable {
    public var router: String
    public var interface: String
    public var address: IPv4Interface

    public init(router: String, interface: String, address: IPv4Interface) {
        self.router = router
        self.interface = interface
        self.address = address
    }
}

/// A point-to-point link between two routers.
public struct LinkPlan: Hashable, Sendable, Codable {
    public var a: LinkEndPlan
    public var b: LinkEndPlan
    public var subnet: IPv4Prefix
    public var subnetOrigin: SubnetOrigin
    public var mtu: Int?

    public init(a: LinkEndPlan, b: LinkEndPlan, subnet: IPv4Prefix, subnetOrigin: SubnetOrigin, mtu: Int?) {
        self.a = a
        self.b = b
        self.subnet = subnet
        self.subnetOrigin = subnetOrigin
        self.mtu = mtu
    }
}

/// A plain containerlab host linked to a router.
public struct HostPlan: Hashable, Sendable, Codable {
    public var name: String
    public var image: String
    /// The host's interface (`net0`) and address.
    public var interface: String
    public var address: IPv4Interface
    public var defaultGateway: IPv4Address
    public var router: String
    public var routerInterface: String

    public init(
        name: String, image: String, interface: String, address: IPv4Interface, defaultGateway: IPv4Address,
        router: String, routerInterface: String
    ) {
        self.name = name
        self.image = image
        self.interface = interface
        self.address = address
        self.defaultGateway = defaultGateway
        self.router = router
        self.routerInterface = routerInterface
    }
}

/// The peer at the far end of a router interface that is not on a bridge.
public struct InterfacePeer: Hashable, Sendable, Codable {
    public var node: String
    public var interface: String

    public init(node: String, interface: String) {
        self.node = node
        self.interface = interface
    }
}
