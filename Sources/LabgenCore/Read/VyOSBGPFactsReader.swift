import LabFormats
import LabModel

/// The BGP neighbors and parameters of a VyOS `protocols bgp` node, in both dialects: 1.2
/// `protocols bgp <asn> { neighbor X { remote-as N } }` and 1.4+ `protocols bgp { system-as N; neighbor X
/// { remote-as N } }`; peer groups (`peer-group G { remote-as N }`, `neighbor X { peer-group G }`),
/// unnumbered neighbors (`neighbor eth1 { interface { remote-as external; peer-group G } }`),
/// route-reflector clients, multihop, `parameters router-id` and multipath.
extension VyOSFactsReader {
    static func bgpNeighbors(_ bgp: VyOSNode, file: String) -> [BGPNeighborFacts] {
        func location(_ node: VyOSNode) -> SourceLocation {
            let position = node.valuePosition ?? node.position
            return SourceLocation(file: file, line: position.line, column: position.column)
        }
        func leaf(_ node: VyOSNode, _ name: String) -> Located<String>? {
            node[name].first.flatMap { n in n.value.map { Located($0, at: location(n)) } }
        }
        func isRouteReflectorClient(_ node: VyOSNode) -> Bool {
            // In set commands without a schema for it, `ipv4-unicast route-reflector-client` reads as a leaf value.
            node["address-family"].flatMap { $0["ipv4-unicast"] }.contains {
                !$0["route-reflector-client"].isEmpty || $0.value == "route-reflector-client"
            }
        }
        func isMultihop(_ node: VyOSNode) -> Bool {
            !node["ebgp-multihop"].isEmpty || !node["disable-connected-check"].isEmpty
        }
        var groups: [String: VyOSNode] = [:]
        for group in bgp["peer-group"] { if let name = group.value { groups[name] = group } }
        var result: [BGPNeighborFacts] = []
        for neighbor in bgp["neighbor"] {
            guard let value = neighbor.value else { continue }
            let unnumbered = neighbor["interface"].first { $0.isBlock }
            var facts = BGPNeighborFacts()
            if let address = IPv4Address(value) {
                facts.address = Located(address, at: location(neighbor))
            } else if !value.contains(":") {
                facts.interface = Located(value, at: location(neighbor))
            } else {
                continue  // IPv6
            }
            facts.peerGroup = leaf(neighbor, "peer-group") ?? unnumbered.flatMap { leaf($0, "peer-group") }
            let group = facts.peerGroup.flatMap { groups[$0.value] }
            facts.remoteAS =
                leaf(neighbor, "remote-as") ?? unnumbered.flatMap { leaf($0, "remote-as") }
                ?? group.flatMap { leaf($0, "remote-as") }
            facts.routeReflectorClient = isRouteReflectorClient(neighbor) || group.map(isRouteReflectorClient) == true
            facts.multihop = isMultihop(neighbor) || group.map(isMultihop) == true
            facts.updateSource =
                leaf(neighbor, "update-source")?.value ?? group.flatMap { leaf($0, "update-source") }?.value
            result.append(facts)
        }
        return result
    }

    /// `parameters router-id`, `parameters bestpath as-path multipath-relax`, `maximum-paths`.
    static func bgpParameters(_ bgp: VyOSNode, file: String, into facts: inout RoutingProtocolFacts) {
        for parameters in bgp["parameters"] {
            if let id = parameters["router-id"].first, let value = id.value {
                let position = id.valuePosition ?? id.position
                facts.routerID = Located(
                    value, at: SourceLocation(file: file, line: position.line, column: position.column))
            }
            let relax = parameters["bestpath"].flatMap { $0["as-path"] }.contains { !$0["multipath-relax"].isEmpty }
            facts.multipathRelax = facts.multipathRelax || relax
        }
        let holders = [bgp] + bgp["address-family"].flatMap { $0["ipv4-unicast"] }
        for holder in holders {
            for paths in holder["maximum-paths"] {
                for kind in paths.children ?? [] {
                    if let count = kind.value.flatMap({ Int($0) }) {
                        facts.maximumPaths = max(facts.maximumPaths ?? 0, count)
                    }
                }
            }
        }
    }
}
