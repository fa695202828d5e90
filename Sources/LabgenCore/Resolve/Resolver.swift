import Foundation
import LabModel
import LabStock

/// The result of resolving a lab description: the plan when it has no errors, and every
/// diagnostic found (warnings included).
public struct Resolution: Sendable {
    public var plan: LabPlan?
    public var diagnostics: [Diagnostic]
}

/// Turns what the user wrote (`LabSpec`) into a complete, checked `LabPlan`: names and
/// defaults, address allocation, and the model checks (`LG1nn`). An invalid model never
/// produces a plan, so it never reaches the renderers.
///
/// Every check is linear or `n log n` in the size of the lab: duplicates are found with
/// dictionaries, overlaps by sorting (see `Overlaps`).
public enum Resolver {
    /// Calico's default block size for IPv4 pools.
    public static let defaultBlockSize = 26
    /// Host number of the first node address handed out in a rack (`10.1.5.10`).
    public static let defaultFirstHost = 10

    public static func resolve(_ spec: LabSpec) -> Resolution {
        var state = ResolveState(spec: spec)
        state.run()
        let plan = state.diagnostics.hasErrors ? nil : state.plan()
        return Resolution(plan: plan, diagnostics: state.diagnostics.all)
    }
}

/// The working state of one resolution.
struct ResolveState {
    let spec: LabSpec
    var diagnostics = DiagnosticList()

    var registry: RegistryPlan?
    var topologyName = ""
    var topologyMTU: Int?
    var serverImageDefault = "nicolaka/netshoot:latest"
    var cluster: ClusterSpec?
    var clusterName = ""
    var podSubnet: IPv4Prefix?
    var serviceSubnet: IPv4Prefix?
    var nodePool: (prefix: IPv4Prefix, rackPrefix: Int, location: SourceLocation)?
    /// Subnets of racks written with `slot:`, by rack position.
    var slotSubnets: [Int: IPv4Prefix] = [:]
    /// The transit link of a multi-gateway lab.
    var transit: TransitPlan?
    var transitLocation: SourceLocation?
    /// A multi-gateway lab with neither a transit subnet nor a node pool to take one from:
    /// reported once the racks are known, and only if two gateways route racks.
    var transitSubnetMissingAt: SourceLocation?
    var gateways: [GatewayPlan] = []
    var gatewayIndex: [String: Int] = [:]
    var racks: [RackPlan] = []
    var nodes: [NodePlan] = []
    var pools: [PodPoolPlan] = []
    var calicoInstall: CalicoInstallPlan?
    /// The CNI when it is not Calico (Flannel or Cilium), see `CNI/<Name>/Resolve`.
    var otherCNI: CNIPlan?
    /// Every name in the containerlab topology (gateways, bridges, servers), for duplicates.
    var topologyNames: [String: (what: String, location: SourceLocation)] = [:]
    /// Every address of a node or gateway interface, for duplicates.
    var addresses: [IPv4Address: (what: String, location: SourceLocation)] = [:]
    /// Links, plain hosts and their router interfaces (Fabric/).
    var fabric = FabricResolver.Output()

    init(spec: LabSpec) { self.spec = spec }

    mutating func run() {
        checkLabName()
        resolveSingletons()
        resolveRegistryAndTopology()
        resolveCluster()
        resolveNodePool()
        resolveGateways()
        resolveFabricLinks()
        resolveRackSlots()
        resolveTransit()
        resolveRacks()
        checkTransitSubnet()
        resolveClusterOnlyNodes()
        checkControlPlane()
        resolveGatewayInterfacesAndRules()
        resolvePools()
        resolveCalicoInstall()
        resolveOtherCNI()
        resolveFabricBGP()
        checkOverlaps()
    }

    func plan() -> LabPlan {
        var clusterPlan = cluster.map { cluster in
            ClusterPlan(
                name: clusterName, image: cluster.image, podSubnet: podSubnet ?? ClusterPlan.kindDefaultPodSubnet,
                serviceSubnet: serviceSubnet, disableDefaultCNI: cluster.disableDefaultCNI,
                kubeProxyMode: effectiveKubeProxyMode, nodes: nodes,
                cni: otherCNI ?? (pools.isEmpty ? nil : .calico(CalicoPlan(pools: pools, install: calicoInstall))))
        }
        clusterPlan?.kubeadmPatches = cluster?.kubeadmPatches == .oneFile ? nil : cluster?.kubeadmPatches
        if case .calico(var calico) = clusterPlan?.cni, let bgp = fabric.calicoBGP {
            calico.bgp = bgp
            clusterPlan?.cni = .calico(calico)
        }
        let hasTopology = !racks.isEmpty || !gateways.isEmpty || !fabric.hosts.isEmpty
        var plan = LabPlan(
            name: spec.name, registry: registry, cluster: clusterPlan,
            topology: hasTopology ? TopologyPlan(name: topologyName, mtu: topologyMTU) : nil,
            gateways: gateways, racks: racks, transit: transit, location: spec.location)
        (plan.links, plan.hosts) = (fabric.links, fabric.hosts)
        return plan
    }

    // MARK: - Lab-level elements

    mutating func checkLabName() {
        if !Names.isDNSLabel(spec.name) {
            diagnostics.error(
                .invalidName,
                "lab name '\(spec.name.debugEscaped)' must be a DNS label (lower-case letters, digits and '-', at most 63 characters); it names the output folder",
                at: spec.location)
        }
        for misplaced in spec.misplaced {
            diagnostics.error(.misplacedElement, misplaced.message, at: misplaced.location)
        }
    }

