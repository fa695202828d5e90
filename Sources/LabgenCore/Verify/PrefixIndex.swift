import LabModel

/// Finds, among many IPv4 prefixes, one that overlaps a query prefix, in O(33 + log n):
/// prefixes either nest or are disjoint, so an overlapping prefix contains the query (look up the
/// query's 33 supernets in a dictionary) or starts inside it (binary search on sorted starts).
struct PrefixIndex<Payload> {
    private var byPrefix: [IPv4Prefix: Payload] = [:]
    private var sorted: [(start: UInt32, prefix: IPv4Prefix)] = []

    init(_ entries: [(IPv4Prefix, Payload)]) {
        for (prefix, payload) in entries where byPrefix[prefix.canonical] == nil {
            byPrefix[prefix.canonical] = payload
            sorted.append((prefix.network.value, prefix.canonical))
        }
        sorted.sort { ($0.start, $0.prefix.length) < ($1.start, $1.prefix.length) }
    }

    /// A prefix of the index that overlaps `query`, preferring one that contains it.
    func overlapping(_ query: IPv4Prefix) -> (IPv4Prefix, Payload)? {
        for length in stride(from: query.length, through: 0, by: -1) {
            let candidate = IPv4Prefix(query.network, length: length).canonical
            if let payload = byPrefix[candidate] { return (candidate, payload) }
        }
        let start = query.network.value
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid].start < start { low = mid + 1 } else { high = mid }
        }
        if low < sorted.count, query.contains(sorted[low].prefix.network) {
            return (sorted[low].prefix, byPrefix[sorted[low].prefix]!)
        }
        return nil
    }
}
