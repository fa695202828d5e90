import LabModel

/// Deterministic address allocation, stable when racks or nodes are appended.
///
/// - Rack subnets from a node pool: racks without a subnet take, in rack order, the lowest
///   aligned subnet of their size that lies after the previous allocation and overlaps no
///   explicitly written rack subnet. A rack appended at the end never moves an earlier one.
/// - Node addresses: the rack's gateway takes the first host (unless written); nodes without
///   an address take, in node order, the lowest host from `firstHost` (default 10) that no
///   earlier node and not the gateway uses. A node appended at the end never renumbers the
///   others; an explicit address that an earlier node was allocated is a duplicate error.
public enum Allocation {
    /// The next free subnet of `length` in `pool` after every subnet in `taken` that was
    /// allocated before, skipping explicitly taken subnets. `taken` may be in any order.
    static func nextFreeSubnet(in pool: IPv4Prefix, length: Int, taken: [IPv4Prefix]) -> IPv4Prefix? {
        let size = UInt64(1) << UInt64(32 - length)
        let inPool = taken.filter { pool.overlaps($0) }.sorted { $0.network < $1.network }
        var candidate = UInt64(pool.network.value)
        let end = UInt64(pool.broadcast.value)
        var index = 0
        while candidate + size - 1 <= end {
            let candidateEnd = candidate + size - 1
            // Skip taken subnets that end before the candidate.
            while index < inPool.count && UInt64(inPool[index].broadcast.value) < candidate { index += 1 }
            var clash: IPv4Prefix?
            var probe = index
            while probe < inPool.count && UInt64(inPool[probe].network.value) <= candidateEnd {
                clash = inPool[probe]
                probe += 1
            }
            guard let clash else { return IPv4Prefix(IPv4Address(UInt32(candidate)), length: length) }
            // Move past the clash, aligned to the subnet size.
            let after = UInt64(clash.broadcast.value) + 1
            candidate = (after + size - 1) / size * size
        }
        return nil
    }

    /// Hands out host addresses of one rack in order.
    struct HostAllocator {
        let subnet: IPv4Prefix
        private var cursor: UInt64
        private var taken: Set<IPv4Address> = []

        init(subnet: IPv4Prefix, firstHost: Int, reserved: IPv4Address?) {
            self.subnet = subnet
            cursor = UInt64(subnet.network.value) + UInt64(max(firstHost, 1))
            if let reserved { taken.insert(reserved) }
        }

        mutating func take(_ address: IPv4Address) { taken.insert(address) }

        /// The lowest free host at or after the cursor, or nil when the subnet is full.
        mutating func next() -> IPv4Address? {
            let last = UInt64(subnet.hostRange.upperBound.value)
            while cursor <= last {
                let address = IPv4Address(UInt32(cursor))
                cursor += 1
                if !taken.contains(address) {
                    taken.insert(address)
                    return address
                }
            }
            return nil
        }
    }
}
