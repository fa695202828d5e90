import LabModel

/// Checks for the shapes of hand-written labs: nodes labgen does not model (a note), node-ips that
/// nothing assigns, racks without a router, exec addresses on missing interfaces, MTU and prefix
/// length on point-to-point router links.
extension Verification {
    /// Whether a gateway peers BGP with the nodes (a neighbor is a node's rack address or node-ip).
    var gatewaysPeerWithNodes: Bool {
        var nodes = Set(servers.compactMap { $0.rackAddress?.address.address })
        nodes.formUnion(kindNodes.compactMap { $0.nodeIP?.value })
        return gateways.values.contains { vyos in
            vyos.bgp?.neighbors.contains { $0.address.map { nodes.contains($0.value) } ?? false } ?? false
        }
    }

    mutating func checkRealLabShapes() {
        noteUnmodeledNodes()
        checkUnassignedNodeIPs()
        checkRackRouters()
        checkDefaultRouteOwners()
        checkExecInterfaces()
        checkRouterLinks()
    }

    /// Node kinds and router configs labgen does not read: said in a note, never guessed.
    mutating func noteUnmodeledNodes() {
        guard let clab = facts.clab else { return }
        let modeled: Set<String> = ["linux", "bridge", "ovs-bridge", "ext-container", "host"]
        for node in clab.nodes {
            let name = node.name.value
            if let kind = node.kind?.value, !modeled.contains(kind) {
                diagnostics.append(
                    Diagnostic(
                        RuleID.unreadable, .note,
                        "node \(name) is of kind '\(kind)', which labgen does not model: its configuration is not checked",
                        at: node.kind?.location))
                continue
            }
            for bind in node.binds {
                let target = bind.value.split(separator: ":", omittingEmptySubsequences: false).dropFirst().first ?? ""
                let what =
                    target.hasPrefix("/etc/frr")
                    ? "FRR"
                    : target.hasPrefix("/etc/vpp")
                        ? "VPP"
                        : target.hasPrefix("/etc/bird") ? "BIRD" : target.hasPrefix("/etc/gobgp") ? "GoBGP" : nil
                if let what {
                    diagnostics.append(
                        Diagnostic(
                            RuleID.unreadable, .note,
                            "node \(name) runs \(what) with the config mounted here; labgen does not read \(what) configs: its routing is not checked",
                            at: bind.location))
                }
            }
        }
    }

    /// LG002: a kind node's node-ip that no containerlab node assigns (its server was deleted).
    mutating func checkUnassignedNodeIPs() {
        guard let clab = facts.clab, servers.contains(where: { $0.kindNode != nil }) else { return }
        let joined = Set(servers.compactMap(\.kindNode))
        let assigned = Set(clab.nodes.flatMap { $0.addresses.map(\.address.address) })
        for (index, node) in kindNodes.enumerated() where !joined.contains(index) {
            guard let nodeIP = node.nodeIP, !assigned.contains(nodeIP.value) else { continue }
            error(
                RuleID.nodeIP,
                "kind node '\(node.name)' has node-ip \(nodeIP.value), but no containerlab node joins it (network-mode: container:\(node.name)) and nothing in the topology assigns \(nodeIP.value): the kubelet cannot use that address and the node never becomes Ready",
                at: nodeIP.location,
                notes: [Diagnostic.Note("the topology", at: SourceLocation(file: clab.file, line: 1, column: 1))])
        }
    }

