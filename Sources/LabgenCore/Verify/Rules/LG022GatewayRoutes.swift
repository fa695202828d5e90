import LabModel

extension RuleID {
    public static let gatewayRoutes: DiagnosticID = "LG022"
}

enum GatewayRoutesRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.gatewayRoutes, summary: "with several gateways, each routes to the racks behind the others",
        explanation: """
            When racks sit behind different gateways, a node's packets to another rack go to its own gateway, which
            must have a route to that rack's subnet (`protocols static route <subnet> next-hop <other gateway>`) whose
            next hop is on one of its own subnets and is the gateway that owns the rack. Without the route the packets
            leave through the default route (containerlab's management network) and are lost: nodes in different
            racks cannot reach each other, the kubelets of one rack never reach the API server in another.
            A route learned dynamically counts too: a router that announces the rack subnet (BGP `network`, or
            `redistribute connected`/`static`, OSPF `area N network` or `interface`) and BGP sessions (configured on
            both routers) or OSPF adjacencies (both routers run OSPF on a shared subnet) from it to the gateway,
            hop by hop through spines. Redistribution between BGP and OSPF is assumed, AS paths are not checked.
            """, severity: .error)

    /// Every gateway has a route, via the owning gateway, to each rack subnet behind another gateway.
    static func check(_ lab: LabView) -> [Diagnostic] {
        let gateways = lab.gateways
        let rackBridges = Set(lab.servers.compactMap(\.bridge))
        // Rack subnet -> the gateway ports on it (the gateways that own the rack).
        var racks: [(subnet: IPv4Prefix, bridge: String, owners: [GatewayPort])] = []
        for bridge in rackBridges.sorted() {
            guard let ports = lab.gatewayPorts[bridge], let first = ports.first else { continue }
            racks.append((first.address.value.subnet, bridge, ports))
        }
        guard Set(racks.flatMap { $0.owners.map(\.gateway) }).count >= 2 else { return [] }
        var diagnostics = DiagnosticList()
        var seenSubnets = Set<IPv4Prefix>()
        racks = racks.filter { seenSubnets.insert($0.subnet).inserted }
        var nodeAddresses = Set(lab.kindNodes.compactMap { $0.nodeIP?.value })
        for node in lab.facts.clab?.nodes ?? [] where gateways[node.name.value] == nil {
            if node.networkMode?.value.hasPrefix("container:") == true || !node.defaultRoutes.isEmpty {
                nodeAddresses.formUnion(node.addresses.map(\.address.address))
            }
        }
        var routing = RoutingGraph(gateways: gateways, hosts: nodeAddresses)
        routing.importChecking = lab.importCheckingRouters
        var learnersBySubnet: [IPv4Prefix: Set<String>] = [:]
        var addressesOf: [String: Set<IPv4Address>] = [:]
        for (name, vyos) in gateways.sorted(by: { $0.key < $1.key }) {
            let connected = vyos.interfaces.flatMap { $0.allAddresses.map(\.value.subnet) }
            if connected.isEmpty { continue }  // a pure L2 switch routes nothing
            for rack in racks where !rack.owners.contains(where: { $0.gateway == name }) {
                let owner = rack.owners[0]
                let ownerAddresses =
                    addressesOf[owner.gateway]
                    ?? Set(gateways[owner.gateway]?.interfaces.flatMap { $0.allAddresses.map(\.value.address) } ?? [])
                addressesOf[owner.gateway] = ownerAddresses
                let route = vyos.staticRoutes.filter { $0.destination.value.contains(rack.subnet) }
                    .max { $0.destination.value.length < $1.destination.value.length }
                if route == nil {
                    let learners = learnersBySubnet[rack.subnet] ?? routing.learners(of: rack.subnet)
                    learnersBySubnet[rack.subnet] = learners
                    if learners.contains(name) { continue }
                }
                let serves = Diagnostic.Note(
                    "gateway '\(owner.gateway)' serves \(rack.subnet) here", at: owner.address.location)
                guard let route else {
                    diagnostics.error(
                        RuleID.gatewayRoutes,
                        "gateway '\(name)' has no route to rack subnet \(rack.subnet) (\(lab.describe(rack.bridge)), "
                            + "behind gateway '\(owner.gateway)'): its racks cannot reach that rack (no static route, "
                            + "and no BGP/OSPF session path to a router that announces it)",
                        at: vyos.interfaces.first?.name.location ?? SourceLocation(file: vyos.file, line: 1, column: 1),
                        notes: [serves])
                    continue
                }
                for hop in route.nextHops {
                    if !connected.contains(where: { $0.contains(hop.value) }) {
                        diagnostics.error(
                            RuleID.gatewayRoutes,
                            "next hop \(hop.value) of gateway '\(name)''s route to \(route.destination.value) is on "
                                + "none of its subnets (\(connected.map(\.description).joined(separator: ", ")))",
                            at: hop.location)
                    } else if !ownerAddresses.contains(hop.value) {
                        diagnostics.warning(
                            RuleID.gatewayRoutes,
                            "gateway '\(name)' routes \(rack.subnet) via \(hop.value), which is not an address of "
                                + "gateway '\(owner.gateway)' that serves it",
                            at: hop.location, notes: [serves])
                    }
                }
                if route.nextHops.isEmpty {
                    diagnostics.error(
                        RuleID.gatewayRoutes, "gateway '\(name)''s route to \(route.destination.value) has no next hop",
                        at: route.destination.location)
                }
            }
        }
        return diagnostics.all
    }
}
