import LabModel

/// Computes what `labgen emulate` builds from a lab's files as labgen's readers read them back.
/// Pure: no system access, so it is tested without root.
public enum EmulationPlanner {
    /// kind's docker network (the nodes' eth0) and its gateway on the host.
    public static let kindNetwork = IPv4Prefix("172.18.0.0/16")!
    /// containerlab's management network, where the gateways' eth0 is and the outside answers.
    public static let managementNetwork = IPv4Prefix("172.20.20.0/24")!
    /// The bridge of kind's docker network in the host namespace.
    public static let kindBridge = "lgkind"

    public static func plan(_ facts: LabFacts) throws(EmulationPlanError) -> EmulationPlan {
        guard let clab = facts.clab else {
            throw EmulationPlanError("no containerlab topology: the lab has no racks or gateway to emulate")
        }
        guard let kind = facts.kind else { throw EmulationPlanError("no kind config: the lab has no nodes to emulate") }
        let clusterName = facts.clusterName ?? kind.name?.value ?? "kind"
        var plan = EmulationPlan(
            labName: clab.name?.value ?? clusterName, autodetection: Conventions.calicoAutodetection)
        var host = EmuNamespace(id: "host", label: "host", role: .host)
        host.interfaces.append(
            EmuInterface(
                name: kindBridge, kind: .bridge, addresses: [IPv4Interface(kindNetwork.address(at: 1)!, length: 16)],
                segment: "bridge:" + kindBridge))
        var outside = EmuNamespace(id: "out", label: "outside", role: .outside)
        outside.interfaces = [
            EmuInterface(
                name: "lo", kind: .loopback, addresses: [IPv4Interface(plan.outsideAddress, length: 32)]),
            EmuInterface(
                name: "mgmt", kind: .bridge, addresses: [IPv4Interface(managementNetwork.address(at: 1)!, length: 24)],
                segment: "bridge:mgmt"),
        ]

        // kind nodes, in kind's order and names.
        var kindNames: [(name: String, labels: [String: String], nodeIP: IPv4Address?)] = []
        var roleCounts: [String: Int] = [:]
        for node in kind.nodes {
            let role = node.role.value == "control-plane" ? "control-plane" : "worker"
            roleCounts[role, default: 0] += 1
            let count = roleCounts[role]!
            var labels: [String: String] = [:]
            var nodeIP: IPv4Address?
            for patch in kind.patches + node.patches {
                for label in patch.nodeLabels { labels[label.value.key] = label.value.value }
                if let ip = patch.nodeIP { nodeIP = ip.value }
            }
            let name = "\(clusterName)-\(role)\(count == 1 ? "" : String(count))"
            labels["kubernetes.io/hostname"] = name
            kindNames.append((name, labels, nodeIP))
        }

        // containerlab nodes -> namespaces.
        var namespaceOf: [String: String] = [:]
        var serverOf: [String: ClabNodeFacts] = [:]
        var bridges: [String] = []
        var gatewayNodes: [ClabNodeFacts] = []
        var others: [ClabNodeFacts] = []
        for node in clab.nodes {
            let name = node.name.value
            if node.isBridge {
                bridges.append(name)
                namespaceOf[name] = "host"
                continue
            }
            if let mode = node.networkMode?.value, mode.hasPrefix("container:") {
                let target = String(mode.dropFirst("container:".count))
                guard let index = kindNames.firstIndex(where: { $0.name == target }) else {
                    throw EmulationPlanError(
                        "\(node.networkMode!.location): server '\(name)' joins container '\(target)', which is not a kind node "
                            + "of cluster '\(clusterName)' (\(kindNames.map(\.name).joined(separator: ", ")))")
                }
                namespaceOf[name] = "n\(index)"
                serverOf[target] = node
            } else if gatewayConfig(for: node, clab: clab, facts: facts) != nil {
                namespaceOf[name] = "g\(gatewayNodes.count)"
                gatewayNodes.append(node)
            } else {
                namespaceOf[name] = "o\(others.count)"
                others.append(node)
            }
        }
        plan.topologyBridges = bridges
        plan.bridgeScript = facts.bridgeScripts.first?.file

        var namespaces: [String: EmuNamespace] = ["host": host, "out": outside]
        for (index, node) in kindNames.enumerated() {
            var ns = EmuNamespace(id: "n\(index)", label: node.name, role: .node)
            ns.forwarding = true
            ns.interfaces = [
                EmuInterface(name: "lo", kind: .loopback),
                EmuInterface(
                    name: "eth0", kind: .veth,
                    addresses: [IPv4Interface(kindNetwork.address(at: UInt64(2 + index))!, length: 16)],
                    mtu: 1500, segment: "bridge:" + kindBridge),
            ]
            ns.routes = [
                EmuRoute(destination: IPv4Prefix("0.0.0.0/0")!, via: kindNetwork.address(at: 1), device: "eth0")
            ]
            namespaces[ns.id] = ns
            plan.links.append(
                EmuLink(
                    namespaceA: ns.id, interfaceA: "eth0", namespaceB: "host", interfaceB: "kveth\(index)", mtu: 1500))
            namespaces["host"]!.interfaces.append(
                EmuInterface(
                    name: "kveth\(index)", kind: .veth, mtu: 1500, segment: "bridge:" + kindBridge, master: kindBridge))
        }
        for (index, node) in others.enumerated() {
            namespaces["o\(index)"] = EmuNamespace(id: "o\(index)", label: node.name.value, role: .other)
        }
        for (index, node) in gatewayNodes.enumerated() {
            namespaces["g\(index)"] = EmuNamespace(id: "g\(index)", label: node.name.value, role: .gateway)
        }
        for name in bridges {
            namespaces["host"]!.interfaces.append(EmuInterface(name: name, kind: .bridge, segment: "bridge:" + name))
        }

        // Links of the topology: veth pairs, the bridge end a port of its bridge.
        for (linkIndex, link) in clab.links.enumerated() {
            guard link.endpoints.count == 2 else {
                throw EmulationPlanError(
                    "\(link.location): a link needs two endpoints, this one has \(link.endpoints.count)")
            }
            let mtu = link.mtu?.value ?? ClabFacts.defaultMTU
            let ends = try link.endpoints.map {
                endpoint throws(EmulationPlanError) -> (ns: String, name: String, master: String?) in
                if endpoint.node == "host" { return ("host", endpoint.interface, nil) }
                guard let ns = namespaceOf[endpoint.node] else {
                    throw EmulationPlanError(
                        "\(endpoint.location): link endpoint '\(endpoint.key)' names no node of the topology")
                }
                return (ns, endpoint.interface, bridges.contains(endpoint.node) ? endpoint.node : nil)
            }
            let bridge = ends.compactMap(\.master).first
            let segment = bridge.map { "bridge:" + $0 } ?? "veth:\(linkIndex)"
            for end in ends {
                if namespaces[end.ns]!.interface(end.name) != nil {
                    throw EmulationPlanError(
                        "\(link.location): interface '\(end.name)' of \(namespaces[end.ns]!.label) is used twice")
                }
                namespaces[end.ns]!.interfaces.append(
                    EmuInterface(name: end.name, kind: .veth, mtu: mtu, segment: segment, master: end.master))
            }
            plan.links.append(
                EmuLink(
                    namespaceA: ends[0].ns, interfaceA: ends[0].name, namespaceB: ends[1].ns, interfaceB: ends[1].name,
                    mtu: mtu,
                    origin: link.location.description))
        }

        // Nodes: the verbatim exec of their server, its effect as read back, the rack.
        for (index, kindNode) in kindNames.enumerated() {
            let id = "n\(index)"
            var node = EmuNode(
                name: kindNode.name, namespace: id, labels: kindNode.labels, podMTU: 1500, hostMTU: 1500)
            if let server = serverOf[kindNode.name] {
                node.server = server.name.value
                node.exec = server.exec
                for address in server.addresses {
                    guard let i = namespaces[id]!.interfaces.firstIndex(where: { $0.name == address.interface }) else {
                        continue
                    }
                    namespaces[id]!.interfaces[i].addresses.append(address.address)
                }
                if let gateway = server.defaultRoutes.last?.value {
                    let device = namespaces[id]!.interfaces.first {
                        $0.addresses.contains { $0.subnet.contains(gateway) }
                    }?.name
                    namespaces[id]!.execRoutes = [
                        EmuRoute(destination: IPv4Prefix("0.0.0.0/0")!, via: gateway, device: device)
                    ]
                }
                let segments = namespaces[id]!.interfaces.compactMap(\.segment).filter { $0 != "bridge:" + kindBridge }
                node.rackBridge = segments.first { $0.hasPrefix("bridge:") }.map {
                    String($0.dropFirst("bridge:".count))
                }
            }
            node.rack = kindNode.labels["rack"] ?? node.rackBridge
            node.nodeIP = kindNode.nodeIP
            plan.nodes.append(node)
        }

        // Gateways from their VyOS config.
        for (index, node) in gatewayNodes.enumerated() {
            let id = "g\(index)"
            let vyos = gatewayConfig(for: node, clab: clab, facts: facts)!
            if vyos.bgp != nil {
                // The routes of a BGP fabric come from the sessions, which no namespace runs.
                throw EmulationPlanError(
                    "router '\(node.name.value)' peers BGP, which labgen emulate does not run (it emulates static routing)"
                )
            }
            var ns = namespaces[id] ?? EmuNamespace(id: id, label: node.name.value, role: .gateway)
            ns.role = .gateway
            ns.label = node.name.value
            ns.forwarding = true
            ns.interfaces.insert(EmuInterface(name: "lo", kind: .loopback), at: 0)
            for interface in vyos.interfaces where interface.type == "ethernet" {
                let name = interface.name.value
                if name == "eth0" { continue }
                guard let i = ns.interfaces.firstIndex(where: { $0.name == name }) else {
                    plan.notes.append(
                        "\(interface.name.location): \(node.name.value) configures \(name), which no link of the topology creates"
                    )
                    continue
                }
                ns.interfaces[i].addresses = interface.addresses.map(\.value)
                if let mtu = interface.mtu?.value { ns.interfaces[i].mtu = mtu }
            }
            let eth0 = IPv4Interface(managementNetwork.address(at: UInt64(2 + index))!, length: 24)
            ns.interfaces.append(
                EmuInterface(name: "eth0", kind: .veth, addresses: [eth0], mtu: 1500, segment: "bridge:mgmt"))
            namespaces["out"]!.interfaces.append(
                EmuInterface(name: "mveth\(index)", kind: .veth, mtu: 1500, segment: "bridge:mgmt", master: "mgmt"))
            plan.links.append(
                EmuLink(namespaceA: id, interfaceA: "eth0", namespaceB: "out", interfaceB: "mveth\(index)", mtu: 1500))
            var hasDefault = false
            for route in vyos.staticRoutes {
                for hop in route.nextHops {
                    ns.routes.append(EmuRoute(destination: route.destination.value, via: hop.value))
                    if route.destination.value.length == 0 { hasDefault = true }
                }
            }
            if !hasDefault {
                ns.routes.append(EmuRoute(destination: IPv4Prefix("0.0.0.0/0")!, via: managementNetwork.address(at: 1)))
            }
            for rule in vyos.natRules where rule.masquerade {
                ns.masquerades.append(
                    EmuMasquerade(
                        sources: rule.source.map { [$0.value] } ?? [], outInterface: rule.outboundInterface?.value,
                        origin: "\(node.name.value) nat source rule \(rule.number.value)"))
            }
            let rackInterfaces = ns.interfaces.compactMap { interface -> (String, String)? in
                guard let segment = interface.segment, segment.hasPrefix("bridge:") else { return nil }
                let bridge = String(segment.dropFirst("bridge:".count))
                return plan.nodes.contains { $0.rackBridge == bridge } ? (interface.name, bridge) : nil
            }
            plan.gateways.append(
                EmuGateway(name: node.name.value, namespace: id, configFile: vyos.file, rackInterfaces: rackInterfaces))
            namespaces[id] = ns
        }

        // The CNI seam: each CNI's datapath in its own folder (CNI/<Name>/Emulate/).
        try CNIDrivers.emulated(facts).emulate(&plan, namespaces: &namespaces, facts: facts, kind: kind)

        let order =
            ["host", "out"] + kindNames.indices.map { "n\($0)" } + gatewayNodes.indices.map { "g\($0)" }
            + others.indices.map { "o\($0)" }
        plan.namespaces =
            order.compactMap { namespaces[$0] }
            + namespaces.values.filter { $0.role == .pod }.sorted {
                $0.id.count != $1.id.count ? $0.id.count < $1.id.count : $0.id < $1.id
            }
        return plan
    }

    /// The VyOS config a containerlab node boots from: the bind whose source is a VyOS config.
    static func gatewayConfig(for node: ClabNodeFacts, clab: ClabFacts, facts: LabFacts) -> VyOSFacts? {
        let directory = clab.file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(
            separator: "/")
        for bind in node.binds {
            let source = bind.value.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
            let path = LabFacts.normalize(
                directory.isEmpty || source.hasPrefix("/") ? source : directory + "/" + source)
            if let vyos = facts.vyos[path] { return vyos }
        }
        return nil
    }
}
