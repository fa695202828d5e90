import LabFormats
import LabModel

/// LG053: every rack subnet behind a BGP router is put into BGP by that router, so that the other routers
/// (and through them the other racks) learn it. Whether every router then learns it over the sessions is
/// LG022's check.
enum RackAnnouncementCheck {
    static func check(_ view: FabricView) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var reported = Set<String>()
        for rack in view.racks where !rack.nodes.isEmpty {
            for port in rack.ports {
                let router = port.gateway
                guard let vyos = view.routers[router], let bgp = vyos.bgp, !bgp.neighbors.isEmpty, !bgp.inVRF,
                    reported.insert("\(router) \(rack.subnet)").inserted
                else { continue }
                // Routers that run BGP and have no static route to the rack: they depend on the announcement.
                let dependents = view.bgpRouters.filter { other in
                    other.name != router
                        && !(view.racks.contains { r in
                            r.subnet == rack.subnet && r.ports.contains { $0.gateway == other.name }
                        })
                        && !other.vyos.staticRoutes.contains { $0.destination.value.contains(rack.subnet) }
                }.map(\.name)
                guard !dependents.isEmpty else { continue }
                let (announced, unmatched) = announcement(view, router, vyos, bgp, rack.subnet)
                if announced { continue }
                let who = dependents.joined(separator: ", ")
                if let unmatched {
                    result.append(
                        .error(
                            RuleID.rackAnnouncement,
                            "\(router) puts \(unmatched.value) into BGP with 'network', but has no route "
                                + "\(unmatched.value) (rack subnet \(rack.subnet) is connected): FRR announces a "
                                + "network only when that exact route exists (bgp network import-check, the default of "
                                + "VyOS 1.3 and later), so \(who) never learn rack \(rack.subnet); write 'network "
                                + "\(rack.subnet)' or 'redistribute connected'",
                            at: unmatched.location,
                            notes: [.init("\(router) serves \(rack.subnet) here", at: port.address.location)]))
                } else {
                    result.append(
                        .error(
                            RuleID.rackAnnouncement,
                            "\(router) serves rack subnet \(rack.subnet) but does not put it into BGP (no "
                                + "'network \(rack.subnet)', no 'redistribute connected'): \(who) never learn it, and "
                                + "the other racks cannot reach it",
                            at: bgp.location,
                            notes: [.init("\(router) serves \(rack.subnet) here", at: port.address.location)]))
                }
            }
        }
        return result
    }

    /// Whether the router announces `subnet`, and the covering `network` that FRR's import check drops.
    static func announcement(
        _ view: FabricView, _ router: String, _ vyos: VyOSFacts, _ bgp: RoutingProtocolFacts, _ subnet: IPv4Prefix
    ) -> (Bool, Located<IPv4Prefix>?) {
        let connected = view.connected(router).map(\.subnet)
        if bgp.redistributeConnected, connected.contains(where: { $0.contains(subnet) }) { return (true, nil) }
        let statics = vyos.staticRoutes.map(\.destination.value)
        if bgp.redistributeStatic, statics.contains(where: { $0.contains(subnet) }) { return (true, nil) }
        let covering = bgp.networks.filter { $0.value.contains(subnet) }
        guard !covering.isEmpty else { return (false, nil) }
        // VyOS 1.2's FRR announces a network as written; 1.3 and later only one that is a route of the router.
        let importCheck = view.releaseSeries(router).map { $0 != .crux } ?? false
        if !importCheck { return (true, nil) }
        if covering.first(where: { network in
            connected.contains(network.value) || statics.contains(network.value)
        }) != nil {
            return (true, nil)
        }
        return (false, covering.first)
    }
}
