import LabModel

/// One line per CNI for `labgen check`'s summary of what changed (Calico's pools are compared on their own).
enum CNISummary {
    static func describe(_ cni: CNIPlan?) -> String? {
        switch cni {
        case .flannel(let plan):
            return "Flannel \(plan.version) \(plan.backend.rawValue)\(plan.directRouting ? " DirectRouting" : "")"
        case .cilium(let plan):
            var text = "Cilium \(plan.version) \(plan.routingMode.rawValue)"
            if let proto = plan.tunnelProtocol { text += " \(proto.rawValue)" }
            if let cidr = plan.nativeRoutingCIDR { text += " ipv4NativeRoutingCIDR \(cidr)" }
            if plan.autoDirectNodeRoutes { text += " autoDirectNodeRoutes" }
            text += " ipam \(plan.ipamMode.rawValue)"
            if let pool = plan.clusterPoolCIDR { text += " \(pool) /\(plan.clusterPoolMaskSize ?? 24)" }
            if plan.kubeProxyReplacement { text += " kubeProxyReplacement" }
            return text
        case .calico:
            // Calico's pools are compared on their own; its install is not summarised (as before).
            return "Calico"
        case nil:
            return nil
        }
    }

    static func changes(_ old: CNIPlan?, _ new: CNIPlan?) -> [String] {
        let before = describe(old)
        let after = describe(new)
        guard before != after else { return [] }
        return ["CNI: \(before ?? "none") -> \(after ?? "none")"]
    }
}
