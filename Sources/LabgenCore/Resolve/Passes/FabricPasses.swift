import LabModel

/// Links and plain hosts of a routed fabric, once the gateways (routers) are resolved: they call
/// `FabricResolver` (Resolve/Fabric/) and claim its names and addresses.
struct FabricLinksPass: ResolverPass {
    let gateways: ResolvedGateways
    let serverImageDefault: String

    func run(_ context: inout ResolveContext) -> FabricResolver.Output {
        let spec = context.spec
        guard !spec.links.isEmpty || !spec.hosts.isEmpty || !spec.linkPools.isEmpty else {
            return FabricResolver.Output()
        }
        let resolved = spec.gateways.filter { gateways.index[$0.name] != nil }
        let fabric = FabricResolver.resolve(
            links: spec.links, pools: spec.linkPools, hosts: spec.hosts, routers: resolved,
            declared: Set(spec.gateways.map(\.name)), serverImage: serverImageDefault, into: &context.diagnostics)
        for host in spec.hosts { if let image = host.image { context.checkImage(image, at: host.location) } }
        for (name, what, location) in fabric.topologyNames {
            context.claimTopologyName(name, what: what, at: location)
        }
        for (address, what, location) in fabric.addresses { context.claimAddress(address, what: what, at: location) }
        return fabric
    }
}

/// BGP on the routers, the routers' MTU, the overlap of link and host subnets with one another
/// and the racks, and Calico's BGP: calls `FabricBGP` (Resolve/Fabric/).
struct FabricBGPPass: ResolverPass {
    struct Output {
        var gateways: [GatewayPlan]
        var racks: [RackPlan]
        var calicoBGP: CalicoBGPPlan?
    }

    let gateways: ResolvedGateways
    /// The gateways with their interfaces (`GatewayConfigPass`).
    let gatewayPlans: [GatewayPlan]
    let fabric: FabricResolver.Output
    let racks: [RackPlan]
    let nodes: [NodePlan]
    let cluster: ClusterSpec?
    let calicoInstall: CalicoInstallPlan?

    func run(_ context: inout ResolveContext) -> Output {
        let spec = context.spec
        var output = Output(gateways: gatewayPlans, racks: racks, calicoBGP: fabric.calicoBGP)
        // A router's MTU on every interface without a link MTU of its own (its racks' included).
        for router in spec.gateways {
            guard let mtu = router.mtu, let index = gateways.index[router.name] else { continue }
            guard FabricResolver.mtuRange.contains(mtu) else {
                context.diagnostics.error(
                    .invalidMTU, "router '\(router.name)' MTU \(mtu) is outside VyOS's 68...16000",
                    at: router.location)
                continue
            }
            for i in output.gateways[index].interfaces.indices where output.gateways[index].interfaces[i].mtu == nil {
                output.gateways[index].interfaces[i].mtu = router.mtu
            }
        }
        var subnets = fabric.subnets
        subnets += racks.map {
            ($0.subnet, what: "rack '\($0.name)' subnet \($0.subnet)", location: $0.location ?? spec.location)
        }
        if !fabric.subnets.isEmpty { checkOverlaps(subnets, &context) }
        let peers = cniBGP
        guard
            spec.gateways.contains(where: { $0.bgp != nil }) || spec.racks.contains(where: { $0.asn != nil })
                || peers != nil
        else { return output }
        let bgp = FabricBGP.resolve(
            routers: spec.gateways.filter { gateways.index[$0.name] != nil }, gateways: output.gateways,
            links: fabric.links, racks: racks, rackSpecs: spec.racks, nodes: nodes, cniPeersBGP: peers != nil,
            cniLocation: peers, into: &context.diagnostics)
        for index in output.gateways.indices { output.gateways[index].bgp = bgp.routers[output.gateways[index].name] }
        for index in output.racks.indices { output.racks[index].asn = bgp.rackAS[output.racks[index].name] }
        if let calico = cluster?.calicoBGPs.first, !(cluster?.pools.isEmpty ?? true) {
            if let asn = calico.asn, !FabricBGP.isValidAS(asn) {
                context.diagnostics.error(
                    .invalidASNumber, "Calico's BGP AS number \(asn) is reserved or out of range", at: calico.location)
            } else if let asn = calico.asn ?? output.racks.compactMap(\.asn).first {
                output.calicoBGP = CalicoBGPPlan(asNumber: asn)
            }
            if calicoInstall?.mode == .manifest {
                context.diagnostics.error(
                    .invalidCalicoInstall,
                    "Calico's BGP resources (projectcalico.org/v3) need Calico's API server, "
                        + "which the operator install runs; "
                        + "use install: .operator(...)", at: calico.location)
            }
        }
        return output
    }

    /// Where the cluster's CNI is told to peer BGP with the racks' routers, if it is.
    private var cniBGP: SourceLocation? {
        guard let cluster else { return nil }
        if let cilium = cluster.ciliums.first, cilium.bgp != nil { return cilium.location }
        if let calico = cluster.calicoBGPs.first, !cluster.pools.isEmpty { return calico.location }
        return nil
    }

    /// Sorted by network, each subnet is checked against the widest one before it (n log n).
    private func checkOverlaps(
        _ subnets: [(IPv4Prefix, what: String, location: SourceLocation)], _ context: inout ResolveContext
    ) {
        let sorted = subnets.sorted { ($0.0.network, $0.0.length) < ($1.0.network, $1.0.length) }
        var widest: (IPv4Prefix, what: String, location: SourceLocation)?
        for item in sorted {
            if let previous = widest, previous.0.overlaps(item.0),
                !(previous.what.hasPrefix("rack") && item.what.hasPrefix("rack"))
            {
                context.diagnostics.error(
                    .overlappingFabricSubnets, "\(item.what) overlaps \(previous.what)", at: item.location,
                    notes: [.init("\(previous.what) is declared here", at: previous.location)])
            }
            if widest == nil || item.0.broadcast > widest!.0.broadcast { widest = item }
        }
    }
}
