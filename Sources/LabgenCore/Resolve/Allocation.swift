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
        var allocator = SubnetAllocator(pool: pool, taken: taken)
        return allocator.allocate(length: length)
    }

    /// Hands out rack subnets of a node pool: each time the lowest aligned subnet of the asked
    /// size that overlaps nothing taken so far. The taken subnets are kept sorted (binary search
    /// and insertion) and, per size, the search resumes where the last one of that size ended,
    /// since the taken set only grows: appending R racks costs O(R log R), not O(R^2 log R).
    struct SubnetAllocator {
        let pool: IPv4Prefix
        /// Taken subnets that overlap the pool, sorted by network address.
        private var taken: [IPv4Prefix]
        /// For each subnet size, the lowest candidate not yet known to be taken.
        private var resume: [Int: UInt64] = [:]

        init(pool: IPv4Prefix, taken: [IPv4Prefix]) {
            self.pool = pool
            self.taken = taken.filter { pool.overlaps($0) }.sorted { $0.network < $1.network }
        }

        /// Marks a subnet as taken.
        mutating func take(_ subnet: IPv4Prefix) {
            guard pool.overlaps(subnet) else { return }
            taken.insert(subnet, at: firstIndex(networkAfter: UInt64(subnet.network.value)))
        }

        /// The index of the first taken subnet whose network is >= `address`.
        private func firstIndex(networkAfter address: UInt64) -> Int {
            var low = 0
            var high = taken.count
            while low < high {
                let middle = (low + high) / 2
                if UInt64(taken[middle].network.value) < address { low = middle + 1 } else { high = middle }
            }
            return low
        }

        mutating func allocate(length: Int) -> IPv4Prefix? {
            guard length >= pool.length, length <= 32 else { return nil }
            let size = UInt64(1) << UInt64(32 - length)
            let end = UInt64(pool.broadcast.value)
            var candidate = resume[length] ?? UInt64(pool.network.value)
            while candidate + size - 1 <= end {
                let candidateEnd = candidate + size - 1
                // Taken subnets are disjoint in a valid lab, so sorted by network they are sorted by
                // end too: only the one just before the candidate can reach into it, and those
                // starting inside it clash. (Overlapping input is an error reported elsewhere; the
                // search still ends, since the candidate only moves forward.)
                let index = firstIndex(networkAfter: candidate)
                var clashEnd: UInt64?
                if index > 0, UInt64(taken[index - 1].broadcast.value) >= candidate {
                    clashEnd = UInt64(taken[index - 1].broadcast.value)
                }
                var probe = index
                while probe < taken.count, UInt64(taken[probe].network.value) <= candidateEnd {
                    clashEnd = max(clashEnd ?? 0, UInt64(taken[probe].broadcast.value))
                    probe += 1
                }
                guard let clash = clashEnd else {
                    let subnet = IPv4Prefix(IPv4Address(UInt32(candidate)), length: length)
                    resume[length] = candidate + size
                    take(subnet)
                    return subnet
                }
                // Move past the clash, aligned to the subnet size.
                candidate = (clash + size) / size * size
            }
            resume[length] = candidate
            return nil
        }
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
