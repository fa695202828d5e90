import LabModel

/// LG054-LG055: the nodes' BGP peerings (Calico BGPPeer, Cilium peering policy or cluster config) match
/// the routers. The peer address is an address of a router on the rack segment of every selected node and
/// the peer AS is that router's (LG054); the router has every selected node as a neighbor, with the node's
/// AS as remote-as, and every node a router names as a neighbor is peered from the nodes' side (LG055).
enum NodePeeringCheck {
    static func check(_ view: FabricView) -> [Diagnostic] {
        var result: [Diagnostic] = []
        // Router neighbors that are node addresses, answered by some peering (for the reverse check).
        var answered = Set<String>()
        for peer in view.facts.nodeBGPPeers {
            guard let address = peer.peerAddress else {
                if peer.source != .ciliumClusterConfig {  // a cluster config peer may use autoDiscovery
                    result.append(.error(RuleID.nodePeerAddress, "\(peer) has no peer address", at: peer.location))
                }
                continue
            }
            guard let ip = peer.peerIP else {
                if !address.value.contains(":") || address.value.contains(".") {
                    result.append(
                        .error(
                            RuleID.nodePeerAddress, "\(peer)'s peer address '\(address.value)' is not an IPv4 address",
                            at: address.location))
                }
                continue
            }
            guard let nodes = view.selectedNodes(peer), view.selectorLabelsAreKnown(peer) else { continue }
            let selector = peer.calicoSelector ?? peer.node
            if nodes.isEmpty {
                if !view.rackNodes.filter(\.isKindNode).isEmpty {
                    result.append(
                        .warning(
                            RuleID.nodePeerAddress,
                            "\(peer) selects no kind node of the lab: no node peers with \(ip)",
                            at: selector?.location ?? peer.location))
                }
                continue
            }
            guard case .router(let router, _)? = view.owners[ip], let vyos = view.routers[router] else {
                result.append(
                    .error(
                        RuleID.nodePeerAddress,
                        "\(peer) peers with \(ip), which no router of the lab has: the nodes' BGP sessions never "
                            + "come up",
                        at: address.location))
                continue
            }
            // The peer address is on each selected node's rack segment.
            for node in nodes {
                // iBGP (the node's AS is the router's) may be multihop.
                if let peerAS = peer.peerAS, view.nodeAS(node, for: peer)?.value == peerAS.value { continue }
                let rack = view.racks.first { $0.segment == node.segment }
                if rack?.ports.contains(where: { $0.gateway == router && $0.address.value.address == ip }) != true {
                    let own = rack?.ports.first
                    let ownAddress = own.map {
                        ": its rack's router address is \($0.address.value.address) (\($0.gateway))"
                    }
                    result.append(
                        .error(
                            RuleID.nodePeerAddress,
                            "\(peer) makes node \(node.name) peer with \(ip) (\(router)), which is not on its rack "
                                + "segment\(ownAddress ?? ""); the session is not single-hop",
                            at: address.location,
                            notes: own.map {
                                [
                                    .init(
                                        "\($0.gateway) \($0.interface.name.value) has \($0.address.value)",
                                        at: $0.address.location)
                                ]
                            } ?? []))
                    break
                }
            }
            // The peer AS is the router's.
            if let peerAS = peer.peerAS, let routerAS = vyos.bgp?.asn, peerAS.value != routerAS.value,
                peerAS.value != "0"
            {
                result.append(
                    .error(
                        RuleID.nodePeerAddress,
                        "\(peer) gives \(ip) AS \(peerAS.value), but \(router) runs BGP in AS \(routerAS.value): "
                            + "the router's OPEN is refused (bad peer AS)",
                        at: peerAS.location, notes: [.init("\(router)'s AS", at: routerAS.location)]))
            } else if vyos.bgp == nil {
                result.append(
                    .error(
                        RuleID.nodePeerAddress, "\(peer) peers with \(ip), but \(router) runs no BGP",
                        at: address.location))
                continue
            }
            guard let bgp = vyos.bgp, !bgp.inVRF else { continue }  // neighbors inside a VRF are not read
            // LG055: the router has each node as a neighbor, with the node's AS.
            for node in nodes {
                guard
                    let neighbor = bgp.neighbors.first(where: {
                        $0.address.map { node.addresses.contains($0.value) } ?? false
                    })
                else {
                    result.append(
                        .error(
                            RuleID.routerNodeNeighbors,
                            "\(router) has no BGP neighbor for node \(node.name) "
                                + "(\(node.rackAddress.address.address)), which \(peer) makes peer with \(ip): the "
                                + "session never establishes",
                            at: bgp.location, notes: [.init("\(peer)", at: address.location)]))
                    continue
                }
                answered.insert("\(router) \(neighbor.name)")
                guard let nodeAS = view.nodeAS(node, for: peer), let remote = neighbor.remoteAS else { continue }
                let external = nodeAS.value != bgp.asn?.value
                let mismatch =
                    remote.value == "external"
                    ? !external : remote.value == "internal" ? external : remote.value != nodeAS.value
                if mismatch {
                    result.append(
                        .error(
                            RuleID.routerNodeNeighbors,
                            "\(router)'s neighbor \(neighbor.name) (node \(node.name)) has remote-as "
                                + "\(remote.value), but the node speaks BGP in AS \(nodeAS.value) (\(peer)): the "
                                + "session is refused (bad peer AS)",
                            at: remote.location, notes: [.init("the node's AS", at: nodeAS.location)]))
                }
            }
        }
        // A router neighbor that is a kind node no peering makes peer with that router.
        guard !view.facts.nodeBGPPeers.isEmpty,
            !view.facts.nodeBGPPeers.contains(where: {
                view.selectedNodes($0) == nil || !view.selectorLabelsAreKnown($0)
            })
        else { return result }
        let nodesByAddress = Dictionary(
            view.rackNodes.filter(\.isKindNode).flatMap { node in node.addresses.map { ($0, node) } },
            uniquingKeysWith: { a, _ in a })
        for (router, _, bgp) in view.bgpRouters where !bgp.inVRF {
            for neighbor in bgp.neighbors {
                guard let address = neighbor.address, let node = nodesByAddress[address.value],
                    !answered.contains("\(router) \(neighbor.name)")
                else { continue }
                result.append(
                    .error(
                        RuleID.routerNodeNeighbors,
                        "\(router) peers with node \(node.name) (\(address.value)), but no Calico BGPPeer or "
                            + "Cilium BGP policy of the lab makes \(node.name) peer with \(router): the session never "
                            + "establishes",
                        at: address.location))
            }
        }
        return result
    }
}
