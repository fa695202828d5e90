import LabModel

/// Gateway configuration, once the racks and the transit link are known: each gateway's
/// interfaces (its racks in rack order, then the transit link), source NAT rules and static routes.
struct GatewayConfigPass: ResolverPass {
    let gateways: ResolvedGateways
    let racks: [RackPlan]
    let transit: TransitPlan?
    let nodePool: NodePool?
    /// The routers' interfaces on point-to-point links (`FabricLinksPass`).
    let fabric: FabricResolver.Output

    func run(_ context: inout ResolveContext) -> [GatewayPlan] {
        var plans = gateways.plans
        for gatewaySpec in context.spec.gateways {
            guard let index = gateways.index[gatewaySpec.name] else { continue }
            let interfaces = self.interfaces(of: gatewaySpec.name)
            plans[index].interfaces = interfaces
            plans[index].masquerades = masquerades(of: gatewaySpec, interfaces: interfaces, &context)
            plans[index].staticRoutes = staticRoutes(of: gatewaySpec, interfaces: interfaces, &context)
        }
        return plans
    }

    /// The gateway's link interfaces, then the first free `ethN` on each of its racks in rack order;
    /// the transit interface comes last. Sorted by name.
    private func interfaces(of gateway: String) -> [GatewayInterfacePlan] {
        var interfaces: [GatewayInterfacePlan] = fabric.interfaces[gateway] ?? []
        for rack in racks where rack.gateway == gateway {
            guard let address = rack.gatewayAddress else { continue }
            interfaces.append(
                GatewayInterfacePlan(
                    name: FabricInterfaces.nextFree(interfaces.map(\.name)),
                    address: IPv4Interface(address, length: rack.subnet.length),
                    rack: rack.name, bridge: rack.bridge, bridgePort: "\(rack.bridge)-net\(rack.nodeNames.count)"))
        }
        if let transit, let member = transit.members.firstIndex(where: { $0.gateway == gateway }) {
            interfaces.append(
                GatewayInterfacePlan(
                    name: FabricInterfaces.nextFree(interfaces.map(\.name)),
                    address: IPv4Interface(transit.members[member].address, length: transit.subnet.length),
                    rack: nil, bridge: transit.bridge, bridgePort: "\(transit.bridge)-net\(member)"))
        }
        return FabricInterfaces.sorted(interfaces)
    }

    /// The written `Masquerade`s, else one rule per default source out of `eth0`; numbered from
    /// 100 unless written, each number once per gateway.
    private func masquerades(
        of gateway: GatewaySpec, interfaces: [GatewayInterfacePlan], _ context: inout ResolveContext
    ) -> [MasqueradePlan] {
        var rules: [MasqueradePlan] = []
        var usedRules = Claims<Int>(check: .duplicateName)
        // The node pool, else every rack subnet of this gateway (never the transit subnet).
        let defaultSources: [IPv4Prefix] =
            nodePool.map { [$0.prefix] } ?? interfaces.filter { $0.rack != nil }.map(\.address.subnet)
        for rule in gateway.masquerades {
            if let problem = Names.linuxInterfaceProblem(rule.outbound) {
                context.diagnostics.error(
                    .interfaceNameTooLong, "masquerade outbound interface: \(problem)", at: rule.location)
                continue
            }
            if let problem = ToolGrammars.vyosInterfaceProblem(rule.outbound) {
                context.diagnostics.error(
                    .invalidVyOSValue, "masquerade outbound interface: \(problem)", at: rule.location)
                continue
            }
            var sources: [IPv4Prefix] = []
            if let text = rule.source {
                if let prefix = ValueParsing.prefix(
                    text, what: "masquerade source", at: rule.location, into: &context.diagnostics)
                {
                    sources = [prefix]
                }
            } else {
                sources = defaultSources
            }
            for (offset, source) in sources.enumerated() {
                let number = (rule.rule ?? (100 + rules.count)) + (rule.rule == nil ? 0 : offset)
                if !(1...9999).contains(number) {
                    context.diagnostics.error(
                        .invalidNumber, "NAT rule number \(number) is outside 1...9999", at: rule.location)
                    continue
                }
                let claimed = usedRules.claim(number, at: rule.location, into: &context.diagnostics) { _ in
                    (
                        "NAT rule \(number) is used twice on gateway '\(gateway.name)'",
                        "rule \(number) is first used here"
                    )
                }
                if claimed { rules.append(MasqueradePlan(rule: number, source: source, outbound: rule.outbound)) }
            }
        }
        if gateway.masquerades.isEmpty {
            for source in defaultSources {
                rules.append(MasqueradePlan(rule: 100 + rules.count, source: source, outbound: "eth0"))
            }
        }
        return rules
    }

    /// The written routes (next hop on one of the gateway's subnets, each destination once), then
    /// automatic routes to the racks of the other gateways via their transit addresses, in rack
    /// order; a written route to the same destination replaces one.
    private func staticRoutes(
        of gateway: GatewaySpec, interfaces: [GatewayInterfacePlan], _ context: inout ResolveContext
    ) -> [StaticRoutePlan] {
        var routes: [StaticRoutePlan] = []
        var destinations = Claims<IPv4Prefix>(check: .duplicateName)
        for route in gateway.staticRoutes {
            guard
                let destination = ValueParsing.prefix(
                    route.destination, what: "static route destination", at: route.location,
                    into: &context.diagnostics),
                let nextHop = ValueParsing.address(
                    route.nextHop, what: "static route next hop", at: route.location, into: &context.diagnostics)
            else { continue }
            let duplicate = destinations.reportDuplicate(destination, at: route.location, into: &context.diagnostics) {
                _ in
                (
                    "gateway '\(gateway.name)' has two static routes to \(destination)",
                    "the first route to \(destination) is here"
                )
            }
            if duplicate { continue }
            if !interfaces.contains(where: { $0.address.subnet.contains(nextHop) && $0.address.address != nextHop }) {
                context.diagnostics.error(
                    .addressOutsideSubnet,
                    "next hop \(nextHop) is on none of gateway '\(gateway.name)' subnets "
                        + "(\(interfaces.map(\.address.subnet.description).joined(separator: ", ")))",
                    at: route.location)
                continue
            }
            destinations.record(destination, at: route.location)
            routes.append(StaticRoutePlan(destination: destination, nextHop: nextHop))
        }
        guard let transit, transit.members.contains(where: { $0.gateway == gateway.name }) else { return routes }
        let peers = Dictionary(transit.members.map { ($0.gateway, $0.address) }, uniquingKeysWith: { a, _ in a })
        for rack in racks {
            guard let owner = rack.gateway, owner != gateway.name, let nextHop = peers[owner],
                destinations[rack.subnet] == nil
            else { continue }
            routes.append(StaticRoutePlan(destination: rack.subnet, nextHop: nextHop))
        }
        return routes
    }
}
