import LabModel

/// A VyOS router that is the default gateway of its racks.
///
/// Its rack-facing interfaces are `eth1`, `eth2`, ... in rack order (`eth0` is containerlab's
/// management interface, out of which the racks are masqueraded). In a lab with more than one
/// gateway, the next interface joins the transit link (see `Transit`), and each gateway gets a
/// static route to every rack of the other gateways via that gateway's transit address.
public struct Gateway: LabElement, Sendable {
    let spec: GatewaySpec

    /// - Parameters:
    ///   - name: the node name in the topology, and the router's host-name.
    ///   - vyos: the VyOS release (`1.2.8`, `1.3.8`, `1.4.9`, `1.5.0`, `1.5-rolling-202412060007`): it
    ///     selects the config.boot dialect (1.2 crux, 1.3 equuleus, 1.4 sagitta, 1.5 circinus). When nil,
    ///     the tag of `image` is the release (`vyos/vyos:1.5.0`).
    ///   - image: the container image; defaults to `<registry>/vyos/vyos:<release>`.
    ///   - transit: the gateway's address on the transit link of a multi-gateway lab; allocated
    ///     from the transit subnet (in gateway order, from its first host) when nil.
    public init(
        _ name: String, vyos: String? = nil, image: String? = nil, transit: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column,
        @GatewayBuilder _ content: () -> [GatewayComponent] = { [] }
    ) {
        var spec = GatewaySpec(
            name: name, vyos: vyos, image: image, transitAddress: transit,
            location: Written(fileID, line, column).location)
        for component in content() {
            switch component {
            case .masquerade(let rule): spec.masquerades.append(rule)
            case .route(let route): spec.staticRoutes.append(route)
            }
        }
        self.spec = spec
    }

    public var labComponent: LabComponent { LabComponent(kind: .gateway(spec)) }
}

/// Source NAT masquerade of the racks' traffic out of a non-rack interface.
public struct Masquerade: Sendable {
    let spec: MasqueradeSpec

    /// - Parameters:
    ///   - source: the source prefix; defaults to the lab's node pool, else one rule per rack subnet.
    ///   - outbound: the outbound interface (`eth0`, containerlab's management network).
    ///   - rule: the NAT rule number (default 100, then 101, ...).
    public init(
        source: String? = nil, outbound: String = "eth0", rule: Int? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        spec = MasqueradeSpec(
            source: source, outbound: outbound, rule: rule, location: Written(fileID, line, column).location)
    }
}

/// A static route on a gateway (`protocols static route <destination> next-hop <via>`).
///
/// Routes between the gateways of a multi-gateway lab are written automatically; an explicit
/// route to the same destination replaces the automatic one.
public struct StaticRoute: Sendable {
    let spec: StaticRouteSpec

    /// - Parameters:
    ///   - destination: the destination prefix, for example `10.1.9.0/24`.
    ///   - via: the next-hop address, on one of the gateway's subnets.
    public init(
        _ destination: String, via nextHop: String,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        spec = StaticRouteSpec(
            destination: destination, nextHop: nextHop, location: Written(fileID, line, column).location)
    }
}

/// The link between the gateways of a lab with more than one gateway: a host bridge (created
/// by bridges.sh like the rack bridges) that every gateway joins with the interface after its
/// rack interfaces.
///
/// A lab with several gateways gets a transit link without writing one; `Transit` sets its
/// subnet or bridge name.
///
/// ```swift
/// NodePool("10.1.0.0/16", rackPrefix: 24)
/// Transit("10.1.255.0/29")                  // gw0 10.1.255.1, gw1 10.1.255.2
/// Gateway("gw0", vyos: "1.4.9")
/// Gateway("gw1", vyos: "1.4.9")
/// Rack("rack0", router: "gw0") { Node(.controlPlane) }
/// Rack("rack1", router: "gw1") { Node(.worker) }
/// ```
public struct Transit: LabElement, Sendable {
    let spec: TransitSpec

    /// - Parameters:
    ///   - subnet: the transit subnet; defaults to the highest free /29 of the node pool (a
    ///     larger one for more than six gateways).
    ///   - bridge: the host bridge; defaults to `br-transit`.
    public init(
        _ subnet: String? = nil, bridge: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        spec = TransitSpec(subnet: subnet, bridge: bridge, location: Written(fileID, line, column).location)
    }

    public var labComponent: LabComponent { LabComponent(kind: .transit(spec)) }
}
