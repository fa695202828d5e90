import LabModel

/// Finds overlapping prefixes in O(n log n): sort by network, sweep keeping the prefix that
/// reaches furthest. Every prefix that overlaps an earlier one is reported once, paired with
/// the earlier prefix it overlaps.
enum Overlaps {
    static func find<Tag>(_ items: [(prefix: IPv4Prefix, tag: Tag)]) -> [(
        earlier: Tag, later: Tag, earlierPrefix: IPv4Prefix, laterPrefix: IPv4Prefix
    )] {
        let sorted = items.enumerated().sorted {
            ($0.element.prefix.network, $0.element.prefix.length, $0.offset)
                < ($1.element.prefix.network, $1.element.prefix.length, $1.offset)
        }
        var result: [(earlier: Tag, later: Tag, earlierPrefix: IPv4Prefix, laterPrefix: IPv4Prefix)] = []
        var reach: (end: UInt32, index: Int)? = nil
        for (position, entry) in sorted.enumerated() {
            let prefix = entry.element.prefix
            if let current = reach, prefix.network.value <= current.end {
                let holder = sorted[current.index].element
                result.append((holder.tag, entry.element.tag, holder.prefix, prefix))
            }
            if reach == nil || prefix.broadcast.value > reach!.end {
                reach = (prefix.broadcast.value, position)
            }
        }
        return result
    }
}
