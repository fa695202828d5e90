import LabModel

/// A point-to-point link between two routers: one containerlab link, an address on each end.
///
/// ```swift
/// LinkPool("10.0.255.0/24", prefixLength: 31)
/// Link("leaf0", "spine0")                                   // next /31 of the pool, eth<next> on both
/// Link(LinkEnd("gw0", interface: "eth2", address: "172.18.0.2"),
///      LinkEnd("gw1", interface: "eth2", address: "172.18.0.3"), subnet: "172.18.0.0/24", mtu: 1500)
/// ```
///
/// A router's interfaces without a written name are numbered `eth1`, `eth2`, ... in this order: its
/// links (in lab order), its hosts, its racks, then the transit link; written names are skipped.
public struct Link: LabElement, Sendable {
    let spec: LinkSpec

    /// - Parameters:
    ///   - a: the first end (a router name, or `LinkEnd(...)` with its interface and address).
    ///   - b: the second end.
    ///   - subnet: the link subnet; the next free one of the `LinkPool` when nil. Without written
    ///     addresses, `a` takes the subnet's first host and `b` the second (both addresses of a /31).
    ///   - mtu: MTU of both interfaces and of the containerlab link; the routers' `mtu:` when nil.
    public init(
        _ a: LinkEnd, _ b: LinkEnd, subnet: String? = nil, mtu: Int? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        spec = LinkSpec(
            a: a.spec, b: b.spec, subnet: subnet, mtu: mtu, location: Written(fileID, line, column).location)
    }

    public var labComponent: LabComponent { LabComponent(kind: .link(spec)) }
}

/// One end of a `Link`: a router, optionally its interface and its address on the link.
public struct LinkEnd: Sendable, ExpressibleByStringLiteral {
    let spec: LinkEndSpec

    public init(_ router: String, interface: String? = nil, address: String? = nil) {
        spec = LinkEndSpec(router: router, interface: interface, address: address)
    }

    public init(stringLiteral router: String) { self.init(router) }
}

/// The pool of point-to-point link subnets: links without a subnet take the next free `/31` (or
/// `/30`) of it, in link order.
public struct LinkPool: LabElement, Sendable {
    let spec: LinkPoolSpec

    public init(
        _ cidr: String, prefixLength: Int = 31, fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        spec = LinkPoolSpec(cidr: cidr, prefixLength: prefixLength, location: Written(fileID, line, column).location)
    }

    public var labComponent: LabComponent { LabComponent(kind: .linkPool(spec)) }
}
