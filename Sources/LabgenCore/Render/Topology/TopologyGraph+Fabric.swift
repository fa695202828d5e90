import LabModel

/// The routed fabric in the picture: a router's AS and its point-to-point links as lines of its box,
/// and each plain host as a column of its own under its router (like a rack without nodes).
extension TopologyGraph {
    /// `BGP AS 65001`, then `eth1 10.1.10.1/24` and `to spine0 eth1` for each link interface.
    static func fabricLines(_ gateway: GatewayPlan, _ plan: LabPlan) -> [String] {
        var lines: [String] = []
        if let bgp = gateway.bgp {
            lines.append("BGP AS \(bgp.asn)" + (bgp.multipathRelax ? ", multipath-relax" : ""))
        }
        let hosts = Set(plan.hosts.map(\.name))
        for interface in gateway.interfaces {
            guard let peer = interface.peer, !hosts.contains(peer.node) else { continue }
            lines.append("\(interface.name) \(interface.address)")
            lines.append("to \(peer.node.debugEscaped) \(peer.interface)")
        }
        return lines
    }

    /// A column per plain host, linked from its router's interface.
    static func hostColumns(_ plan: LabPlan, gateways: [Element], links: inout [Link]) -> [Column] {
        plan.hosts.enumerated().map { index, host in
            let head = Element(
                id: "h\(index)", key: "host \(host.name.debugEscaped)", kind: .network, title: host.name.debugEscaped,
                lines: ["plain host", "\(host.address) via \(host.defaultGateway)"])
            let router = plan.gateways.firstIndex { $0.name == host.router }
            if let router {
                links.append(
                    Link(
                        from: gateways[router].id, to: head.id, kind: .rack,
                        label: "\(host.routerInterface) \(host.defaultGateway)/\(host.address.length)",
                        key: "\(gateways[router].key) -- \(head.key)"))
            }
            return Column(head: head, nodes: [], gateway: router)
        }
    }
}