    /// LG024: a bridge whose every node is a host routing via an address that no node on it has.
    mutating func checkRackRouters() {
        guard let clab = facts.clab else { return }
        for bridge in clab.nodes where bridge.isBridge {
            let name = bridge.name.value
            let links = bridgeLinks[name] ?? []
            let attached = links.flatMap { $0.endpoints.filter { $0.node != name } }
            guard !attached.isEmpty, (gatewayPorts[name] ?? []).isEmpty else { continue }
            var hosts: [(ClabNodeFacts, ExecAddress, Located<IPv4Address>)] = []
            var owned = Set<IPv4Address>()
            var allHosts = true
            for endpoint in attached {
                guard let node = clabNodes[endpoint.node], gateways[endpoint.node] == nil else {
                    allHosts = false
                    continue
                }
                let onBridge = node.addresses.filter {
                    $0.interface == endpoint.interface || $0.baseInterface == endpoint.interface
                }
                owned.formUnion(onBridge.map(\.address.address))
                let routes = node.defaultRoutes.filter { route in
                    onBridge.contains { $0.address.subnet.contains(route.value) }
                }
                guard let route = routes.first,
                    let address = onBridge.first(where: { $0.address.subnet.contains(route.value) })
                else {
                    allHosts = false
                    continue
                }
                hosts.append((node, address, route))
            }
            guard allHosts, let (host, _, route) = hosts.first(where: { !owned.contains($0.2.value) }),
                !facts.hostAddresses.contains(route.value)  // the host's bridge itself is the gateway
            else { continue }
            var notes = [Diagnostic.Note("\(host.name.value) routes via \(route.value) here", at: route.location)]
            for (gateway, vyos) in gateways.sorted(by: { $0.key < $1.key }) {
                for interface in vyos.interfaces {
                    if let address = interface.allAddresses.first(where: { $0.value.address == route.value }) {
                        notes.append(
                            Diagnostic.Note(
                                "\(gateway) has \(route.value) on \(interface.name.value), which has no link to \(name)",
                                at: address.location))
                    }
                }
            }
            error(
                RuleID.rackRouter,
                "rack bridge \(name) has no router: its nodes route via \(route.value), but no node linked to \(name) has that address (is the gateway's link to \(name) missing?)",
                at: bridge.name.location, notes: notes)
        }
    }

    /// LG024 too: a default route via an address that no node of the lab has, when every node is one
    /// labgen reads (VyOS gateways, nodes whose addresses are set in exec, bridges).
    mutating func checkDefaultRouteOwners() {
        guard let clab = facts.clab else { return }
        var owned = facts.hostAddresses
        for vyos in gateways.values {
            // Any address a VyOS config names (interfaces, vifs, VRRP virtual addresses, ...).
            for values in vyos.settings.values {
                for value in values {
                    if let address = IPv4Address(String(value.value.split(separator: "/").first ?? "")) {
                        owned.insert(address)
                    }
                }
            }
        }
        for node in clab.nodes {
            owned.formUnion(node.addresses.map(\.address.address))
            // Any address an exec command names except as a next hop (ifconfig, keepalived one-liners, ...).
            for text in node.exec.map(\.value) {
                let words = text.split(whereSeparator: { " \t\n'\"".contains($0) })
                for (index, word) in words.enumerated() where index == 0 || words[index - 1] != "via" {
                    if let address = IPv4Address(String(word.split(separator: "/").first ?? "")) {
                        owned.insert(address)
                    }
                }
            }
            let name = node.name.value
            // A node that may own addresses labgen does not see: no VyOS config, no exec address, not a bridge,
            // another kind, or a daemon config mounted under /etc (FRR, BIRD, keepalived, ...).
            let known =
                node.isBridge || gateways[name] != nil || !node.addresses.isEmpty
                || node.networkMode?.value.hasPrefix("container:") == true
            if !known || (!node.isBridge && (node.kind?.value ?? "linux") != "linux") { return }
            if node.binds.contains(where: { $0.value.contains(":/etc/") }) { return }
        }
        for node in clab.nodes {
            // Only a next hop on one of the node's lab links (not the management network on eth0).
            let onLink = node.addresses.filter { $0.interface != "eth0" }.map(\.address.subnet)
            for route in node.defaultRoutes
            where !owned.contains(route.value) && onLink.contains(where: { $0.contains(route.value) }) {
                error(
                    RuleID.rackRouter,
                    "\(node.name.value) routes via \(route.value), but no node of the lab has that address: its packets leave for nowhere",
                    at: route.location)
                break
            }
        }
    }

