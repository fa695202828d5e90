import LabFormats
import LabModel

/// A router's `protocols bgp` in the dialect of its release: `protocols bgp <asn> { ... }` up to 1.3,
/// `protocols bgp { system-as <asn> ... }` from 1.4 on (vyos-1x bgp migrations to `system-as`).
/// The children are in VyOS's own order (alphabetical), as VyOS saves a config.boot.
enum VyOSBGPRenderer {
    static func bgp(_ bgp: BGPRouterPlan, dialect: VyOSDialect) -> VyOSNode {
        var children: [VyOSNode] = []
        if !bgp.networks.isEmpty {
            let networks = bgp.networks.map { VyOSNode("network", $0.description, children: []) }
            children.append(VyOSNode("address-family", children: [VyOSNode("ipv4-unicast", children: networks)]))
        }
        for neighbor in bgp.neighbors {
            let unicast = VyOSNode(
                "ipv4-unicast", children: neighbor.routeReflectorClient ? [VyOSNode("route-reflector-client")] : [])
            children.append(
                VyOSNode(
                    "neighbor", neighbor.address.description,
                    children: [
                        VyOSNode("address-family", children: [unicast]),
                        VyOSNode("remote-as", String(neighbor.remoteAS)),
                    ]))
        }
        var parameters: [VyOSNode] = []
        if bgp.multipathRelax {
            parameters.append(
                VyOSNode("bestpath", children: [VyOSNode("as-path", children: [VyOSNode("multipath-relax")])]))
        }
        if let routerID = bgp.routerID { parameters.append(VyOSNode("router-id", routerID.description)) }
        if !parameters.isEmpty { children.append(VyOSNode("parameters", children: parameters)) }
        switch dialect {
        case .crux, .equuleus:
            return VyOSNode("bgp", String(bgp.asn), children: children)
        case .sagitta, .circinus:
            children.append(VyOSNode("system-as", String(bgp.asn)))
            return VyOSNode("bgp", children: children)
        }
    }

    /// An ethernet interface's children sorted as VyOS saves them (by name, stable), with its MTU.
    static func ethernetChildren(_ children: [VyOSNode], mtu: Int?) -> [VyOSNode] {
        var all = children
        if let mtu { all.append(VyOSNode("mtu", String(mtu))) }
        return all.enumerated().sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }.map(\.element)
    }
}
