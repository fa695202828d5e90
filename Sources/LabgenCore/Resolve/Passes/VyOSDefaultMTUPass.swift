import LabModel

/// From 1.3 on, VyOS applies its default MTU of 1500 to every ethernet interface that sets none,
/// while containerlab gives both ends of a link the link's MTU (the topology's, or 9500). A gateway
/// port left at 1500 on a 9500 link drops every frame larger than 1500 that a node sends it, with no
/// ICMP error: pings pass, large transfers across racks stall. So every interface of a 1.3+ gateway
/// without an MTU of its own (a router's `mtu:`, a link's) gets the link MTU written. 1.2 keeps the
/// link's MTU by itself and is left as it is (the reference lab's gateway is 1.2); a link MTU of 1500
/// is VyOS's default already and is not written either.
struct VyOSDefaultMTUPass: ResolverPass {
    let gateways: [GatewayPlan]
    let topologyMTU: Int?

    func run(_ context: inout ResolveContext) -> [GatewayPlan] {
        let linkMTU = topologyMTU ?? Conventions.containerlabLinkMTU
        var gateways = gateways
        guard linkMTU != Conventions.vyosDefaultMTU else { return gateways }
        for index in gateways.indices where VyOSRenderer.dialect(of: gateways[index].release) != .crux {
            guard gateways[index].interfaces.contains(where: { $0.mtu == nil }) else { continue }
            guard Conventions.vyosMTURange.contains(linkMTU) else {
                context.diagnostics.error(
                    .invalidMTU,
                    "gateway '\(gateways[index].name)' (VyOS \(gateways[index].release.series)) cannot run the "
                        + "link MTU \(linkMTU) on its interfaces: VyOS accepts 68...16000",
                    at: gateways[index].location ?? context.spec.location)
                continue
            }
            for i in gateways[index].interfaces.indices where gateways[index].interfaces[i].mtu == nil {
                gateways[index].interfaces[i].mtu = linkMTU
            }
        }
        return gateways
    }
}
