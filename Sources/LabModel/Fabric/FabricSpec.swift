// The routed-fabric elements of the DSL as written: point-to-point links between routers, the
// pool their subnets are taken from, and plain containerlab hosts. Routers are gateways with an
// AS number (see `GatewaySpec.bgp`).

/// The BGP settings of a router (`Router(..., asn:)`), as written.
public struct RouterBGPSpec: Hashable, Sendable, Codable {
    public var asn: Int
    /// `parameters router-id`; nil writes none (FRR picks one).
    public var routerID: String?
    /// The router reflects the routes of its rack nodes (`route-reflector-client` on their neighbours).
    public var routeReflector: Bool

    public init(asn: Int, routerID: String?, routeReflector: Bool) {
        self.asn = asn
        self.routerID = routerID
        self.routeReflector = routeReflector
    }
}

/// One end of a point-to-point link.
public struct LinkEndSpec: Hashable, Sendable, Codable {
    /// The router (a `Router` or `Gateway`) by name.
    public var router: String
    /// The router's interface; the next free `ethN` when nil.
    public var interface: String?
    /// The address on the link's subnet; the first (a side) or second (b side) host when nil.
    public var address: String?

    public init(router: String, interface: String?, address: String?) {
        self.router = router
        self.interface = interface
        self.address = address
    }
}

/// A point-to-point link between two routers.
public struct LinkSpec: Hashable, Sendable, Codable {
    public var a: LinkEndSpec
    public var b: LinkEndSpec
    /// The link subnet; the next free one of the `LinkPool` when nil.
    public var subnet: String?
    /// MTU of both interfaces and of the containerlab link; the routers' MTU when nil.
    public var mtu: Int?
    public var location: SourceLocation

    public init(a: LinkEndSpec, b: LinkEndSpec, subnet: String?, mtu: Int?, location: SourceLocation) {
        self.a = a
        self.b = b
        self.subnet = subnet
        self.mtu = mtu
        self.location = location
    }
}

/// The pool point-to-point link subnets are allocated from (`/31` or `/30` each).
public struct LinkPoolSpec: Hashable, Sendable, Codable {
    public var cidr: String
    public var prefixLength: Int
    public var location: SourceLocation

    public init(cidr: String, prefixLength: Int, location: SourceLocation) {
        self.cidr = cidr
        self.prefixLength = prefixLength
        self.location = location
    }
}

/// A plain containerlab host (no kind node) linked directly to a router interface.
public struct HostSpec: Hashable, Sendable, Codable {
    public var name: String
    /// The host's address with its prefix length, `10.1.5.10/24`.
    public var address: String
    /// The router the host hangs off.
    public var router: String
    /// The router's address on the host's subnet; the subnet's first host when nil.
    public var gateway: String?
    /// The router's interface; the next free `ethN` when nil.
    public var interface: String?
    public var image: String?
    public var location: SourceLocation

    public init(
        name: String, address: String, router: String, gateway: String?, interface: String?, image: String?,
        location: SourceLocation
    ) {
        self.name = name
        self.address = address
        self.router = router
        self.gateway = gateway
        self.interface = interface
        self.image = image
        self.location = location
    }
}