    mutating func resolveSingletons() {
        func onlyOne<T>(_ items: [T], _ what: String, _ location: (T) -> SourceLocation) {
            guard items.count > 1 else { return }
            for extra in items.dropFirst() {
                diagnostics.error(
                    .misplacedElement, "a lab has at most one \(what)", at: location(extra),
                    notes: [.init("the first \(what) is here", at: location(items[0]))])
            }
        }
        onlyOne(spec.clusters, "Cluster", \.location)
        onlyOne(spec.registries, "Registry", \.location)
        onlyOne(spec.topologies, "Topology", \.location)
        onlyOne(spec.nodePools, "NodePool", \.location)
        onlyOne(spec.transits, "Transit", \.location)
        // A fabric of routers and plain hosts needs no kind cluster.
        if spec.clusters.isEmpty && (!spec.racks.isEmpty || (spec.hosts.isEmpty && spec.links.isEmpty)) {
            diagnostics.error(
                .missingCluster, "lab '\(spec.name)' has no Cluster; add Cluster(\"<name>\") { ... }", at: spec.location)
        }
    }

    mutating func resolveRegistryAndTopology() {
        if let registrySpec = spec.registries.first {
            if let problem = ToolGrammars.registryHostProblem(registrySpec.mirror) {
                diagnostics.error(.invalidName, "registry mirror \(problem)", at: registrySpec.location)
            } else if let problem = ToolGrammars.registryHostReadAsUser(registrySpec.mirror) {
                diagnostics.error(.registryReadAsUser, problem, at: registrySpec.location)
            } else {
                registry = RegistryPlan(host: registrySpec.mirror, insecure: registrySpec.insecure)
                serverImageDefault = "\(registrySpec.mirror)/nettool"
            }
        }
        topologyName = spec.name
        if let topology = spec.topologies.first {
            if let name = topology.name {
                if Names.isDNSLabel(name) {
                    topologyName = name
                } else {
                    diagnostics.error(
                        .invalidName, "topology name '\(name.debugEscaped)' must be a DNS label", at: topology.location)
                }
            }
            if let mtu = topology.mtu {
                if (68...65535).contains(mtu) {
                    topologyMTU = mtu
                } else {
                    diagnostics.error(.invalidNumber, "link MTU \(mtu) is outside 68...65535", at: topology.location)
                }
            }
            if let image = topology.serverImage {
                if checkImage(image, at: topology.location) { serverImageDefault = image }
            }
        }
    }

    @discardableResult
    mutating func checkImage(_ image: String, at location: SourceLocation) -> Bool {
        guard let problem = ToolGrammars.imageReferenceProblem(image) else { return true }
        diagnostics.error(.invalidImage, problem, at: location)
        return false
    }

    mutating func resolveCluster() {
        guard let cluster = spec.clusters.first else { return }
        self.cluster = cluster
        clusterName = cluster.name
        if !Names.isKindClusterName(cluster.name) {
            diagnostics.error(
                .invalidName,
                "kind cluster name '\(cluster.name.debugEscaped)' must match kind's ^[a-z0-9.-]+$ and start and end with a letter or digit",
                at: cluster.location)
        }
        if let image = cluster.image { checkImage(image, at: cluster.location) }
        if let text = cluster.podSubnet {
            podSubnet = ValueParsing.prefix(text, what: "pod subnet", at: cluster.location, into: &diagnostics)
        } else {
            // The smallest prefix that holds every pool (disabled ones too: pods may still hold their
            // addresses): the pool itself when there is one.
            let cidrs = cluster.pools.compactMap { IPv4Prefix($0.cidr) }.filter(\.isCanonical)
            if let low = cidrs.map(\.network.value).min(), let high = cidrs.map(\.broadcast.value).max() {
                var length = 32
                while length > 0 && IPv4Prefix(IPv4Address(low), length: length).broadcast.value < high { length -= 1 }
                podSubnet = IPv4Prefix(IPv4Address(low), length: length).canonical
            }
        }
        if let text = cluster.serviceSubnet {
            serviceSubnet = ValueParsing.prefix(text, what: "service subnet", at: cluster.location, into: &diagnostics)
        }
        if let mode = cluster.kubeProxyMode, !["iptables", "ipvs", "nftables", "none"].contains(mode) {
            diagnostics.error(
                .invalidName, "kube-proxy mode '\(mode.debugEscaped)' must be iptables, ipvs, nftables or none",
                at: cluster.location)
        }
    }

    mutating func resolveNodePool() {
        guard let pool = spec.nodePools.first else { return }
        guard let prefix = ValueParsing.prefix(pool.cidr, what: "node pool", at: pool.location, into: &diagnostics) else {
            return
        }
        guard (prefix.length...30).contains(pool.rackPrefix) else {
            diagnostics.error(
                .invalidNumber, "rack prefix /\(pool.rackPrefix) must be between the pool's /\(prefix.length) and /30",
                at: pool.location)
            return
        }
        nodePool = (prefix, pool.rackPrefix, pool.location)
    }

    mutating func claimTopologyName(_ name: String, what: String, at location: SourceLocation) {
        if let previous = topologyNames[name] {
            diagnostics.error(
                .duplicateName, "\(what) '\(name)' has the same name as \(previous.what)", at: location,
                notes: [.init("'\(name)' is first used here", at: previous.location)])
        } else {
            topologyNames[name] = (what, location)
        }
    }

