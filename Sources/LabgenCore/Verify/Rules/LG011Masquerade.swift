import LabModel

extension RuleID {
    public static let masquerade: DiagnosticID = "LG011"
}

enum MasqueradeRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.masquerade, summary: "source NAT masquerades every node subnet out of a non-rack interface",
        explanation: """
            When servers route through the gateway, a `nat source rule` with `translation address masquerade` on an
            outbound interface that is not a rack interface (eth0 in the reference) must cover every node subnet.
            Otherwise the nodes lose outside access: image pulls, DNS and apt in the lab fail (a warning).
            """, severity: .warning)

    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        // The bridges with a server routing via one of the bridge's gateway ports (one walk over the servers).
        var routedBridges = Set<String>()
        for server in lab.servers {
            guard let bridge = server.bridge, !routedBridges.contains(bridge), let ports = lab.gatewayPorts[bridge]
            else { continue }
            if server.node.defaultRoutes.contains(where: { route in
                ports.contains { $0.address.value.address == route.value }
            }) {
                routedBridges.insert(bridge)
            }
        }
        // Each gateway's interfaces on a segment, worked out once per gateway (not once per port).
        var rackInterfacesOf: [String: Set<String>] = [:]
        for (bridge, ports) in lab.gatewayPorts.sorted(by: { $0.key < $1.key }) {
            guard routedBridges.contains(bridge) else { continue }
            for port in ports {
                guard let vyos = lab.gateways[port.gateway] else { continue }
                let rackInterfaces =
                    rackInterfacesOf[port.gateway]
                    ?? Set(
                        vyos.interfaces.filter { lab.attachment["\(port.gateway):\($0.name.value)"] != nil }.map(
                            \.name.value))
                rackInterfacesOf[port.gateway] = rackInterfaces
                let subnet = port.address.value.subnet
                let covered = vyos.natRules.contains { rule in
                    rule.masquerade && !rackInterfaces.contains(rule.outboundInterface?.value ?? "")
                        && (rule.source.map { $0.value.contains(subnet) } ?? true)
                }
                if !covered {
                    diagnostics.warning(
                        RuleID.masquerade,
                        "no source NAT masquerade rule of \(port.gateway) covers node subnet \(subnet) on a non-rack "
                            + "interface: nodes on \(bridge) lose outside access",
                        at: port.address.location,
                        notes: vyos.natRules.first.map {
                            [Diagnostic.Note("NAT rule \($0.number.value)", at: $0.number.location)]
                        }
                            ?? [])
                }
            }
        }
        return diagnostics.all
    }
}
