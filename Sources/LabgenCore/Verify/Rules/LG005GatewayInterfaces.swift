import LabModel

extension RuleID {
    public static let gatewayInterfaces: DiagnosticID = "LG005"
}

enum GatewayInterfacesRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.gatewayInterfaces,
        summary: "gateway interfaces in links have addresses, and addressed interfaces are linked",
        explanation: """
            Every gateway interface that a link attaches to a rack bridge needs an address in the VyOS config (on the
            interface, on a `vif` of it, or on a VyOS `bridge` it is a `member interface` of; else the rack has no
            router), and every addressed VyOS ethernet interface other than eth0 (containerlab's
            management interface) should be linked (else the interface does not exist in the container and VyOS
            fails to apply that part of the config at boot).
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        guard let clab = lab.facts.clab else { return [] }
        var diagnostics = DiagnosticList()
        var linked = Set<String>()
        for link in clab.links {
            for endpoint in link.endpoints where lab.gateways[endpoint.node] != nil {
                linked.insert(endpoint.key)
                guard let bridge = lab.attachment[endpoint.key]?.bridge, let vyos = lab.gateways[endpoint.node] else {
                    continue
                }
                let interface = vyos.interfaces.first { $0.name.value == endpoint.interface }
                // A switch port (member of a VyOS bridge or bond) or a trunk (vifs) needs no address of its own.
                let switchPort =
                    vyos.interfaces.contains { $0.members.contains(endpoint.interface) }
                    || interface?.vifs.isEmpty == false
                if LabView.portAddresses(vyos, endpoint.interface).isEmpty && !switchPort {
                    diagnostics.error(
                        RuleID.gatewayInterfaces,
                        "\(endpoint.key) is linked to \(lab.describe(bridge)) but has no address in \(vyos.file) "
                            + "(not on the interface, a vif of it, or a VyOS bridge it is a member of)",
                        at: endpoint.location,
                        notes: [
                            Diagnostic.Note(
                                "the VyOS config",
                                at: interface?.name.location ?? SourceLocation(file: vyos.file, line: 1, column: 1))
                        ])
                }
            }
        }
        for (name, vyos) in lab.gateways.sorted(by: { $0.key < $1.key }) {
            for interface in vyos.interfaces
            where interface.type == "ethernet" && interface.name.value != "eth0" && !interface.allAddresses.isEmpty
                && !linked.contains("\(name):\(interface.name.value)")
            {
                diagnostics.warning(
                    RuleID.gatewayInterfaces,
                    "\(name) \(interface.name.value) has address \(interface.allAddresses[0].value) but no link in "
                        + "the topology: the interface will not exist",
                    at: interface.allAddresses[0].location)
            }
        }
        return diagnostics.all
    }
}
