import LabModel

/// The racks and their nodes, in lab order.
struct RacksAndNodes {
    var racks: [RackPlan] = []
    /// The kind nodes of the racks, in lab order (kind-only labs: see `ClusterNodesPass`).
    var nodes: [NodePlan] = []
}

/// Racks and addresses: each rack's name, subnet (written, a slot, or the next free one of the
/// node pool), gateway, bridge and gateway address, and each node's address, server and kind name.
struct RacksPass: ResolverPass {
    let clusterName: String
    let serverImageDefault: String
    let nodePool: NodePool?
    let slotSubnets: [Int: IPv4Prefix]
    let transit: TransitPlan?
    let gateways: ResolvedGateways

    /// A node seen in a rack, before kind's container names are known (they count over the whole cluster).
    private struct PendingNode {
        var spec: NodeSpec
        var rack: Int
        var attachment: RackAttachment?
    }

    func run(_ context: inout ResolveContext) -> RacksAndNodes {
        let spec = context.spec
        var result = RacksAndNodes()
        var rackNames = Claims<String>(check: .duplicateName)
        var subnetAllocator = nodePool.map { Allocation.SubnetAllocator(pool: $0.prefix, taken: takenSubnets(spec)) }
        var serverNumber = 0
        var pending: [PendingNode] = []
        var rackPlanIndex: [Int: Int] = [:]

        for (rackNumber, rack) in spec.racks.enumerated() {
            checkName(rack, claims: &rackNames, &context)
            if rack.nodes.isEmpty {
                context.diagnostics.error(
                    .emptyRack, "rack '\(rack.name)' has no nodes; add Node(.worker) or remove the rack",
                    at: rack.location)
            }
            let (subnet, subnetOrigin) = self.subnet(
                of: rack, number: rackNumber, allocator: &subnetAllocator, &context)
            let routerName = router(of: rack, &context)
            let bridge = self.bridge(of: rack, number: rackNumber, &context)
            guard let subnet else {
                for node in rack.nodes {
                    serverNumber += 1
                    pending.append(PendingNode(spec: node, rack: rackNumber, attachment: nil))
                }
                continue
            }
            let gatewayAddress = self.gatewayAddress(of: rack, in: subnet, routed: routerName != nil, &context)
            let firstHost = rack.firstHost ?? Conventions.firstNodeHost
            var allocator = Allocation.HostAllocator(subnet: subnet, firstHost: firstHost, reserved: gatewayAddress)
            for (index, node) in rack.nodes.enumerated() {
                serverNumber += 1
                let wiring = RackWiring(
                    rack: rack, subnet: subnet, firstHost: firstHost, gatewayAddress: gatewayAddress, bridge: bridge,
                    port: index, server: node.server ?? "server\(serverNumber)")
                let attachment = self.attachment(of: node, wiring, allocator: &allocator, &context)
                pending.append(PendingNode(spec: node, rack: rackNumber, attachment: attachment))
            }
            rackPlanIndex[rackNumber] = result.racks.count
            result.racks.append(
                RackPlan(
                    name: rack.name, subnet: subnet, gatewayAddress: gatewayAddress, gateway: routerName,
                    bridge: bridge,
                    subnetOrigin: subnetOrigin, nodeNames: [], location: rack.location))
        }

        // kind names: counted per role over the whole cluster, in node order.
        let names = Names.kindContainerNames(cluster: clusterName, roles: pending.map(\.spec.role))
        for (node, name) in zip(pending, names) {
            NodeChecks.checkHostName(name, at: node.spec.location, &context)
            let labels = [Label("rack", spec.racks[node.rack].name)] + NodeChecks.checkedLabels(node.spec, &context)
            result.nodes.append(
                NodePlan(
                    name: name, role: node.spec.role, attachment: node.attachment, labels: labels,
                    location: node.spec.location))
            if let planIndex = rackPlanIndex[node.rack] { result.racks[planIndex].nodeNames.append(name) }
        }
        return result
    }

