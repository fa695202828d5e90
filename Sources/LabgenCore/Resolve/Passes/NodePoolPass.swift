import LabModel

/// The node pool racks take their subnets from, when the lab declares one.
struct NodePool {
    var prefix: IPv4Prefix
    var rackPrefix: Int
    var location: SourceLocation

    /// The rack prefix lengths a rack in this pool may have.
    var rackLengths: ClosedRange<Int> { prefix.length...30 }
}

/// `NodePool(cidr, rackPrefix:)`: the pool and its default rack size.
struct NodePoolPass: ResolverPass {
    func run(_ context: inout ResolveContext) -> NodePool? {
        guard let pool = context.spec.nodePools.first else { return nil }
        guard
            let prefix = ValueParsing.prefix(
                pool.cidr, what: "node pool", at: pool.location, into: &context.diagnostics)
        else { return nil }
        guard (prefix.length...30).contains(pool.rackPrefix) else {
            context.diagnostics.error(
                .invalidNumber, "rack prefix /\(pool.rackPrefix) must be between the pool's /\(prefix.length) and /30",
                at: pool.location)
            return nil
        }
        return NodePool(prefix: prefix, rackPrefix: pool.rackPrefix, location: pool.location)
    }
}

/// Subnets of racks written with `slot:`: the slot-th subnet of the rack's size in the node pool,
/// by rack position. Each slot is taken once.
struct RackSlotsPass: ResolverPass {
    let nodePool: NodePool?

    func run(_ context: inout ResolveContext) -> [Int: IPv4Prefix] {
        var slotSubnets: [Int: IPv4Prefix] = [:]
        var used = Claims<IPv4Prefix>(check: .overlappingSubnets)
        for (rackNumber, rack) in context.spec.racks.enumerated() {
            guard let slot = rack.slot else { continue }
            if rack.subnet != nil {
                context.diagnostics.error(
                    .misplacedElement, "rack '\(rack.name)' takes either subnet: or slot:, not both", at: rack.location)
                continue
            }
            guard let pool = nodePool else {
                if context.spec.nodePools.isEmpty {
                    context.diagnostics.error(
                        .invalidPrefix,
                        "rack '\(rack.name)' takes slot \(slot) of the node pool, but the lab declares no NodePool",
                        at: rack.location)
                }
                continue
            }
            let length = rack.prefixLength ?? pool.rackPrefix
            guard pool.rackLengths.contains(length) else { continue }  // reported with the rack
            guard let subnet = Allocation.slotSubnet(in: pool.prefix, length: length, slot: slot) else {
                let count = 1 << (length - pool.prefix.length)
                context.diagnostics.error(
                    .addressesExhausted,
                    "slot \(slot) is outside node pool \(pool.prefix), which has "
                        + "\(count) subnets of /\(length) (slots 0...\(count - 1))",
                    at: rack.location, notes: [.init("the node pool is declared here", at: pool.location)])
                continue
            }
            let claimed = used.claim(subnet, what: rack.name, at: rack.location, into: &context.diagnostics) { first in
                (
                    "rack '\(rack.name)' takes slot \(slot) (\(subnet)), which rack '\(first.what)' already takes",
                    "rack '\(first.what)' is declared here"
                )
            }
            if claimed { slotSubnets[rackNumber] = subnet }
        }
        return slotSubnets
    }
}