    mutating func resolveGateways() {
        for gateway in spec.gateways {
            if !Names.isDNSLabel(gateway.name) {
                diagnostics.error(
                    .invalidName,
                    "gateway name '\(gateway.name.debugEscaped)' must be a DNS label (it is the router's host-name and a file name)",
                    at: gateway.location)
                continue
            }
            if let problem = ToolGrammars.vyosHostNameProblem(gateway.name) {
                diagnostics.error(
                    .invalidVyOSValue, "gateway name \(problem); the gateway name is the router's host-name",
                    at: gateway.location)
                continue
            }
            claimTopologyName(gateway.name, what: "gateway", at: gateway.location)
            let release: VyOSRelease
            switch GatewayRelease.resolve(name: gateway.name, vyos: gateway.vyos, image: gateway.image) {
            case .success(let found): release = found
            case .failure(let problem):
                diagnostics.error(problem.check, problem.message, at: gateway.location)
                continue
            }
            let image =
                gateway.image
                ?? (registry.map { "\($0.host)/vyos/vyos:\(release.version)" } ?? "vyos/vyos:\(release.version)")
            guard checkImage(image, at: gateway.location) else { continue }
            gatewayIndex[gateway.name] = gateways.count
            gateways.append(
                GatewayPlan(
                    name: gateway.name, release: release, image: image, interfaces: [], masquerades: [],
                    staticRoutes: [], location: gateway.location))
        }
    }

    // MARK: - Node pool slots and the transit link

    /// Subnets of racks written with `slot:`: the slot-th subnet of the rack's size in the pool.
    mutating func resolveRackSlots() {
        var used: [IPv4Prefix: (rack: String, location: SourceLocation)] = [:]
        for (rackNumber, rack) in spec.racks.enumerated() {
            guard let slot = rack.slot else { continue }
            if rack.subnet != nil {
                diagnostics.error(
                    .misplacedElement, "rack '\(rack.name)' takes either subnet: or slot:, not both", at: rack.location)
                continue
            }
            guard let pool = nodePool else {
                if spec.nodePools.isEmpty {
                    diagnostics.error(
                        .invalidPrefix, "rack '\(rack.name)' takes slot \(slot) of the node pool, but the lab declares no NodePool",
                        at: rack.location)
                }
                continue
            }
            let length = rack.prefixLength ?? pool.rackPrefix
            guard (pool.prefix.length...30).contains(length) else { continue }  // reported with the rack
            guard let subnet = Allocation.slotSubnet(in: pool.prefix, length: length, slot: slot) else {
                let count = 1 << (length - pool.prefix.length)
                diagnostics.error(
                    .addressesExhausted,
                    "slot \(slot) is outside node pool \(pool.prefix), which has \(count) subnets of /\(length) (slots 0...\(count - 1))",
                    at: rack.location, notes: [.init("the node pool is declared here", at: pool.location)])
                continue
            }
            if let first = used[subnet] {
                diagnostics.error(
                    .overlappingSubnets, "rack '\(rack.name)' takes slot \(slot) (\(subnet)), which rack '\(first.rack)' already takes",
                    at: rack.location, notes: [.init("rack '\(first.rack)' is declared here", at: first.location)])
                continue
            }
            used[subnet] = (rack.name, rack.location)
            slotSubnets[rackNumber] = subnet
        }
    }

    /// The transit link: present when the lab has more than one gateway. Its subnet is written
    /// or the highest free one of the node pool; addresses are written or allocated in gateway order.
    mutating func resolveTransit() {
        let declared = spec.transits.first
        transitLocation = declared?.location
        // Routers joined by point-to-point links route over those links, not a transit bridge.
        if spec.gateways.count < 2 || !spec.links.isEmpty {
            if let declared {
                diagnostics.error(
                    .misplacedElement,
                    spec.links.isEmpty
                        ? "a Transit links gateways, but the lab declares \(spec.gateways.count == 0 ? "none" : "only one"); remove it or add a Gateway"
                        : "the routers are joined by point-to-point Links; remove the Transit",
                    at: declared.location)
            }
            for gateway in spec.gateways where gateway.transitAddress != nil {
                diagnostics.error(
                    .misplacedElement, "gateway '\(gateway.name)' has a transit address, but the lab has no other gateway to link to",
                    at: gateway.location)
            }
            return
        }
        // Every gateway must have resolved, or the member list would be wrong.
        guard gateways.count == spec.gateways.count else { return }
        let location = declared?.location ?? spec.gateways[1].location
        let length = Allocation.transitLength(members: gateways.count)
        var subnet: IPv4Prefix?
        if let text = declared?.subnet {
            subnet = ValueParsing.prefix(text, what: "transit subnet", at: location, into: &diagnostics)
            if let prefix = subnet, prefix.length > 30 || (1 << (32 - prefix.length)) - 2 < gateways.count {
                diagnostics.error(
                    .addressesExhausted,
                    "transit subnet \(prefix) has too few addresses for \(gateways.count) gateways; use a /\(length) or larger",
                    at: location)
                subnet = nil
            }
        } else if let pool = nodePool {
            var taken = Array(slotSubnets.values)
            taken += spec.racks.compactMap { $0.subnet.flatMap(IPv4Prefix.init) }.filter(\.isCanonical)
            subnet = Allocation.lastFreeSubnet(in: pool.prefix, length: length, taken: taken)
            if subnet == nil {
                diagnostics.error(
                    .addressesExhausted, "node pool \(pool.prefix) has no free /\(length) left for the transit link between the gateways",
                    at: location, notes: [.init("the node pool is declared here", at: pool.location)])
            }
        } else {
            transitSubnetMissingAt = location
        }
        let bridge = declared?.bridge ?? "br-transit"
        if let (check, problem) = ToolGrammars.bridgeNameProblem(bridge, lastPort: gateways.count - 1) {
            diagnostics.error(check, "transit bridge: \(problem)", at: location)
            return
        }
        claimTopologyName(bridge, what: "the transit bridge", at: location)
        guard let subnet else { return }

        // Written addresses first, so that allocation skips them wherever they are written.
        var allocator = Allocation.HostAllocator(subnet: subnet, firstHost: 1, reserved: nil)
        var written: [String: IPv4Address] = [:]
        for gateway in spec.gateways {
            guard let text = gateway.transitAddress,
                let address = ValueParsing.hostAddress(
                    text, what: "gateway '\(gateway.name)' transit address", in: subnet, subnetName: "the transit subnet",
                    at: gateway.location, into: &diagnostics)
            else { continue }
            written[gateway.name] = address
            allocator.take(address)
        }
        var members: [TransitMember] = []
        for gateway in spec.gateways {
            if gateway.transitAddress != nil && written[gateway.name] == nil { continue }  // reported above
            let origin: AddressOrigin = written[gateway.name] == nil ? .allocated : .explicit
            guard let address = written[gateway.name] ?? allocator.next() else {
                diagnostics.error(
                    .addressesExhausted, "transit subnet \(subnet) has no free address left for gateway '\(gateway.name)'",
                    at: gateway.location)
                continue
            }
            claimAddress(address, what: "the transit interface of gateway '\(gateway.name)'", at: gateway.location)
            members.append(TransitMember(gateway: gateway.name, address: address, addressOrigin: origin))
        }
        transit = TransitPlan(subnet: subnet, bridge: bridge, members: members)
    }