    /// Written subnets, slot subnets and the transit subnet: pool allocation skips them wherever
    /// they are written, so they are taken before any rack is allocated.
    private func takenSubnets(_ spec: LabSpec) -> [IPv4Prefix] {
        var taken: [IPv4Prefix] = spec.racks.compactMap { $0.subnet.flatMap(IPv4Prefix.init) }.filter(\.isCanonical)
        taken += slotSubnets.sorted { $0.key < $1.key }.map(\.value)
        if let transit { taken.append(transit.subnet) }
        return taken
    }

    private func checkName(_ rack: RackSpec, claims: inout Claims<String>, _ context: inout ResolveContext) {
        guard Names.isDNSLabel(rack.name) else {
            context.diagnostics.error(
                .invalidName,
                "rack name '\(rack.name.debugEscaped)' must be a DNS label (it becomes the rack label value)",
                at: rack.location)
            return
        }
        claims.claim(rack.name, at: rack.location, into: &context.diagnostics) { _ in
            ("rack '\(rack.name)' is declared twice", "the first rack '\(rack.name)' is here")
        }
    }

    /// The rack's subnet: written, its slot (see `RackSlotsPass`), or the next free one of the node pool.
    private func subnet(
        of rack: RackSpec, number: Int, allocator: inout Allocation.SubnetAllocator?, _ context: inout ResolveContext
    ) -> (IPv4Prefix?, SubnetOrigin) {
        if let text = rack.subnet {
            let subnet = ValueParsing.prefix(
                text, what: "rack '\(rack.name)' subnet", at: rack.location, into: &context.diagnostics)
            return (subnet, .explicit)
        }
        if rack.slot != nil {
            // Resolved (or reported) by RackSlotsPass.
            if let pool = nodePool, let length = rack.prefixLength, !pool.rackLengths.contains(length) {
                reportRackPrefix(length, of: rack, pool: pool, &context)
            }
            return (slotSubnets[number], .slot)
        }
        guard let pool = nodePool else {
            // (A NodePool that is declared but invalid has its own error already.)
            if context.spec.nodePools.isEmpty {
                context.diagnostics.error(
                    .invalidPrefix,
                    "rack '\(rack.name)' has no subnet; give it one or declare a NodePool(\"10.1.0.0/16\")",
                    at: rack.location)
            }
            return (nil, .explicit)
        }
        let length = rack.prefixLength ?? pool.rackPrefix
        if !pool.rackLengths.contains(length) {
            reportRackPrefix(length, of: rack, pool: pool, &context)
            return (nil, .allocated)
        }
        guard let free = allocator?.allocate(length: length) else {
            context.diagnostics.error(
                .addressesExhausted, "node pool \(pool.prefix) has no free /\(length) left for rack '\(rack.name)'",
                at: rack.location, notes: [.init("the node pool is declared here", at: pool.location)])
            return (nil, .allocated)
        }
        return (free, .allocated)
    }

    private func reportRackPrefix(_ length: Int, of rack: RackSpec, pool: NodePool, _ context: inout ResolveContext) {
        context.diagnostics.error(
            .invalidNumber, "rack prefix /\(length) must be between the node pool's /\(pool.prefix.length) and /30",
            at: rack.location)
    }

    /// The gateway that routes the rack: its `router:`, else the only gateway.
    private func router(of rack: RackSpec, _ context: inout ResolveContext) -> String? {
        let spec = context.spec
        if let name = rack.gateway {
            if gateways.index[name] != nil { return name }
            // Declared, but refused (its release, name or image): that gateway's error says why.
            if !spec.gateways.contains(where: { $0.name == name }) {
                context.diagnostics.error(
                    .unknownGateway,
                    "rack '\(rack.name)' names gateway '\(name.debugEscaped)', which the lab does not declare",
                    at: rack.location)
            }
            return nil
        }
        let plans = gateways.plans
        if plans.count == 1 { return plans[0].name }
        if plans.count > 1 {
            context.diagnostics.error(
                .unknownGateway,
                "rack '\(rack.name)' must name its gateway with router: (the lab has "
                    + "\(plans.count): \(gateways.names.joined(separator: ", ")))",
                at: rack.location)
        } else if spec.gateways.isEmpty && rack.gatewayAddress != nil {
            context.diagnostics.error(
                .unknownGateway, "rack '\(rack.name)' has a gateway address but the lab declares no Gateway",
                at: rack.location)
        }
        return nil
    }

