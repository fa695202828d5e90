import LabModel
import LabgenTestSupport
import Testing

@testable import LabgenCore

/// Random lab shapes for the allocation properties: a node pool, racks that take the next free
/// subnet or a slot (some with their own prefix length), nodes that are allocated or written
/// below the first allocated host, and one or two gateways.
enum RandomLabs {
    static let here = SourceLocation(file: "RandomLabs", line: 1, column: 1)

    static func node(_ role: NodeRole, address: String? = nil) -> NodeSpec {
        NodeSpec(role: role, address: address, server: nil, serverImage: nil, location: here)
    }

    static func rack(_ name: String, slot: Int?, prefixLength: Int?, router: String?, nodes: [NodeSpec]) -> RackSpec {
        var rack = RackSpec(
            name: name, subnet: nil, prefixLength: prefixLength, gatewayAddress: nil, gateway: router, bridge: nil,
            firstHost: nil, slot: slot, location: here)
        rack.nodes = nodes
        return rack
    }

    /// A node of a rack: allocated most of the time, else written at a host below 10.
    static func randomNode(_ role: NodeRole, subnet: IPv4Prefix?, used: inout Set<Int>, using rng: inout SeededRandom)
        -> NodeSpec
    {
        if let subnet, Int.random(in: 0..<4, using: &rng) == 0 {
            let free = (2...9).filter { !used.contains($0) }
            if let host = free.randomElement(using: &rng) {
                used.insert(host)
                return node(role, address: IPv4Address(subnet.network.value + UInt32(host)).description)
            }
        }
        return node(role)
    }

    static func lab(seed: UInt64) -> LabSpec {
        var rng = SeededRandom(seed: seed)
        var spec = LabSpec(name: "random", location: here)
        var cluster = ClusterSpec(
            name: "random", image: nil, podSubnet: nil, serviceSubnet: nil, disableDefaultCNI: true, kubeProxyMode: nil,
            location: here)
        cluster.pools = [
            PodPoolSpec(
                name: nil, cidr: "10.244.0.0/16", blockSize: nil, ipipMode: .crossSubnet, vxlanMode: .never,
                natOutgoing: true, nodeSelector: nil, rack: nil, disabled: false, location: here)
        ]
        spec.clusters = [cluster]
        let rackPrefix = Int.random(in: 24...26, using: &rng)
        spec.nodePools = [
            NodePoolSpec(
                cidr: "10.\(Int.random(in: 1...20, using: &rng)).0.0/16", rackPrefix: rackPrefix, location: here)
        ]
        let gatewayCount = Int.random(in: 1...2, using: &rng)
        spec.gateways = (0..<gatewayCount).map {
            GatewaySpec(name: "gw\($0)", vyos: $0 == 0 ? "1.4.9" : "1.2.8", image: nil, location: here)
        }
        var slots = Set<Int>()
        for index in 0..<Int.random(in: 1...5, using: &rng) {
            var slot: Int?
            var prefixLength: Int?
            if Int.random(in: 0..<3, using: &rng) == 0 {
                // Slots high in the pool, where sequential racks of any size rarely reach.
                let candidate = Int.random(in: 40...60, using: &rng)
                if slots.insert(candidate).inserted { slot = candidate }
            } else if Int.random(in: 0..<4, using: &rng) == 0 {
                prefixLength = rackPrefix + 1
            }
            spec.racks.append(
                rack(
                    "rack\(index)", slot: slot, prefixLength: prefixLength, router: "gw\(index % gatewayCount)",
                    nodes: []))
        }
        // Nodes: the first is the control plane. Written addresses only in slot racks, whose
        // subnet is known before resolving.
        let pool = IPv4Prefix(spec.nodePools[0].cidr)!
        for index in spec.racks.indices {
            let slotted = spec.racks[index].slot.flatMap {
                Allocation.slotSubnet(in: pool, length: rackPrefix, slot: $0)
            }
            var used = Set<Int>()
            for n in 0..<Int.random(in: 1...4, using: &rng) {
                let role: NodeRole = index == 0 && n == 0 ? .controlPlane : .worker
                spec.racks[index].nodes.append(randomNode(role, subnet: slotted, used: &used, using: &rng))
            }
        }
        return spec
    }
}

