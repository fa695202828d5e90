import LabModel

/// The transit link of a multi-gateway lab, and where it is declared.
struct ResolvedTransit {
    var plan: TransitPlan?
    /// Where the `Transit` is written, if it is.
    var location: SourceLocation?
    /// A multi-gateway lab with neither a transit subnet nor a node pool to take one from:
    /// reported by `TransitSubnetCheck` once the racks are known, and only if two gateways route racks.
    var subnetMissingAt: SourceLocation?
}

/// The transit link: present when the lab has more than one gateway. Its subnet is written or the
/// highest free one of the node pool; addresses are written or allocated in gateway order.
struct TransitPass: ResolverPass {
    let gateways: ResolvedGateways
    let nodePool: NodePool?
    let slotSubnets: [Int: IPv4Prefix]

    func run(_ context: inout ResolveContext) -> ResolvedTransit {
        let spec = context.spec
        let declared = spec.transits.first
        var result = ResolvedTransit(location: declared?.location)
        // Routers joined by point-to-point links route over those links, not a transit bridge.
        if spec.gateways.count < 2 || !spec.links.isEmpty {
            reportMisplaced(declared, &context)
            return result
        }
        // Every gateway must have resolved, or the member list would be wrong.
        guard gateways.plans.count == spec.gateways.count else { return result }
        let location = declared?.location ?? spec.gateways[1].location
        let subnet = transitSubnet(declared, at: location, &context, missing: &result.subnetMissingAt)
        let bridge = declared?.bridge ?? "br-transit"
        if let (check, problem) = ToolGrammars.bridgeNameProblem(bridge, lastPort: gateways.plans.count - 1) {
            context.diagnostics.error(check, "transit bridge: \(problem)", at: location)
            return result
        }
        context.claimTopologyName(bridge, what: "the transit bridge", at: location)
        guard let subnet else { return result }
        result.plan = TransitPlan(subnet: subnet, bridge: bridge, members: members(in: subnet, &context))
        return result
    }

    /// A Transit, or a gateway's transit address, in a lab with fewer than two gateways.
    private func reportMisplaced(_ declared: TransitSpec?, _ context: inout ResolveContext) {
        let spec = context.spec
        if let declared {
            context.diagnostics.error(
                .misplacedElement,
                spec.links.isEmpty
                    ? "a Transit links gateways, but the lab declares "
                        + "\(spec.gateways.count == 0 ? "none" : "only one"); remove it or add a Gateway"
                    : "the routers are joined by point-to-point Links; remove the Transit",
                at: declared.location)
        }
        for gateway in spec.gateways where gateway.transitAddress != nil {
            context.diagnostics.error(
                .misplacedElement,
                "gateway '\(gateway.name)' has a transit address, but the lab has no other gateway to link to",
                at: gateway.location)
        }
    }

    /// The written subnet, else the highest free one of the node pool; without either, nil and
    /// `missing` set.
    private func transitSubnet(
        _ declared: TransitSpec?, at location: SourceLocation, _ context: inout ResolveContext,
        missing: inout SourceLocation?
    ) -> IPv4Prefix? {
        let count = gateways.plans.count
        let length = Allocation.transitLength(members: count)
        if let text = declared?.subnet {
            guard
                let prefix = ValueParsing.prefix(text, what: "transit subnet", at: location, into: &context.diagnostics)
            else { return nil }
            if prefix.length > 30 || (1 << (32 - prefix.length)) - 2 < count {
                context.diagnostics.error(
                    .addressesExhausted,
                    "transit subnet \(prefix) has too few addresses for \(count) gateways; use a /\(length) or larger",
                    at: location)
                return nil
            }
            return prefix
        }
        guard let pool = nodePool else {
            missing = location
            return nil
        }
        var taken = Array(slotSubnets.values)
        taken += context.spec.racks.compactMap { $0.subnet.flatMap(IPv4Prefix.init) }.filter(\.isCanonical)
        let subnet = Allocation.lastFreeSubnet(in: pool.prefix, length: length, taken: taken)
        if subnet == nil {
            context.diagnostics.error(
                .addressesExhausted,
                "node pool \(pool.prefix) has no free /\(length) left for the transit link between the gateways",
                at: location, notes: [.init("the node pool is declared here", at: pool.location)])
        }
        return subnet
    }

    /// Each gateway's transit address: written ones first, so that allocation skips them wherever
    /// they are written, then the others in gateway order.
    private func members(in subnet: IPv4Prefix, _ context: inout ResolveContext) -> [TransitMember] {
        let spec = context.spec
        var allocator = Allocation.HostAllocator(subnet: subnet, firstHost: 1, reserved: nil)
        var written: [String: IPv4Address] = [:]
        for gateway in spec.gateways {
            guard let text = gateway.transitAddress,
                let address = ValueParsing.hostAddress(
                    text, what: "gateway '\(gateway.name)' transit address", in: subnet,
                    subnetName: "the transit subnet",
                    at: gateway.location, into: &context.diagnostics)
            else { continue }
            written[gateway.name] = address
            allocator.take(address)
        }
        var members: [TransitMember] = []
        for gateway in spec.gateways {
            if gateway.transitAddress != nil && written[gateway.name] == nil { continue }  // reported above
            let origin: AddressOrigin = written[gateway.name] == nil ? .allocated : .explicit
            guard let address = written[gateway.name] ?? allocator.next() else {
                context.diagnostics.error(
                    .addressesExhausted,
                    "transit subnet \(subnet) has no free address left for gateway '\(gateway.name)'",
                    at: gateway.location)
                continue
            }
            context.claimAddress(
                address, what: "the transit interface of gateway '\(gateway.name)'", at: gateway.location)
            members.append(TransitMember(gateway: gateway.name, address: address, addressOrigin: origin))
        }
        return members
    }
}

/// Without a transit subnet, gateways cannot reach one another: an error once at least two
/// gateways route racks (a gateway without racks needs no route to the others).
struct TransitSubnetCheck: ResolverPass {
    let transit: ResolvedTransit
    let racks: [RackPlan]

    func run(_ context: inout ResolveContext) {
        guard let location = transit.subnetMissingAt else { return }
        let routing = Set(racks.compactMap(\.gateway))
        guard routing.count >= 2 else { return }
        context.diagnostics.error(
            .invalidPrefix,
            "racks on \(routing.count) gateways need a transit subnet between them; "
                + "write Transit(\"10.1.255.0/29\") or declare a NodePool to take it from",
            at: location)
    }
}