    /// LG023: `ip addr add A dev IF` in exec on an interface the node does not have.
    mutating func checkExecInterfaces() {
        guard let clab = facts.clab else { return }
        var interfaces: [String: Set<String>] = [:]
        for link in clab.links {
            for endpoint in link.endpoints { interfaces[endpoint.node, default: []].insert(endpoint.interface) }
        }
        for node in clab.nodes where (node.kind?.value ?? "linux") == "linux" && !node.addresses.isEmpty {
            let name = node.name.value
            var own = interfaces[name] ?? []
            var execTexts = node.exec.map(\.value)
            if let mode = node.networkMode?.value {
                guard mode.hasPrefix("container:") else { continue }  // host, none: not containerlab's interfaces
                let target = String(mode.dropFirst("container:".count))
                if let other = clabNodes[target] {
                    own.formUnion(interfaces[target] ?? [])
                    execTexts += other.exec.map(\.value)
                } else if kindByName[target] == nil {
                    continue  // a container labgen does not know
                }
            }
            guard !own.isEmpty else { continue }
            var reported = Set<String>()
            for address in node.addresses {
                let device = address.interface
                guard !own.contains(device), !["lo", "eth0"].contains(device), !device.contains("."),
                    !device.contains("@"),
                    !device.contains("$"), reported.insert(device).inserted
                else { continue }
                // Created or renamed by another command (ip link add, vconfig, ip tunnel, ...)?
                let mentioned = execTexts.contains { text in
                    let rest = text.replacingOccurrences(of: "dev \(device)", with: " ")
                    return rest.split(whereSeparator: { !($0.isLetter || $0.isNumber || "-_.".contains($0)) }).contains
                    { $0 == device }
                }
                guard !mentioned else { continue }
                error(
                    RuleID.execInterface,
                    "\(name) adds \(address.address) on \(device), but \(name) has no interface \(device): its links give it \(own.sorted().joined(separator: ", ")) (ip answers 'Cannot find device')",
                    at: address.location)
            }
        }
    }

    /// LG016 on links between routers (a warning: frames larger than the smaller MTU are dropped),
    /// and LG025: the prefix lengths at the two ends of a point-to-point link.
    mutating func checkRouterLinks() {
        guard let clab = facts.clab else { return }
        for link in clab.links where link.endpoints.count == 2 {
            let (a, b) = (link.endpoints[0], link.endpoints[1])
            guard let nodeA = clabNodes[a.node], let nodeB = clabNodes[b.node], !nodeA.isBridge, !nodeB.isBridge,
                attachment[a.key] == nil, attachment[b.key] == nil
            else { continue }
            let linkMTU = link.mtu?.value ?? ClabFacts.defaultMTU
            let defaultNote = link.mtu == nil ? " (containerlab's default: the link sets no mtu)" : ""
            for (end, other) in [(a, b), (b, a)] {
                guard let vyos = gateways[end.node],
                    let mtu = vyos.interfaces.first(where: { $0.name.value == end.interface })?.mtu,
                    mtu.value != linkMTU
                else { continue }
                warning(
                    RuleID.mtu,
                    "\(end.node) \(end.interface) has mtu \(mtu.value) but its link to \(other.key) has MTU \(linkMTU)\(defaultNote): frames larger than the smaller MTU are dropped (and OSPF adjacencies stay in ExStart)",
                    at: mtu.location, notes: [Diagnostic.Note("the link", at: link.mtu?.location ?? link.location)])
            }
            let addressesA = endAddresses(a, nodeA)
            let addressesB = endAddresses(b, nodeB)
            pairs: for x in addressesA {
                for y in addressesB
                where x.value.length != y.value.length
                    && (x.value.subnet.contains(y.value.address) || y.value.subnet.contains(x.value.address))
                {
                    warning(
                        RuleID.linkSubnet,
                        "\(b.key) has \(y.value) but the other end of its link, \(a.key), has \(x.value): the two ends disagree on the link's subnet",
                        at: y.location, notes: [Diagnostic.Note("\(a.key) has \(x.value) here", at: x.location)])
                    break pairs
                }
            }
        }
    }

    /// The addresses on one end of a link: a VyOS interface's own, or the exec addresses on that interface.
    func endAddresses(_ endpoint: ClabEndpoint, _ node: ClabNodeFacts) -> [Located<IPv4Interface>] {
        if let vyos = gateways[endpoint.node] {
            return vyos.interfaces.first { $0.name.value == endpoint.interface }?.addresses ?? []
        }
        return node.addresses.filter { $0.interface == endpoint.interface }.map { Located($0.address, at: $0.location) }
    }
}
