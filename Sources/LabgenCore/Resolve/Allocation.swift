import LabModel

/// Deterministic address allocation, stable when racks or nodes are appended.
///
/// - Rack subnets from a node pool: a rack with `slot: n` takes the n-th subnet of its size in
///   the pool (counted from 0). Racks with neither a subnet nor a slot take, in rack order, the
///   lowest aligned subnet of their size that overlaps no written subnet (wherever the rack is
///   written), no slot subnet, no transit subnet and no earlier allocation. A rack appended at
///   the end never moves an earlier one, unless it writes a subnet or slot that an earlier rack
///   was allocated (then that earlier rack moves: write such racks first).
/// - The transit subnet of a multi-gateway lab, when not written, is the highest free /29 of
///   the node pool (/28 for 7 to 14 gateways, ...), chosen before the racks are allocated, so
///   that appending racks never moves it.
/// - Transit addresses: gateways with a written address keep it; the others take, in gateway
///   order, the lowest free host of the transit subnet from its first host.
/// - Node addresses: the rack's gateway takes the first host (unless written); nodes without
///   an address take, in node order, the lowest host from `firstHost` (default 10) that no
///   earlier node and not the gateway uses. A node appended at the end never renumbers the
///   others; an explicit address that an earlier node was allocated is a duplicate error.
public enum Allocation {
    /// The lowest aligned subnet of `length` in `pool` that overlaps nothing in `taken` (the
    /// written, slot and transit subnets and the earlier allocations). `taken` may be in any
    /// order. A smaller rack may so fill a gap that a larger earlier one left.
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

    /// The highest aligned subnet of `length` in `pool` that overlaps nothing in `taken`.
    static func lastFreeSubnet(in pool: IPv4Prefix, length: Int, taken: [IPv4Prefix]) -> IPv4Prefix? {
        guard length >= pool.length, length <= 32 else { return nil }
        let size = UInt64(1) << UInt64(32 - length)
        let inPool = taken.filter { pool.overlaps($0) }
        var candidate = UInt64(pool.broadcast.value) + 1 - size
        let start = UInt64(pool.network.value)
        while true {
            let candidateEnd = candidate + size - 1
            // The lowest network among the taken subnets that overlap the candidate.
            let clash = inPool.filter {
                UInt64($0.network.value) <= candidateEnd && UInt64($0.broadcast.value) >= candidate
            }.map { UInt64($0.network.value) }.min()
            guard let clash else { return IPv4Prefix(IPv4Address(UInt32(candidate)), length: length) }
            // Move below the clash, aligned to the subnet size.
            guard clash >= start + size else { return nil }
            candidate = (clash - size) / size * size
            if candidate < start { return nil }
        }
    }

    /// The subnet at position `slot` (from 0) of `pool` in subnets of `length`, or nil when
    /// the pool has fewer.
    static func slotSubnet(in pool: IPv4Prefix, length: Int, slot: Int) -> IPv4Prefix? {
        guard length >= pool.length, length <= 32, slot >= 0 else { return nil }
        let count = UInt64(1) << UInt64(length - pool.length)
        guard UInt64(slot) < count else { return nil }
        let size = UInt64(1) << UInt64(32 - length)
        return IPv4Prefix(IPv4Address(UInt32(UInt64(pool.network.value) + UInt64(slot) * size)), length: length)
    }

    /// The prefix length of a transit subnet with room for `members` hosts: /29 up to 6.
    static func transitLength(members: Int) -> Int {
        var length = 29
        while length > 1 && (1 << (32 - length)) - 2 < members { length -= 1 }
        return length
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
