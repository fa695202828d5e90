import LabModel

/// LG050-LG052: both ends of every BGP session between the lab's VyOS routers agree. The neighbor address
/// is on a link or segment the router shares with the router that has it (LG050), remote-as is that
/// router's AS (LG051), and that router has the reverse neighbor (LG052).
enum BGPSessionCheck {
    static func check(_ view: FabricView) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (name, _, bgp) in view.bgpRouters {
            for neighbor in bgp.neighbors {
                if let address = neighbor.address {
                    result += addressNeighbor(view, name, bgp, neighbor, address)
                } else if let interface = neighbor.interface {
                    result += interfaceNeighbor(view, name, bgp, neighbor, interface)
                }
            }
        }
        return result
    }

    /// Whether a remote-as names an AS other than the router's own (eBGP); nil when it cannot be told.
    static func isExternal(_ remote: String?, own: String?) -> Bool? {
        guard let remote else { return nil }
        if remote == "external" { return true }
        if remote == "internal" { return false }
        guard let own else { return nil }
        return remote != own
    }

    static func addressNeighbor(
        _ view: FabricView, _ name: String, _ bgp: RoutingProtocolFacts, _ neighbor: BGPNeighborFacts,
        _ address: Located<IPv4Address>
    ) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let connected = view.connected(name)
        let onSubnet = connected.first { $0.subnet.contains(address.value) }
        let external = isExternal(neighbor.remoteAS?.value, own: bgp.asn?.value)
        guard case .router(let peer, let peerInterface)? = view.owners[address.value], peer != name else {
            // Nobody has the address: on a point-to-point link to another router, that router should.
            if view.owners[address.value] == nil, let onSubnet, let other = view.linkedRouter(name, onSubnet.interface)
            {
                let has = view.connected(other.name).filter { $0.interface == other.interface }.map(\.address)
                result.append(
                    .error(
                        RuleID.bgpNeighborLink,
                        "\(name)'s BGP neighbor \(address.value) is on \(onSubnet.interface)'s link to "
                            + "\(other.name):\(other.interface), but no node of the lab has \(address.value): the "
                            + "session never comes up",
                        at: address.location,
                        notes: has.map { .init("\(other.name) has \($0.value) on \(other.interface)", at: $0.location) }
                    ))
            }
            return result
        }
        // LG050: on a link or segment the two routers share.
        if let onSubnet {
            if view.share(name, onSubnet.interface, peer, peerInterface) == false {
                result.append(
                    .error(
                        RuleID.bgpNeighborLink,
                        "\(name)'s BGP neighbor \(address.value) (\(peer) \(peerInterface)) is in "
                            + "\(onSubnet.subnet) of \(name) \(onSubnet.interface), but \(onSubnet.interface) is not "
                            + "linked to \(peer) \(peerInterface): the addresses are on different links",
                        at: address.location,
                        notes: [
                            .init(
                                "\(name) \(onSubnet.interface) has \(onSubnet.address.value)",
                                at: onSubnet.address.location)
                        ]))
            }
        } else if external != false && !neighbor.multihop {
            result.append(
                .error(
                    RuleID.bgpNeighborLink,
                    "\(name)'s eBGP neighbor \(address.value) (\(peer) \(peerInterface)) is on none of \(name)'s "
                        + "subnets: a single-hop eBGP session needs a shared link (or ebgp-multihop)",
                    at: address.location))
        }
        // LG051: remote-as is the peer's AS.
        let peerAS = view.asn(peer)
        if let remote = neighbor.remoteAS, let peerAS {
            if remoteASMisses(remote.value, localAS: bgp.asn?.value, peerAS: peerAS.value) {
                result.append(
                    .error(
                        RuleID.bgpRemoteAS,
                        "\(name)'s neighbor \(address.value) has remote-as \(remote.value), but \(peer) runs BGP "
                            + "in AS \(peerAS.value): \(peer) answers with AS \(peerAS.value) and the session is "
                            + "refused (bad peer AS)",
                        at: remote.location, notes: [.init("\(peer)'s AS", at: peerAS.location)]))
            }
        } else if neighbor.remoteAS == nil {
            result.append(
                .error(
                    RuleID.bgpRemoteAS,
                    "\(name)'s neighbor \(address.value) has no remote-as (neither its own nor its peer "
                        + "group's): VyOS refuses the config",
                    at: address.location))
        }
        // LG052: the peer has the reverse neighbor.
        if let peerBGP = view.routers[peer]?.bgp {
            // Sessions inside a VRF are not read: the reverse neighbor may be there.
            if peerBGP.inVRF { return result }
            let answers = peerBGP.neighbors.contains { other in
                if let back = other.address?.value {
                    if case .router(let owner, _)? = view.owners[back], owner == name { return true }
                    return false
                }
                // An unnumbered neighbor on the interface that faces this router.
                return other.interface?.value == peerInterface
            }
            if !answers {
                result.append(
                    .error(
                        RuleID.bgpReverseNeighbor,
                        "\(name) peers with \(address.value) (\(peer)), but \(peer) has no BGP neighbor for "
                            + "\(name): the session never establishes",
                        at: address.location,
                        notes: [.init("\(peer)'s BGP configuration", at: peerBGP.location)]))
            }
        } else {
            result.append(
                .error(
                    RuleID.bgpReverseNeighbor,
                    "\(name) peers with \(address.value), but \(peer), which has that address, runs no BGP: the "
                        + "session never establishes",
                    at: address.location))
        }
        return result
    }

    /// Whether `remote-as` (an AS number, `external` or `internal`) of a router in AS `localAS`
    /// misses the AS `peerAS` its peer runs BGP in.
    static func remoteASMisses(_ remote: String, localAS: String?, peerAS: String) -> Bool {
        switch remote {
        case "external": return peerAS == localAS
        case "internal": return localAS.map { $0 != peerAS } ?? false
        default: return remote != peerAS
        }
    }

    /// An unnumbered neighbor (`neighbor eth1 { interface { remote-as external } }`).
    static func interfaceNeighbor(
        _ view: FabricView, _ name: String, _ bgp: RoutingProtocolFacts, _ neighbor: BGPNeighborFacts,
        _ interface: Located<String>
    ) -> [Diagnostic] {
        guard let clab = view.clab,
            clab.links.contains(where: { $0.endpoints.contains { $0.key == "\(name):\(interface.value)" } })
        else {
            guard view.clab != nil,
                view.routers[name]?.interfaces.contains(where: { $0.name.value == interface.value }) != true
            else { return [] }
            return [
                .error(
                    RuleID.bgpNeighborLink,
                    "\(name)'s unnumbered BGP neighbor \(interface.value) is an interface \(name) does not have "
                        + "(no link, no VyOS interface)",
                    at: interface.location)
            ]
        }
        guard let other = view.linkedRouter(name, interface.value), let peerBGP = view.routers[other.name]?.bgp,
            !peerBGP.inVRF
        else {
            return []
        }
        var result: [Diagnostic] = []
        if let remote = neighbor.remoteAS, let peerAS = peerBGP.asn {
            if remoteASMisses(remote.value, localAS: bgp.asn?.value, peerAS: peerAS.value) {
                result.append(
                    .error(
                        RuleID.bgpRemoteAS,
                        "\(name)'s unnumbered neighbor \(interface.value) has remote-as \(remote.value), but "
                            + "\(other.name) at the other end of the link runs BGP in AS \(peerAS.value)",
                        at: remote.location, notes: [.init("\(other.name)'s AS", at: peerAS.location)]))
            }
        }
        let answers = peerBGP.neighbors.contains { back in
            if back.interface?.value == other.interface { return true }
            if let address = back.address?.value, case .router(let owner, _)? = view.owners[address] {
                return owner == name
            }
            return false
        }
        if !answers {
            result.append(
                .error(
                    RuleID.bgpReverseNeighbor,
                    "\(name) peers unnumbered on \(interface.value) with \(other.name), but \(other.name) has no "
                        + "BGP neighbor on \(other.interface) (or for \(name)): the session never establishes",
                    at: interface.location, notes: [.init("\(other.name)'s BGP configuration", at: peerBGP.location)]))
        }
        return result
    }
}
