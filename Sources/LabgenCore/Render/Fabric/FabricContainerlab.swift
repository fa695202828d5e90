import LabFormats
import LabModel

/// The containerlab side of a routed fabric: plain hosts and the point-to-point links.
enum FabricContainerlab {
    /// A plain host: a `linux` node of its own (no `network-mode`), its address and default route.
    static func hostNodes(_ plan: LabPlan) -> [YAMLPair] {
        plan.hosts.map { host in
            YAMLPair(
                key: host.name,
                value: .mapping([
                    YAMLPair(key: "kind", value: .string("linux")),
                    YAMLPair(key: "image", value: .string(host.image)),
                    YAMLPair(
                        key: "exec",
                        value: .sequence([
                            .string("ip addr add \(host.address) dev \(host.interface)"),
                            .string("ip route replace default via \(host.defaultGateway)"),
                        ])),
                ]))
        }
    }

    /// Whether the link of a router's point-to-point interface is written from here, and its own MTU:
    /// a link is written once, from its `a` router (from the router for a host). A router-to-router link
    /// carries the MTU of its interfaces (the link's, else the router's), so that both agree with it.
    static func linkFrom(_ router: String, _ interface: GatewayInterfacePlan, in plan: LabPlan) -> (Bool, mtu: Int?) {
        guard let peer = interface.peer else { return (false, nil) }
        if plan.hosts.contains(where: { $0.name == peer.node }) { return (true, nil) }
        guard let link = plan.links.first(where: { $0.a.router == router && $0.a.interface == interface.name }) else {
            return (false, nil)
        }
        return (true, link.mtu ?? interface.mtu)
    }

    /// A link with the link's own MTU, else the topology's.
    static func link(_ a: String, _ b: String, mtu: Int?, topologyMTU: Int?) -> YAMLValue {
        var fields = [YAMLPair(key: "endpoints", value: .sequence([.string(a), .string(b)], style: .flow))]
        if let mtu = mtu ?? topologyMTU { fields.append(YAMLPair(key: "mtu", value: .int(mtu))) }
        return .mapping(fields)
    }
}
