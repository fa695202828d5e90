import LabModel

/// A VyOS router that is the default gateway of its racks.
///
/// Its rack-facing interfaces are `eth1`, `eth2`, ... in rack order (`eth0` is containerlab's
/// management interface, out of which the racks are masqueraded).
public struct Gateway: LabElement, Sendable {
    let spec: GatewaySpec

    /// - Parameters:
    ///   - name: the node name in the topology, and the router's host-name.
    ///   - vyos: the VyOS release (`1.2.8`, `1.4.9`): it selects the config.boot dialect.
    ///   - image: the container image; defaults to `<registry>/vyos/vyos:<release>`.
    public init(
        _ name: String, vyos: String, image: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column,
        @GatewayBuilder _ content: () -> [GatewayComponent] = { [] }
    ) {
        var spec = GatewaySpec(name: name, vyos: vyos, image: image, location: Written(fileID, line, column).location)
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
        spec = MasqueradeSpec(source: source, outbound: outbound, rule: rule, location: Written(fileID, line, column).location)
    }
}

/// A static route on a gateway.
public struct StaticRoute: Sendable {
    let spec: StaticRouteSpec

    public init(
        _ destination: String, via nextHop: String,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        spec = StaticRouteSpec(destination: destination, nextHop: nextHop, location: Written(fileID, line, column).location)
    }
}
