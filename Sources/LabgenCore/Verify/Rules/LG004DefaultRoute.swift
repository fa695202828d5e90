import LabModel

extension RuleID {
    public static let defaultRoute: DiagnosticID = "LG004"
}

enum DefaultRouteRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.defaultRoute, summary: "each server's default route points at the gateway on its own bridge",
        explanation: """
            `ip route replace default via GW` must name the gateway's address on the server's own bridge. A gateway
            of another rack is not on-link: `ip route` fails with "Nexthop has invalid gateway" and the node keeps
            kind's default route through docker, so cross-rack traffic never crosses the VyOS router.
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        for server in lab.servers {
            guard let address = server.rackAddress, let bridge = server.bridge else { continue }
            let name = server.node.name.value
            let ports = lab.gatewayPorts[bridge] ?? []
            for route in server.node.defaultRoutes {
                if ports.contains(where: { $0.address.value.address == route.value }) { continue }
                // A default route via another interface of the server (a second network) is not about this rack.
                if !address.address.subnet.contains(route.value),
                    server.node.addresses.contains(where: { $0 != address && $0.address.subnet.contains(route.value) })
                {
                    continue
                }
                if let port = ports.first {
                    diagnostics.error(
                        RuleID.defaultRoute,
                        "\(name) routes via \(route.value), but the gateway on its bridge \(bridge) is "
                            + "\(port.address.value.address)",
                        at: route.location,
                        notes: [
                            Diagnostic.Note(
                                "\(port.gateway):\(port.interface.name.value) has \(port.address.value)",
                                at: port.address.location)
                        ])
                } else if !address.address.subnet.contains(route.value) {
                    diagnostics.error(
                        RuleID.defaultRoute,
                        "\(name) routes via \(route.value), which is not on-link in \(address.address.subnet)",
                        at: route.location, notes: [Diagnostic.Note("address assigned here", at: address.location)])
                }
            }
        }
        return diagnostics.all
    }
}