    /// Without a transit subnet, gateways cannot reach one another: an error once at least two
    /// gateways route racks (a gateway without racks needs no route to the others).
    mutating func checkTransitSubnet() {
        guard let location = transitSubnetMissingAt else { return }
        let routing = Set(racks.compactMap(\.gateway))
        guard routing.count >= 2 else { return }
        diagnostics.error(
            .invalidPrefix,
            "racks on \(routing.count) gateways need a transit subnet between them; write Transit(\"10.1.255.0/29\") or declare a NodePool to take it from",
            at: location)
    }

    // MARK: - Racks and nodes

    mutating func resolveRacks() {
        var rackNames: [String: SourceLocation] = [:]
        // Explicit subnets first, so that pool allocation skips them wherever they are written.
        // Slot subnets and the transit subnet are taken before any rack is allocated, too.
        var explicitSubnets: [IPv4Prefix] = spec.racks.compactMap { $0.subnet.flatMap(IPv4Prefix.init) }.filter(\.isCanonical)
        explicitSubnets += slotSubnets.sorted { $0.key < $1.key }.map(\.value)
        if let transit { explicitSubnets.append(transit.subnet) }
        var subnetAllocator = nodePool.map { Allocation.SubnetAllocator(pool: $0.prefix, taken: explicitSubnets) }
        var serverNumber = 0
        var kindRoles: [NodeRole] = []
        var pendingNodes: [(spec: NodeSpec, rack: Int, attachment: RackAttachment?)] = []
        var rackPlanIndex: [Int: Int] = [:]

        for (rackNumber, rack) in spec.racks.enumerated() {
            if !Names.isDNSLabel(rack.name) {
                diagnostics.error(
                    .invalidName, "rack name '\(rack.name.debugEscaped)' must be a DNS label (it becomes the rack label value)",
                    at: rack.location)
            } else if let first = rackNames[rack.name] {
                diagnostics.error(
                    .duplicateName, "rack '\(rack.name)' is declared twice", at: rack.location,
                    notes: [.init("the first rack '\(rack.name)' is here", at: first)])
            } else {
                rackNames[rack.name] = rack.location
            }
            if rack.nodes.isEmpty {
                diagnostics.error(.emptyRack, "rack '\(rack.name)' has no nodes; add Node(.worker) or remove the rack", at: rack.location)
            }

            // Subnet: explicit, or the next free one of the node pool.
            var subnet: IPv4Prefix?
            var subnetOrigin = SubnetOrigin.explicit
            if let text = rack.subnet {
                subnet = ValueParsing.prefix(text, what: "rack '\(rack.name)' subnet", at: rack.location, into: &diagnostics)
            } else if rack.slot != nil {
                // Resolved (or reported) by resolveRackSlots.
                subnet = slotSubnets[rackNumber]
                subnetOrigin = .slot
                if let pool = nodePool, let length = rack.prefixLength, !(pool.prefix.length...30).contains(length) {
                    diagnostics.error(
                        .invalidNumber, "rack prefix /\(length) must be between the node pool's /\(pool.prefix.length) and /30",
                        at: rack.location)
                }
            } else if let pool = nodePool {
                subnetOrigin = .allocated
                let length = rack.prefixLength ?? pool.rackPrefix
                if !(pool.prefix.length...30).contains(length) {
                    diagnostics.error(
                        .invalidNumber, "rack prefix /\(length) must be between the node pool's /\(pool.prefix.length) and /30",
                        at: rack.location)
                } else if let free = subnetAllocator?.allocate(length: length) {
                    subnet = free
                } else {
                    diagnostics.error(
                        .addressesExhausted, "node pool \(pool.prefix) has no free /\(length) left for rack '\(rack.name)'",
                        at: rack.location, notes: [.init("the node pool is declared here", at: pool.location)])
                }
            } else if spec.nodePools.isEmpty {
                diagnostics.error(
                    .invalidPrefix, "rack '\(rack.name)' has no subnet; give it one or declare a NodePool(\"10.1.0.0/16\")",
                    at: rack.location)
            }
            // (A NodePool that is declared but invalid has its own error already.)

            // Gateway: explicit router name, else the only gateway.
            var routerName: String?
            if let name = rack.gateway {
                if gatewayIndex[name] != nil {
                    routerName = name
                } else if spec.gateways.contains(where: { $0.name == name }) {
                    // Declared, but refused (its release, name or image): that gateway's error says why.
                } else {
                    diagnostics.error(
                        .unknownGateway, "rack '\(rack.name)' names gateway '\(name.debugEscaped)', which the lab does not declare",
                        at: rack.location)
                }
            } else if gateways.count == 1 {
                routerName = gateways[0].name
            } else if gateways.count > 1 {
                diagnostics.error(
                    .unknownGateway,
                    "rack '\(rack.name)' must name its gateway with router: (the lab has \(gateways.count): \(gateways.map(\.name).joined(separator: ", ")))",
                    at: rack.location)
            } else if spec.gateways.isEmpty && rack.gatewayAddress != nil {
                diagnostics.error(
                    .unknownGateway, "rack '\(rack.name)' has a gateway address but the lab declares no Gateway",
                    at: rack.location)
            }

            let bridge = rack.bridge ?? "br-pool\(rackNumber)"
            // Ports are '<bridge>-net0' ... one per node, then the gateway's: '-net<node count>'.
            if let (check, problem) = ToolGrammars.bridgeNameProblem(bridge, lastPort: rack.nodes.count) {
                diagnostics.error(check, "bridge of rack '\(rack.name)': \(problem)", at: rack.location)
            } else {
                claimTopologyName(bridge, what: "bridge of rack '\(rack.name)'", at: rack.location)
            }

            guard let subnet else {
                for node in rack.nodes {
                    serverNumber += 1
                    kindRoles.append(node.role)
                    pendingNodes.append((node, rackNumber, nil))
                }
                continue
            }

            var gatewayAddress: IPv4Address?
            if let text = rack.gatewayAddress {
                gatewayAddress = ValueParsing.hostAddress(
                    text, what: "gateway address", in: subnet, subnetName: "rack '\(rack.name)' subnet", at: rack.location,
                    into: &diagnostics)
            } else if routerName != nil {
                gatewayAddress = subnet.hostRange.lowerBound
            }
            if let gatewayAddress {
                claimAddress(gatewayAddress, what: "the gateway of rack '\(rack.name)'", at: rack.location)
            }

            // Node addresses: explicit, or the lowest free host from firstHost, in node order.
            let firstHost = rack.firstHost ?? Resolver.defaultFirstHost
            var allocator = Allocation.HostAllocator(subnet: subnet, firstHost: firstHost, reserved: gatewayAddress)
            for (index, node) in rack.nodes.enumerated() {
                serverNumber += 1
                kindRoles.append(node.role)
                var address: IPv4Address?
                var origin = AddressOrigin.explicit
                if let text = node.address {
                    if let parsed = ValueParsing.hostAddress(
                        text, what: "node address", in: subnet, subnetName: "rack '\(rack.name)' subnet", at: node.location,
                        notes: [.init("rack '\(rack.name)' is declared here", at: rack.location)], into: &diagnostics)
                    {
                        address = parsed
                        allocator.take(parsed)
                    }
                } else {
                    origin = .allocated
                    address = allocator.next()
                    if address == nil {
                        diagnostics.error(
                            .addressesExhausted,
                            "rack '\(rack.name)' subnet \(subnet) has no free address left for this node (allocation starts at host \(firstHost))",
                            at: node.location, notes: [.init("rack '\(rack.name)' is declared here", at: rack.location)])
                    }
                }
                let server = node.server ?? "server\(serverNumber)"
                if !Names.isDNSLabel(server) {
                    diagnostics.error(.invalidName, "server name '\(server.debugEscaped)' must be a DNS label", at: node.location)
                } else {
                    claimTopologyName(server, what: "server", at: node.location)
                }
                let serverImage = node.serverImage ?? serverImageDefault
                if node.serverImage != nil { checkImage(serverImage, at: node.location) }
                var attachment: RackAttachment?
                if let address {
                    claimAddress(address, what: "server '\(server)'", at: node.location)
                    attachment = RackAttachment(
                        rack: rack.name, address: IPv4Interface(address, length: subnet.length), addressOrigin: origin,
                        defaultGateway: gatewayAddress, server: server, serverImage: serverImage, interface: "net0",
                        bridge: bridge, bridgePort: "\(bridge)-net\(index)")
                }
                pendingNodes.append((node, rackNumber, attachment))
            }
            rackPlanIndex[rackNumber] = racks.count
            racks.append(
                RackPlan(
                    name: rack.name, subnet: subnet, gatewayAddress: gatewayAddress, gateway: routerName, bridge: bridge,
                    subnetOrigin: subnetOrigin, nodeNames: [], location: rack.location))
        }

        // kind names: counted per role over the whole cluster, in node order.
        let names = Names.kindContainerNames(cluster: clusterName, roles: kindRoles)
        for (index, pending) in pendingNodes.enumerated() {
            let name = names[index]
            checkHostName(name, at: pending.spec.location)
            let rackName = spec.racks[pending.rack].name
            var labels = [Label("rack", rackName)]
            labels.append(contentsOf: checkedLabels(pending.spec))
            nodes.append(NodePlan(name: name, role: pending.spec.role, attachment: pending.attachment, labels: labels, location: pending.spec.location))
            if let planIndex = rackPlanIndex[pending.rack] { racks[planIndex].nodeNames.append(name) }
        }
    }