/// The addresses of a plan, by rack: subnet, gateway, and the node addresses in node order.
struct RackAddresses: Equatable, CustomStringConvertible {
    var subnet: IPv4Prefix
    var gateway: IPv4Address?
    var nodes: [IPv4Address]

    var description: String { "\(subnet) gw \(gateway.map { "\($0)" } ?? "-") \(nodes)" }

    static func of(_ plan: LabPlan) -> [RackAddresses] {
        plan.racks.map { rack in
            let nodes = plan.nodes.filter { $0.attachment?.rack == rack.name }.compactMap {
                $0.attachment?.address.address
            }
            return RackAddresses(subnet: rack.subnet, gateway: rack.gatewayAddress, nodes: nodes)
        }
    }
}

@Suite("Allocation properties over random lab shapes")
struct AllocationPropertyTests {
    static let seeds: [UInt64] = Array(1...60)

    func resolve(_ spec: LabSpec, seed: UInt64) throws -> LabPlan {
        let resolution = Resolver.resolve(spec)
        #expect(resolution.diagnostics.isEmpty, "seed \(seed): \(resolution.diagnostics.map(\.description))")
        return try #require(resolution.plan, "seed \(seed)")
    }

    @Test("the same description always gives the same plan", arguments: seeds)
    func deterministic(seed: UInt64) throws {
        let spec = RandomLabs.lab(seed: seed)
        let first = try resolve(spec, seed: seed)
        let again = try resolve(RandomLabs.lab(seed: seed), seed: seed)
        #expect(first == again, "seed \(seed)")
    }