    /// The rack's bridge: written, else `br-pool<n>`. Ports are `<bridge>-net0` ..., one per node,
    /// then the gateway's: `-net<node count>`.
    private func bridge(of rack: RackSpec, number: Int, _ context: inout ResolveContext) -> String {
        let bridge = rack.bridge ?? "br-pool\(number)"
        if let (check, problem) = ToolGrammars.bridgeNameProblem(bridge, lastPort: rack.nodes.count) {
            context.diagnostics.error(check, "bridge of rack '\(rack.name)': \(problem)", at: rack.location)
        } else {
            context.claimTopologyName(bridge, what: "bridge of rack '\(rack.name)'", at: rack.location)
        }
        return bridge
    }

    /// The gateway's address on the rack: written, else the first host when a gateway routes the rack.
    private func gatewayAddress(
        of rack: RackSpec, in subnet: IPv4Prefix, routed: Bool, _ context: inout ResolveContext
    ) -> IPv4Address? {
        var address: IPv4Address?
        if let text = rack.gatewayAddress {
            address = ValueParsing.hostAddress(
                text, what: "gateway address", in: subnet, subnetName: "rack '\(rack.name)' subnet", at: rack.location,
                into: &context.diagnostics)
        } else if routed {
            address = subnet.hostRange.lowerBound
        }
        if let address {
            context.claimAddress(address, what: "the gateway of rack '\(rack.name)'", at: rack.location)
        }
        return address
    }

    /// What a node of a rack is wired with.
    private struct RackWiring {
        var rack: RackSpec
        var subnet: IPv4Prefix
        var firstHost: Int
        var gatewayAddress: IPv4Address?
        var bridge: String
        /// The node's port number on the bridge.
        var port: Int
        var server: String
    }

    /// A node's address (written, or the lowest free host from `firstHost`, in node order), its
    /// server and the server's image; nil when the node has no address.
    private func attachment(
        of node: NodeSpec, _ wiring: RackWiring, allocator: inout Allocation.HostAllocator,
        _ context: inout ResolveContext
    ) -> RackAttachment? {
        let rack = wiring.rack
        var address: IPv4Address?
        var origin = AddressOrigin.explicit
        if let text = node.address {
            if let parsed = ValueParsing.hostAddress(
                text, what: "node address", in: wiring.subnet, subnetName: "rack '\(rack.name)' subnet",
                at: node.location,
                notes: [.init("rack '\(rack.name)' is declared here", at: rack.location)], into: &context.diagnostics)
            {
                address = parsed
                allocator.take(parsed)
            }
        } else {
            origin = .allocated
            address = allocator.next()
            if address == nil {
                context.diagnostics.error(
                    .addressesExhausted,
                    "rack '\(rack.name)' subnet \(wiring.subnet) has no free address left "
                        + "for this node (allocation starts at host \(wiring.firstHost))",
                    at: node.location, notes: [.init("rack '\(rack.name)' is declared here", at: rack.location)])
            }
        }
        let server = wiring.server
        if !Names.isDNSLabel(server) {
            context.diagnostics.error(
                .invalidName, "server name '\(server.debugEscaped)' must be a DNS label", at: node.location)
        } else {
            context.claimTopologyName(server, what: "server", at: node.location)
        }
        let serverImage = node.serverImage ?? serverImageDefault
        if node.serverImage != nil { context.checkImage(serverImage, at: node.location) }
        guard let address else { return nil }
        context.claimAddress(address, what: "server '\(server)'", at: node.location)
        return RackAttachment(
            rack: rack.name, address: IPv4Interface(address, length: wiring.subnet.length), addressOrigin: origin,
            defaultGateway: wiring.gatewayAddress, server: server, serverImage: serverImage, interface: "net0",
            bridge: wiring.bridge, bridgePort: "\(wiring.bridge)-net\(wiring.port)")
    }
}
