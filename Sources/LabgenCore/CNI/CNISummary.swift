import LabModel

/// One line per CNI for `labgen check`'s summary of what changed (Calico's pools are compared on their own).
enum CNISummary {
    static func describe(_ cni: CNIPlan?) -> String? {
        cni.flatMap { CNIDrivers.summary($0) }
    }

    static func changes(_ old: CNIPlan?, _ new: CNIPlan?) -> [String] {
        let before = describe(old)
        let after = describe(new)
        guard before != after else { return [] }
        return ["CNI: \(before ?? "none") -> \(after ?? "none")"]
    }
}