    mutating func claimAddress(_ address: IPv4Address, what: String, at location: SourceLocation) {
        if let previous = addresses[address] {
            diagnostics.error(
                .duplicateAddress, "\(what) uses \(address), which \(previous.what) already uses", at: location,
                notes: [.init("\(address) is first used here", at: previous.location)])
        } else {
            addresses[address] = (what, location)
        }
    }

    mutating func checkHostName(_ name: String, at location: SourceLocation) {
        if name.utf8.count > 63 {
            diagnostics.error(
                .invalidName,
                "kind node name '\(name)' has \(name.utf8.count) characters; host names have at most 63 (shorten the cluster name)",
                at: location)
        }
    }

    mutating func checkedLabels(_ node: NodeSpec) -> [Label] {
        var result: [Label] = []
        var keys: Set<String> = []
        for label in node.labels {
            if !keys.insert(label.key).inserted {
                diagnostics.error(
                    .invalidLabel, "label key '\(label.key.debugEscaped)' is set twice on this node; a node has one value per key",
                    at: node.location)
            } else if label.key == "rack" {
                diagnostics.error(.invalidLabel, "the 'rack' label is set by labgen from the node's rack", at: node.location)
            } else if !Names.isLabelKey(label.key) {
                diagnostics.error(.invalidLabel, "label key '\(label.key.debugEscaped)' is not a valid Kubernetes label key", at: node.location)
            } else if let problem = ToolGrammars.kubeletLabelProblem(label.key) {
                diagnostics.error(.kubeletRefusedLabel, problem, at: node.location)
            } else if !Names.isLabelValue(label.value) {
                diagnostics.error(
                    .invalidLabel,
                    "label value '\(label.value.debugEscaped)' is not a valid Kubernetes label value (at most 63 letters, digits, '-', '_', '.')",
                    at: node.location)
            } else {
                result.append(label)
            }
        }
        return result
    }

