import LabModel

/// A VyOS router of a routed fabric (a spine or a leaf): a `Gateway` with an AS number.
///
/// It peers BGP with the router at the other end of each of its `Link`s (`remote-as` that router's
/// AS), announces its rack, host and link subnets, and uses equal paths through different AS numbers
/// (`bestpath as-path multipath-relax`) once it has two or more eBGP links. When the cluster's CNI
/// speaks BGP (`Cilium(..., bgp:)`, `Calico(..., bgp:)`), it also peers with every node of its racks.
///
/// ```swift
/// Router("spine0", asn: 500, vyos: "1.4.7")
/// Router("leaf0", asn: 65005, vyos: "1.4.7", routerID: "10.1.5.1", mtu: 9000, routeReflector: true) {
///     Masquerade(source: "10.1.0.0/16")
/// }
/// Link("leaf0", "spine0")
/// Rack("rack0", subnet: "10.1.5.0/24", router: "leaf0") { Node(.controlPlane) }
/// ```
public struct Router: LabElement, Sendable {
    let spec: GatewaySpec

    /// - Parameters:
    ///   - name: the node name in the topology, and the router's host-name.
    ///   - asn: the router's AS number (1 to 4294967294); nil for a router with static routes only.
    ///   - vyos: the VyOS release; its series picks the BGP dialect (`protocols bgp <asn>` up to 1.3,
    ///     `system-as` from 1.4 on). When nil, the tag of `image`.
    ///   - image: the container image; defaults to `<registry>/vyos/vyos:<release>`.
    ///   - routerID: `parameters router-id`; VyOS picks one when nil.
    ///   - mtu: the MTU of every ethernet interface of the router (a link's own `mtu:` wins).
    ///   - routeReflector: the router reflects its rack nodes' routes (their neighbours are
    ///     `route-reflector-client`), so that iBGP nodes of one rack learn one another's pod routes.
    public init(
        _ name: String, asn: Int? = nil, vyos: String? = nil, image: String? = nil, routerID: String? = nil,
        mtu: Int? = nil, routeReflector: Bool = false,
        fileID: String = #fileID, line: Int = #line, column: Int = #column,
        @GatewayBuilder _ content: () -> [GatewayComponent] = { [] }
    ) {
        var spec = Gateway(name, vyos: vyos, image: image, fileID: fileID, line: line, column: column, content).spec
        spec.bgp = asn.map { RouterBGPSpec(asn: $0, routerID: routerID, routeReflector: routeReflector) }
        if asn == nil, routerID != nil || routeReflector {
            // Kept so that resolution reports BGP settings on a router without an AS.
            spec.bgp = RouterBGPSpec(asn: 0, routerID: routerID, routeReflector: routeReflector)
        }
        spec.mtu = mtu
        self.spec = spec
    }

    public var labComponent: LabComponent { LabComponent(kind: .gateway(spec)) }
}
