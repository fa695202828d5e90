import LabModel

extension RuleID {
    public static let gatewaySubnet: DiagnosticID = "LG003"
}

enum GatewaySubnetRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.gatewaySubnet,
        summary: "each node address lies in the subnet of the gateway interface on its bridge",
        explanation: """
            Following the links server interface -> bridge -> gateway interface, the server's address must lie in the
            subnet of the gateway's address on the same bridge, with the same prefix length. Otherwise the node
            cannot ARP for its gateway: cross-rack traffic and everything outside the rack is dropped.
            """, severity: .error)

    /// Following server -> segment -> gateway port: the server's rack address in the port's subnet, with its length.
    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        for server in lab.servers {
            guard let address = server.rackAddress, let bridge = server.bridge,
                let ports = lab.gatewayPorts[bridge], let first = ports.first
            else { continue }
            let name = server.node.name.value
            if let port = ports.first(where: { $0.address.value.subnet.contains(address.address.address) }) {
                if port.address.value.length != address.address.length {
                    diagnostics.error(
                        RuleID.gatewaySubnet,
                        "\(name) assigns \(address.address) but the gateway interface "
                            + "\(port.gateway):\(port.interface.name.value) on \(bridge) has "
                            + "/\(port.address.value.length)",
                        at: address.location,
                        notes: [Diagnostic.Note("gateway address \(port.address.value)", at: port.address.location)])
                }
            } else {
                diagnostics.error(
                    RuleID.gatewaySubnet,
                    "\(name) assigns \(address.address), outside \(first.address.value.subnet) of gateway interface "
                        + "\(first.gateway):\(first.interface.name.value) on \(bridge)",
                    at: address.location,
                    notes: [Diagnostic.Note("gateway address \(first.address.value)", at: first.address.location)])
            }
        }
        return diagnostics.all
    }
}