    /// Nodes written directly in the Cluster (kind-only labs).
    mutating func resolveClusterOnlyNodes() {
        guard let cluster, !cluster.nodes.isEmpty else { return }
        guard spec.racks.isEmpty else {
            diagnostics.error(
                .misplacedElement,
                "a lab with racks declares its nodes inside the racks; Node inside Cluster { ... } is for kind-only labs",
                at: cluster.nodes[0].location)
            return
        }
        let names = Names.kindContainerNames(cluster: clusterName, roles: cluster.nodes.map(\.role))
        for (node, name) in zip(cluster.nodes, names) {
            checkHostName(name, at: node.location)
            if node.address != nil || node.server != nil {
                diagnostics.error(
                    .misplacedElement, "a node outside a rack has no address or server; put it in a Rack to wire it up",
                    at: node.location)
            }
            nodes.append(NodePlan(name: name, role: node.role, attachment: nil, labels: checkedLabels(node), location: node.location))
        }
    }

    mutating func checkControlPlane() {
        guard let cluster else { return }
        if !nodes.isEmpty && !nodes.contains(where: { $0.role == .controlPlane }) {
            diagnostics.error(
                .noControlPlane, "cluster '\(cluster.name)' has no control-plane node; kind needs at least one",
                at: cluster.location)
        }
        if nodes.isEmpty && !diagnostics.hasErrors {
            diagnostics.error(
                .noControlPlane, "cluster '\(cluster.name)' has no nodes; add racks with nodes, or Node(.controlPlane) in the cluster",
                at: cluster.location)
        }
    }

    // MARK: - Gateways

