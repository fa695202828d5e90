import LabModel

extension FabricView {
    /// The `node:interface` ends a router interface reaches at layer 2: the other end of its link, or every
    /// other port of the bridge it is linked to. Nil when the interface is on no link of the topology.
    func neighbors(of router: String, interface: String) -> Set<String>? {
        guard let clab else { return nil }
        let key = "\(router):\(interface)"
        guard let link = clab.links.first(where: { $0.endpoints.contains { $0.key == key } }) else { return nil }
        var result = Set<String>()
        for endpoint in link.endpoints where endpoint.key != key {
            if clabNodes[endpoint.node]?.isBridge == true {
                // Every other node linked to that bridge.
                for other in clab.links where other.endpoints.contains(where: { $0.node == endpoint.node }) {
                    for end in other.endpoints where end.node != endpoint.node && end.key != key {
                        result.insert(end.key)
                    }
                }
            } else {
                result.insert(endpoint.key)
            }
        }
        return result
    }

    /// Whether two router interfaces share a link or a bridge; nil when that cannot be told (an interface
    /// that is a VyOS bridge, a vif, or on no link).
    func share(_ a: String, _ interfaceA: String, _ b: String, _ interfaceB: String) -> Bool? {
        let plain = { (name: String) in !name.contains(".") && !name.hasPrefix("br") && !name.hasPrefix("bond") }
        guard plain(interfaceA), plain(interfaceB), let reached = neighbors(of: a, interface: interfaceA) else {
            return nil
        }
        return reached.contains("\(b):\(interfaceB)")
    }

    /// The router at the other end of a point-to-point link from `router:interface`, if it is one.
    func linkedRouter(_ router: String, _ interface: String) -> (name: String, interface: String)? {
        guard let reached = neighbors(of: router, interface: interface), reached.count == 1, let end = reached.first
        else { return nil }
        let parts = end.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, routers[parts[0]] != nil else { return nil }
        return (parts[0], parts[1])
    }
}
