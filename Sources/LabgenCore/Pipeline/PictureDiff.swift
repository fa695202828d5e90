import LabModel

/// What changed in a lab's picture (topology.md / topology.svg) between two resolved labs: its
/// elements (gateways, transit, racks, nodes, pools, the outside) and links added, removed or
/// relabelled, compared by what they are (`rack rack0`, `gateway gw0 -- rack rack0`), not by text.
public enum PictureDiff {
    public static func summary(old: LabPlan?, new: LabPlan) -> [String] {
        compare(old: old.map(TopologyGraph.init), new: TopologyGraph(new))
    }

    public static func compare(old: TopologyGraph?, new: TopologyGraph) -> [String] {
        guard let old else {
            return ["new picture: \(new.elements.count) elements, \(new.links.count) links"]
        }
        var lines: [String] = []
        let before = Dictionary(old.elements.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.elements.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for element in new.elements {
            if let previous = before[element.key] {
                if previous.label != element.label {
                    lines.append("\(element.key) relabelled: '\(previous.label)' -> '\(element.label)'")
                }
            } else {
                lines.append("\(element.key) added (\(element.label))")
            }
        }
        for element in old.elements where after[element.key] == nil {
            lines.append("\(element.key) removed (\(element.label))")
        }
        let oldLinks = Dictionary(old.links.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let newLinks = Dictionary(new.links.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for link in new.links {
            if let previous = oldLinks[link.key] {
                if previous.label != link.label {
                    lines.append("link \(link.key) relabelled: '\(previous.label)' -> '\(link.label)'")
                }
            } else {
                lines.append("link \(link.key) added (\(link.label))")
            }
        }
        for link in old.links where newLinks[link.key] == nil {
            lines.append("link \(link.key) removed (\(link.label))")
        }
        return lines
    }
}
