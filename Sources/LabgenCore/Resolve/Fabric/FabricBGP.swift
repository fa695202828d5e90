import LabModel

/// BGP on the routers: neighbours from the links and, when the CNI peers BGP, from the racks'
/// nodes; the announced subnets; ECMP. Runs once interfaces, racks and nodes are resolved.
enum FabricBGP {
    /// AS numbers BGP speakers may not use: 0 (RFC 7607), AS_TRANS 23456 (RFC 6793), 65535 and
    /// 4294967295 (RFC 7300).
    static let reservedAS: Set<Int> = [0, 23456, 65535, 4_294_967_295]

    /// What the BGP pass hands back: each router's BGP (by name) and each rack's node AS (by name).
    struct Output {
        var routers: [String: BGPRouterPlan] = [:]
        var rackAS: [String: Int] = [:]
    }

    /// - Parameters:
    ///   - cniPeersBGP: the cluster's CNI peers BGP with the racks' routers (Cilium or Calico with `bgp:`);
    ///     `cniLocation` is where it is written.
    static func resolve(
        routers: [GatewaySpec], gateways: [GatewayPlan], links: [LinkPlan], racks: [RackPlan], rackSpecs: [RackSpec],
        nodes: [NodePlan], cniPeersBGP: Bool, cniLocation: SourceLocation?, into diagnostics: inout DiagnosticList
    ) -> Output {
        var out = Output()
        var asOf: [String: Int] = [:]
        var routerIDs: [IPv4Address: String] = [:]
        let specs = Dictionary(routers.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for router in routers {
            guard let bgp = router.bgp else { continue }
            if bgp.asn == 0 && (bgp.routerID != nil || bgp.routeReflector) {
                diagnostics.error(
                    .invalidRouterID,
                    "router '\(router.name)' has BGP settings (routerID:, routeReflector:) but no asn:",
                    at: router.location)
                continue
            }
            guard validAS(bgp.asn, "router '\(router.name)'", at: router.location, into: &diagnostics) else { continue }
            asOf[router.name] = bgp.asn
            if let text = bgp.routerID {
                guard let id = IPv4Address(text) else {
                    diagnostics.error(
                        .invalidRouterID, "router '\(router.name)' router-id: \(ValueParsing.addressProblem(text))",
                        at: router.location)
                    continue
                }
                if let other = routerIDs[id] {
                    diagnostics.error(
                        .invalidRouterID,
                        "router '\(router.name)' has router-id \(id), which router '\(other)' already has "
                            + "(BGP refuses a peer with its own id)",
                        at: router.location,
                        notes: [.init("router '\(other)' is declared here", at: specs[other]?.location)])
                }
                routerIDs[id] = router.name
            }
        }
        let rackRouters = Set(racks.compactMap(\.gateway))
        checkSharedAS(
            routers: routers.filter { rackRouters.contains($0.name) }, asOf: asOf, links: links, into: &diagnostics)

        // The racks' node AS numbers, when the CNI peers BGP.
        let nodeAddress = Dictionary(
            nodes.compactMap { node in node.attachment.map { (node.name, $0.address.address) } },
            uniquingKeysWith: { a, _ in a })
        if cniPeersBGP {
            let rackSpec = Dictionary(rackSpecs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            for rack in racks {
                guard let spec = rackSpec[rack.name] else { continue }
                guard let router = rack.gateway, let routerAS = asOf[router] else {
                    diagnostics.error(
                        .rackLeafMissing,
                        rack.gateway.map {
                            "rack '\(rack.name)': its router '\($0)' has no AS number, but the CNI peers BGP with it; "
                                + "write Router(\"\($0)\", asn: ...)"
                        }
                            ?? ("rack '\(rack.name)' has no router for its nodes to peer BGP with; "
                                + "give it Rack(..., router:) naming a Router with an asn:"),
                        at: spec.location,
                        notes: cniLocation.map { [.init("the CNI's BGP is declared here", at: $0)] } ?? [])
                    continue
                }
                if let asn = spec.asn, !validAS(asn, "rack '\(rack.name)'", at: spec.location, into: &diagnostics) {
                    continue
                }
                out.rackAS[rack.name] = spec.asn ?? routerAS
            }
        } else {
            for spec in rackSpecs where spec.asn != nil {
                diagnostics.error(
                    .rackLeafMissing,
                    "rack '\(spec.name)' has an asn: but the cluster's CNI does not peer BGP "
                        + "(Cilium(..., bgp:) or Calico(..., bgp:))",
                    at: spec.location)
            }
        }

        for gateway in gateways {
            guard let asn = asOf[gateway.name], let spec = specs[gateway.name]?.bgp else { continue }
            var neighbors: [BGPNeighborPlan] = []
            var networks: Set<IPv4Prefix> = []
            var ebgpLinks = 0
            for link in links {
                for (mine, other) in [(link.a, link.b), (link.b, link.a)] where mine.router == gateway.name {
                    networks.insert(link.subnet)
                    guard let remote = asOf[other.router] else { continue }
                    if remote != asn { ebgpLinks += 1 }
                    neighbors.append(
                        BGPNeighborPlan(
                            address: other.address.address, remoteAS: remote, routeReflectorClient: false,
                            peer: other.router))
                }
            }
            for interface in gateway.interfaces where interface.peer != nil || interface.rack != nil {
                networks.insert(interface.address.subnet)
            }
            for rack in racks where rack.gateway == gateway.name {
                guard let rackAS = out.rackAS[rack.name] else { continue }
                for node in rack.nodeNames {
                    guard let address = nodeAddress[node] else { continue }
                    neighbors.append(
                        BGPNeighborPlan(
                            address: address, remoteAS: rackAS, routeReflectorClient: spec.routeReflector, peer: node))
                }
            }
            out.routers[gateway.name] = BGPRouterPlan(
                asn: asn, routerID: spec.routerID.flatMap(IPv4Address.init),
                neighbors: neighbors.sorted { $0.address < $1.address },
                networks: networks.sorted { ($0.network, $0.length) < ($1.network, $1.length) },
                multipathRelax: ebgpLinks >= 2)
        }
        return out
    }

    static func isValidAS(_ asn: Int) -> Bool { (1...4_294_967_294).contains(asn) && !reservedAS.contains(asn) }

    private static func validAS(
        _ asn: Int, _ what: String, at location: SourceLocation, into diagnostics: inout DiagnosticList
    )
        -> Bool
    {
        if (1...4_294_967_294).contains(asn) && !reservedAS.contains(asn) { return true }
        diagnostics.error(
            .invalidASNumber,
            "\(what) AS number \(asn) is \(reservedAS.contains(asn) ? "reserved" : "outside 1...4294967294"); "
                + "private AS numbers are 64512...65534 and 4200000000...4294967294",
            at: location)
        return false
    }

    /// Two rack routers (leaves) of one AS that are not linked: eBGP's loop prevention drops the rack
    /// routes of one at the other when they travel through a router of another AS (the AS is already in
    /// the path). Spines sharing an AS are the usual design and are not reported.
    private static func checkSharedAS(
        routers: [GatewaySpec], asOf: [String: Int], links: [LinkPlan], into diagnostics: inout DiagnosticList
    ) {
        var first: [Int: GatewaySpec] = [:]
        let linked = Set(links.flatMap { [[$0.a.router, $0.b.router], [$0.b.router, $0.a.router]] })
        for router in routers {
            guard let asn = asOf[router.name] else { continue }
            guard let other = first[asn] else {
                first[asn] = router
                continue
            }
            if !linked.contains([other.name, router.name]) {
                diagnostics.warning(
                    .sharedASNumber,
                    "rack routers '\(other.name)' and '\(router.name)' share AS \(asn) without a link between them: "
                        + "a rack route from one reaches the other through another AS, which drops it as an AS-path loop; "
                        + "give each its own AS",
                    at: router.location, notes: [.init("router '\(other.name)' is declared here", at: other.location)])
            }
        }
    }
}
