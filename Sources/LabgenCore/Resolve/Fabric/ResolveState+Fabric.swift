import LabModel

/// The resolver's two fabric passes: they call `FabricResolver` and `FabricBGP` with explicit
/// inputs and record what those return.
extension ResolveState {
    /// Links and plain hosts, once the gateways (routers) are resolved.
    mutating func resolveFabricLinks() {
        guard !spec.links.isEmpty || !spec.hosts.isEmpty || !spec.linkPools.isEmpty else { return }
        let resolved = spec.gateways.filter { gatewayIndex[$0.name] != nil }
        fabric = FabricResolver.resolve(
            links: spec.links, pools: spec.linkPools, hosts: spec.hosts, routers: resolved,
            declared: Set(spec.gateways.map(\.name)), serverImage: serverImageDefault, into: &diagnostics)
        for host in spec.hosts where host.image != nil { _ = checkImage(host.image!, at: host.location) }
        for (name, what, location) in fabric.topologyNames { claimTopologyName(name, what: what, at: location) }
        for (address, what, location) in fabric.addresses { claimAddress(address, what: what, at: location) }
    }

    /// BGP on the routers, and the overlap of link and host subnets with one another and the racks.
    mutating func resolveFabricBGP() {
        // A router's MTU on every interface without a link MTU of its own (its racks' included).
        for router in spec.gateways {
            guard let mtu = router.mtu, let index = gatewayIndex[router.name] else { continue }
            guard FabricResolver.mtuRange.contains(mtu) else {
                diagnostics.error(
                    .invalidMTU, "router '\(router.name)' MTU \(mtu) is outside VyOS's 68...16000", at: router.location)
                continue
            }
            for i in gateways[index].interfaces.indices where gateways[index].interfaces[i].mtu == nil {
                gateways[index].interfaces[i].mtu = router.mtu
            }
        }
        var subnets = fabric.subnets
        subnets += racks.map {
            ($0.subnet, what: "rack '\($0.name)' subnet \($0.subnet)", location: $0.location ?? spec.location)
        }
        if !fabric.subnets.isEmpty { checkFabricOverlaps(subnets) }
        guard
            spec.gateways.contains(where: { $0.bgp != nil }) || spec.racks.contains(where: { $0.asn != nil })
                || cniBGP != nil
        else {
            return
        }
        let peers = cniBGP
        let bgp = FabricBGP.resolve(
            routers: spec.gateways.filter { gatewayIndex[$0.name] != nil }, gateways: gateways, links: fabric.links,
            racks: racks, rackSpecs: spec.racks, nodes: nodes, cniPeersBGP: peers != nil, cniLocation: peers,
            into: &diagnostics)
        for index in gateways.indices { gateways[index].bgp = bgp.routers[gateways[index].name] }
        for index in racks.indices { racks[index].asn = bgp.rackAS[racks[index].name] }
        if let calico = cluster?.calicoBGPs.first, !(cluster?.pools.isEmpty ?? true) {
            if let asn = calico.asn, !FabricBGP.isValidAS(asn) {
                diagnostics.error(
                    .invalidASNumber, "Calico's BGP AS number \(asn) is reserved or out of range", at: calico.location)
            } else if let asn = calico.asn ?? racks.compactMap(\.asn).first {
                fabric.calicoBGP = CalicoBGPPlan(asNumber: asn)
            }
            if calicoInstall?.mode == .manifest {
                diagnostics.error(
                    .invalidCalicoInstall,
                    "Calico's BGP resources (projectcalico.org/v3) need Calico's API server, "
                        + "which the operator install runs; "
                        + "use install: .operator(...)", at: calico.location)
            }
        }
    }

    /// Where the cluster's CNI is told to peer BGP with the racks' routers, if it is.
    var cniBGP: SourceLocation? {
        guard let cluster else { return nil }
        if let cilium = cluster.ciliums.first, cilium.bgp != nil { return cilium.location }
        if let calico = cluster.calicoBGPs.first, !cluster.pools.isEmpty { return calico.location }
        return nil
    }

    /// Sorted by network, each subnet is checked against the widest one before it (n log n).
    private mutating func checkFabricOverlaps(_ subnets: [(IPv4Prefix, what: String, location: SourceLocation)]) {
        let sorted = subnets.sorted { ($0.0.network, $0.0.length) < ($1.0.network, $1.0.length) }
        var widest: (IPv4Prefix, what: String, location: SourceLocation)?
        for item in sorted {
            if let previous = widest, previous.0.overlaps(item.0),
                !(previous.what.hasPrefix("rack") && item.what.hasPrefix("rack"))
            {
                diagnostics.error(
                    .overlappingFabricSubnets, "\(item.what) overlaps \(previous.what)", at: item.location,
                    notes: [.init("\(previous.what) is declared here", at: previous.location)])
            }
            if widest == nil || item.0.broadcast > widest!.0.broadcast { widest = item }
        }
    }
}