    mutating func resolveGatewayInterfacesAndRules() {
        for gatewaySpec in spec.gateways {
            guard let index = gatewayIndex[gatewaySpec.name] else { continue }
            var interfaces: [GatewayInterfacePlan] = fabric.interfaces[gatewaySpec.name] ?? []
            for rack in racks where rack.gateway == gatewaySpec.name {
                guard let address = rack.gatewayAddress else { continue }
                interfaces.append(
                    GatewayInterfacePlan(
                        name: FabricInterfaces.nextFree(interfaces.map(\.name)), address: IPv4Interface(address, length: rack.subnet.length),
                        rack: rack.name, bridge: rack.bridge, bridgePort: "\(rack.bridge)-net\(rack.nodeNames.count)"))
            }
            // The transit interface comes after the rack interfaces.
            if let transit, let member = transit.members.firstIndex(where: { $0.gateway == gatewaySpec.name }) {
                interfaces.append(
                    GatewayInterfacePlan(
                        name: FabricInterfaces.nextFree(interfaces.map(\.name)),
                        address: IPv4Interface(transit.members[member].address, length: transit.subnet.length),
                        rack: nil, bridge: transit.bridge, bridgePort: "\(transit.bridge)-net\(member)"))
            }
            interfaces = FabricInterfaces.sorted(interfaces)
            gateways[index].interfaces = interfaces

            var rules: [MasqueradePlan] = []
            var usedRules: [Int: SourceLocation] = [:]
            // The node pool, else every rack subnet of this gateway (never the transit subnet).
            let defaultSources: [IPv4Prefix] =
                nodePool.map { [$0.prefix] } ?? interfaces.filter { $0.rack != nil }.map(\.address.subnet)
            let declared = gatewaySpec.masquerades
            for rule in declared {
                if let problem = Names.linuxInterfaceProblem(rule.outbound) {
                    diagnostics.error(.interfaceNameTooLong, "masquerade outbound interface: \(problem)", at: rule.location)
                    continue
                }
                if let problem = ToolGrammars.vyosInterfaceProblem(rule.outbound) {
                    diagnostics.error(.invalidVyOSValue, "masquerade outbound interface: \(problem)", at: rule.location)
                    continue
                }
                var sources: [IPv4Prefix] = []
                if let text = rule.source {
                    if let prefix = ValueParsing.prefix(text, what: "masquerade source", at: rule.location, into: &diagnostics) {
                        sources = [prefix]
                    }
                } else {
                    sources = defaultSources
                }
                for (offset, source) in sources.enumerated() {
                    let number = (rule.rule ?? (100 + rules.count)) + (rule.rule == nil ? 0 : offset)
                    if !(1...9999).contains(number) {
                        diagnostics.error(.invalidNumber, "NAT rule number \(number) is outside 1...9999", at: rule.location)
                        continue
                    }
                    if let first = usedRules[number] {
                        diagnostics.error(
                            .duplicateName, "NAT rule \(number) is used twice on gateway '\(gatewaySpec.name)'",
                            at: rule.location, notes: [.init("rule \(number) is first used here", at: first)])
                        continue
                    }
                    usedRules[number] = rule.location
                    rules.append(MasqueradePlan(rule: number, source: source, outbound: rule.outbound))
                }
            }
            if declared.isEmpty {
                for source in defaultSources {
                    rules.append(MasqueradePlan(rule: 100 + rules.count, source: source, outbound: "eth0"))
                }
            }
            gateways[index].masquerades = rules

            var routes: [StaticRoutePlan] = []
            var destinations: [IPv4Prefix: SourceLocation] = [:]
            for route in gatewaySpec.staticRoutes {
                guard
                    let destination = ValueParsing.prefix(
                        route.destination, what: "static route destination", at: route.location, into: &diagnostics),
                    let nextHop = ValueParsing.address(route.nextHop, what: "static route next hop", at: route.location, into: &diagnostics)
                else { continue }
                if let first = destinations[destination] {
                    diagnostics.error(
                        .duplicateName, "gateway '\(gatewaySpec.name)' has two static routes to \(destination)", at: route.location,
                        notes: [.init("the first route to \(destination) is here", at: first)])
                    continue
                }
                if !interfaces.contains(where: { $0.address.subnet.contains(nextHop) && $0.address.address != nextHop }) {
                    diagnostics.error(
                        .addressOutsideSubnet,
                        "next hop \(nextHop) is on none of gateway '\(gatewaySpec.name)' subnets (\(interfaces.map(\.address.subnet.description).joined(separator: ", ")))",
                        at: route.location)
                    continue
                }
                destinations[destination] = route.location
                routes.append(StaticRoutePlan(destination: destination, nextHop: nextHop))
            }
            // Automatic routes to the racks of the other gateways, via their transit addresses,
            // in rack order; a written route to the same destination replaces one.
            if let transit, transit.members.contains(where: { $0.gateway == gatewaySpec.name }) {
                let peers = Dictionary(transit.members.map { ($0.gateway, $0.address) }, uniquingKeysWith: { a, _ in a })
                for rack in racks {
                    guard let owner = rack.gateway, owner != gatewaySpec.name, let nextHop = peers[owner],
                        destinations[rack.subnet] == nil
                    else { continue }
                    routes.append(StaticRoutePlan(destination: rack.subnet, nextHop: nextHop))
                }
            }
            gateways[index].staticRoutes = routes
        }
    }

    // MARK: - Pools