    @Test("every allocated address is in its subnet, unique, and no subnet overlaps another", arguments: seeds)
    func wellFormed(seed: UInt64) throws {
        let spec = RandomLabs.lab(seed: seed)
        let plan = try resolve(spec, seed: seed)
        let pool = try #require(IPv4Prefix(spec.nodePools[0].cidr))
        var seen = Set<IPv4Address>()
        var subnets = plan.racks.map(\.subnet)
        if let transit = plan.transit { subnets.append(transit.subnet) }
        for i in subnets.indices {
            #expect(pool.contains(subnets[i]), "seed \(seed): \(subnets[i]) is outside \(pool)")
            for j in subnets.indices where j > i {
                #expect(!subnets[i].overlaps(subnets[j]), "seed \(seed): \(subnets[i]) overlaps \(subnets[j])")
            }
        }
        for rack in RackAddresses.of(plan) {
            for address in [rack.gateway].compactMap({ $0 }) + rack.nodes {
                #expect(
                    rack.subnet.contains(address) && !rack.subnet.isNetworkOrBroadcast(address),
                    "seed \(seed): \(address)")
                #expect(seen.insert(address).inserted, "seed \(seed): \(address) twice")
            }
            #expect(rack.gateway == rack.subnet.hostRange.lowerBound, "seed \(seed): the gateway takes the first host")
        }
        // Racks of one size that took the next free subnet did so in rack order (a smaller rack
        // may fill a gap that a larger one left below).
        for length in Set(plan.racks.map(\.subnet.length)) {
            let allocated = plan.racks.filter { $0.subnetOrigin == .allocated && $0.subnet.length == length }.map(
                \.subnet.network)
            #expect(allocated == allocated.sorted(), "seed \(seed): \(allocated)")
        }
    }

    @Test("appending a node at the end of a rack renumbers nothing", arguments: seeds)
    func appendNode(seed: UInt64) throws {
        var spec = RandomLabs.lab(seed: seed)
        let before = try resolve(spec, seed: seed)
        let rack = Int(seed) % spec.racks.count
        spec.racks[rack].nodes.append(RandomLabs.node(.worker))
        let after = try resolve(spec, seed: seed)
        let old = RackAddresses.of(before)
        let new = RackAddresses.of(after)
        for index in old.indices {
            #expect(new[index].subnet == old[index].subnet && new[index].gateway == old[index].gateway, "seed \(seed)")
            #expect(Array(new[index].nodes.prefix(old[index].nodes.count)) == old[index].nodes, "seed \(seed)")
            #expect(new[index].nodes.count == old[index].nodes.count + (index == rack ? 1 : 0), "seed \(seed)")
        }
        #expect(after.transit == before.transit, "seed \(seed)")
    }

    @Test("appending a rack moves no earlier rack, node or transit address", arguments: seeds)
    func appendRack(seed: UInt64) throws {
        var spec = RandomLabs.lab(seed: seed)
        let before = try resolve(spec, seed: seed)
        let router = spec.gateways[Int(seed) % spec.gateways.count].name
        spec.racks.append(
            RandomLabs.rack(
                "extra", slot: nil, prefixLength: nil, router: router,
                nodes: [RandomLabs.node(.worker), RandomLabs.node(.worker)]))
        let after = try resolve(spec, seed: seed)
        let old = RackAddresses.of(before)
        #expect(Array(RackAddresses.of(after).prefix(old.count)) == old, "seed \(seed)")
        #expect(after.transit == before.transit, "seed \(seed)")
        // Routes that existed before still exist: the new rack only adds its own.
        for (oldGateway, newGateway) in zip(before.gateways, after.gateways) {
            #expect(
                Array(newGateway.staticRoutes.prefix(oldGateway.staticRoutes.count)) == oldGateway.staticRoutes,
                "seed \(seed)")
            // Rack interfaces keep their names and addresses (the transit interface, which comes
            // after them, moves up by one on the gateway that gains the rack).
            let oldRacks = oldGateway.interfaces.filter { $0.rack != nil }
            #expect(
                Array(newGateway.interfaces.filter { $0.rack != nil }.prefix(oldRacks.count)) == oldRacks,
                "seed \(seed)")
            #expect(
                newGateway.interfaces.last?.address == oldGateway.interfaces.last?.address
                    || newGateway.interfaces.last?.rack == "extra")
        }
    }

    @Test func nextFreeSubnetSkipsTakenOnesInAnyOrder() {
        let pool = IPv4Prefix("10.1.0.0/16")!
        let taken = [IPv4Prefix("10.1.1.0/24")!, IPv4Prefix("10.1.0.0/25")!]
        #expect(Allocation.nextFreeSubnet(in: pool, length: 24, taken: taken) == IPv4Prefix("10.1.2.0/24"))
        #expect(Allocation.nextFreeSubnet(in: pool, length: 25, taken: taken) == IPv4Prefix("10.1.0.128/25"))
        #expect(
            Allocation.nextFreeSubnet(in: IPv4Prefix("10.1.0.0/24")!, length: 24, taken: [IPv4Prefix("10.1.0.0/24")!])
                == nil)
    }

    @Test func lastFreeSubnetAndSlots() {
        let pool = IPv4Prefix("10.1.0.0/16")!
        #expect(Allocation.lastFreeSubnet(in: pool, length: 29, taken: []) == IPv4Prefix("10.1.255.248/29"))
        #expect(
            Allocation.lastFreeSubnet(in: pool, length: 29, taken: [IPv4Prefix("10.1.255.0/24")!])
                == IPv4Prefix("10.1.254.248/29"))
        #expect(
            Allocation.lastFreeSubnet(in: IPv4Prefix("10.1.0.0/29")!, length: 29, taken: [IPv4Prefix("10.1.0.0/30")!])
                == nil)
        #expect(Allocation.slotSubnet(in: pool, length: 24, slot: 5) == IPv4Prefix("10.1.5.0/24"))
        #expect(Allocation.slotSubnet(in: pool, length: 26, slot: 5) == IPv4Prefix("10.1.1.64/26"))
        #expect(Allocation.slotSubnet(in: pool, length: 24, slot: 256) == nil)
        #expect(Allocation.transitLength(members: 2) == 29)
        #expect(Allocation.transitLength(members: 6) == 29)
        #expect(Allocation.transitLength(members: 7) == 28)
    }
}