    mutating func resolvePools() {
        guard let cluster else { return }
        var names: [String: SourceLocation] = [:]
        let rackNames = Set(spec.racks.map(\.name))
        for (index, pool) in cluster.pools.enumerated() {
            guard let cidr = ValueParsing.prefix(pool.cidr, what: "pod pool", at: pool.location, into: &diagnostics) else {
                continue
            }
            let blockSize = pool.blockSize ?? Resolver.defaultBlockSize
            if !(20...32).contains(blockSize) {
                diagnostics.error(.poolSmallerThanBlock, "block size \(blockSize) is outside Calico's 20...32 for IPv4", at: pool.location)
                continue
            }
            if cidr.length > blockSize {
                diagnostics.error(
                    .poolSmallerThanBlock,
                    "pod pool \(cidr) is smaller than one block of /\(blockSize); use a block size of at least \(cidr.length) or a larger pool",
                    at: pool.location)
                continue
            }
            if pool.ipipMode.isEnabled && pool.vxlanMode.isEnabled {
                diagnostics.error(
                    .conflictingEncapsulation,
                    "pod pool \(cidr) enables both IPIP (\(pool.ipipMode.rawValue)) and VXLAN (\(pool.vxlanMode.rawValue)); Calico allows one",
                    at: pool.location)
                continue
            }
            var selector = pool.nodeSelector ?? "all()"
            if let rack = pool.rack {
                if !rackNames.contains(rack) {
                    diagnostics.error(.unknownGateway, "pod pool \(cidr) is pinned to rack '\(rack.debugEscaped)', which the lab does not declare", at: pool.location)
                    continue
                }
                if pool.nodeSelector != nil {
                    diagnostics.error(.misplacedElement, "a pod pool takes either rack: or nodeSelector:, not both", at: pool.location)
                    continue
                }
                selector = "rack == \"\(rack)\""
            }
            if selector.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                diagnostics.error(.invalidName, "node selector '\(selector.debugEscaped)' contains control characters", at: pool.location)
                continue
            }
            do {
                let expression = try CalicoSelector.parse(selector)
                let unknown = expression.valuesRequired(for: "rack").filter { !rackNames.contains($0) }
                if let first = unknown.first {
                    let known = spec.racks.map(\.name)
                    diagnostics.warning(
                        .selectorMatchesNoRack,
                        "node selector '\(selector.debugEscaped)' compares the rack label with '\(first.debugEscaped)', "
                            + "but the lab has no such rack (racks: \(known.isEmpty ? "none" : known.joined(separator: ", ")))",
                        at: pool.location)
                }
            } catch {
                diagnostics.error(
                    .invalidSelector, "node selector '\(selector.debugEscaped)' is not a Calico selector: \(error)",
                    at: pool.location)
                continue
            }
            let name = pool.name ?? (pool.rack.map { "\($0)-ippool" } ?? (index == 0 ? "default-ipv4-ippool" : "ippool-\(index)"))
            if !Names.isKindClusterName(name) {
                diagnostics.error(.invalidName, "pool name '\(name.debugEscaped)' must be a DNS subdomain", at: pool.location)
                continue
            }
            if let first = names[name] {
                diagnostics.error(
                    .duplicateName, "two pod pools are named '\(name)'", at: pool.location,
                    notes: [.init("the first is here", at: first)])
                continue
            }
            names[name] = pool.location
            if let podSubnet, !pool.disabled, !podSubnet.contains(cidr) {
                diagnostics.error(
                    .poolOverlap, "pod pool \(cidr) is not inside the cluster's pod subnet \(podSubnet)", at: pool.location,
                    notes: [.init("the cluster is declared here", at: cluster.location)])
            }
            pools.append(
                PodPoolPlan(
                    name: name, cidr: cidr, blockSize: blockSize, ipipMode: pool.ipipMode, vxlanMode: pool.vxlanMode,
                    natOutgoing: pool.natOutgoing, nodeSelector: selector, disabled: pool.disabled, location: pool.location))
        }
        if !cluster.pools.isEmpty, cluster.pools.allSatisfy(\.disabled) {
            diagnostics.error(
                .noEnabledPool,
                "every pod pool of cluster '\(cluster.name.debugEscaped)' is disabled: Calico assigns pod "
                    + "addresses only from enabled pools, so no pod would start; "
                    + "enable one (remove disabled: true) or add an enabled PodPool",
                at: cluster.pools[0].location, notes: [.init("the cluster is declared here", at: cluster.location)])
        }
    }

    /// Rack subnets, pod pools and the service subnet must not overlap one another.
    mutating func checkOverlaps() {
        enum Owner {
            case rack(RackPlan), pool(PodPoolPlan), service(SourceLocation), podSubnet(SourceLocation)
            case transit(SourceLocation?)
        }
        func describe(_ owner: Owner) -> (String, SourceLocation?) {
            switch owner {
            case .rack(let rack): ("rack '\(rack.name)' subnet \(rack.subnet)", rack.location)
            case .pool(let pool): ("pod pool \(pool.cidr)", pool.location)
            case .service(let location): ("the service subnet \(serviceSubnet ?? ClusterPlan.kindDefaultServiceSubnet)", location)
            case .podSubnet(let location): ("the pod subnet \(podSubnet ?? ClusterPlan.kindDefaultPodSubnet)", location)
            case .transit(let location): ("the transit subnet \(transit?.subnet.description ?? "")", location)
            }
        }
        var items: [(prefix: IPv4Prefix, tag: Owner)] = racks.map { ($0.subnet, .rack($0)) }
        if let transit { items.append((transit.subnet, .transit(transitLocation ?? spec.gateways.dropFirst().first?.location))) }
        items += pools.map { ($0.cidr, .pool($0)) }
        if let cluster {
            items.append((serviceSubnet ?? ClusterPlan.kindDefaultServiceSubnet, .service(cluster.location)))
            if pools.isEmpty { items.append((podSubnet ?? ClusterPlan.kindDefaultPodSubnet, .podSubnet(cluster.location))) }
        }
        for overlap in Overlaps.find(items) {
            let (a, aLocation) = describe(overlap.earlier)
            let (b, bLocation) = describe(overlap.later)
            let check: ModelCheck
            switch (overlap.earlier, overlap.later) {
            case (.rack, .rack), (.rack, .transit), (.transit, .rack): check = .overlappingSubnets
            default: check = .poolOverlap
            }
            // Report at the element the user is most likely to change: the later one in the file.
            let (first, firstLocation, second, secondLocation) =
                (aLocation ?? spec.location) < (bLocation ?? spec.location) ? (a, aLocation, b, bLocation) : (b, bLocation, a, aLocation)
            diagnostics.error(
                check, "\(second) overlaps \(first)", at: secondLocation ?? spec.location,
                notes: [.init("\(first) is declared here", at: firstLocation)])
        }
    }
}
