import LabFormats
import LabModel

extension LabImporter {
    static func importTopology(
        _ clab: ClabFacts, facts: LabFacts, nodes: [ImportedNode], mirror: String?, into spec: inout LabSpec,
        result: inout ImportResult
    ) {
        func refuse(_ message: String, _ location: SourceLocation?) {
            result.refusals.append(.error(refusalID, message, at: location))
        }
        // Topology: name, one MTU on every link, one server image.
        var topology = TopologySpec(name: nil, mtu: nil, serverImage: nil, location: at)
        if let name = clab.name?.value, name != spec.name { topology.name = name }
        let mtus = Set(clab.links.map { $0.mtu?.value })
        if mtus.count > 1 {
            let odd = clab.links.first { $0.mtu?.value != clab.links[0].mtu?.value }
            refuse(
                "links with different MTUs (\(mtus.map { $0.map(String.init) ?? "unset" }.sorted().joined(separator: ", "))): "
                    + "labgen writes one MTU on every link", odd?.location)
        }
        topology.mtu = mtus.count == 1 ? mtus.first! : nil
        let serverImages = Set(nodes.compactMap { $0.server?.image?.value })
        if serverImages.count == 1, let only = serverImages.first,
            only != mirror.map(Conventions.registryServerImage(registry:))
        {
            topology.serverImage = only
        } else if serverImages.count > 1 {
            let first = nodes.first { $0.server?.image != nil }?.server?.image?.value
            let odd = nodes.first { $0.server?.image != nil && $0.server?.image?.value != first }?.server?.image
            refuse("servers with different images: labgen's servers share one image", odd?.location)
        }
        if topology.name != nil || topology.mtu != nil || topology.serverImage != nil {
            spec.topologies.append(topology)
        }

        // Gateways: the nodes that mount a VyOS config as config.boot.
        let folder = clab.file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        var gateways: [(node: ClabNodeFacts, vyos: VyOSFacts)] = []
        var mounted: Set<String> = []
        for node in clab.nodes {
            for bind in node.binds {
                let parts = bind.value.split(separator: ":").map(String.init)
                guard parts.count >= 2, parts[1] == ArtifactPaths.vyosConfigMount else { continue }
                var source = parts[0]
                if source.hasPrefix("./") { source.removeFirst(2) }
                let path = LabFacts.normalize(folder.isEmpty || source.hasPrefix("/") ? source : folder + "/" + source)
                if let vyos = facts.vyos[path] {
                    gateways.append((node, vyos))
                    mounted.insert(path)
                } else {
                    refuse(
                        "\(node.name.value) mounts '\(parts[0])' as its VyOS config, which was not found", bind.location
                    )
                }
            }
        }
        for (path, vyos) in facts.vyos.sorted(by: { $0.key < $1.key }) where !mounted.contains(path) {
            result.notes.append(
                Diagnostic(
                    refusalID, .note, "\(vyos.file) is not mounted by a node of the topology: not imported",
                    at: SourceLocation(file: vyos.file, line: 1, column: 1)))
        }
        for (node, vyos) in gateways {
            spec.gateways.append(importGateway(node, vyos, mirror: mirror, result: &result))
        }
        // Racks: consecutive nodes with the same rack label.
        var bridgeOf: [String: String] = [:]
        let bridges = Set(clab.nodes.filter(\.isBridge).map(\.name.value))
        for link in clab.links where link.endpoints.count == 2 {
            let (a, b) = (link.endpoints[0], link.endpoints[1])
            if bridges.contains(a.node) { bridgeOf[b.key] = a.node }
            if bridges.contains(b.node) { bridgeOf[a.key] = b.node }
        }
        for node in nodes {
            guard let server = node.server else { continue }
            if node.rack == nil {
                refuse(
                    "node of server '\(server.name.value)' has no 'rack=' node label: labgen labels every node with its rack",
                    node.kindNode.location)
            }
            if node.address == nil {
                refuse(
                    "server '\(server.name.value)' puts no address on the node ('ip addr add A/L dev IF'): labgen's servers "
                        + "give each node its rack address", server.name.location)
            }
            guard let rack = node.rack, let address = node.address else { continue }
            if let last = spec.racks.last, last.name == rack.value {
                spec.racks[spec.racks.count - 1].nodes.append(node.spec)
                continue
            }
            if spec.racks.contains(where: { $0.name == rack.value }) {
                refuse(
                    "rack '\(rack.value)' again after another rack: labgen writes each rack's nodes together",
                    rack.location)
                continue
            }
            let subnet = address.address.subnet
            var rackSpec = RackSpec(
                name: rack.value, subnet: subnet.description, prefixLength: nil, gatewayAddress: nil, gateway: nil,
                bridge: nil, firstHost: nil, location: at)
            if let route = node.defaultRoute?.value, route != subnet.address(at: 1) {
                rackSpec.gatewayAddress = route.description
            }
            if let bridge = bridgeOf["\(server.name.value):\(address.interface)"],
                bridge != "br-pool\(spec.racks.count)"
            {
                rackSpec.bridge = bridge
            }
            rackSpec.nodes = [node.spec]
            spec.racks.append(rackSpec)
        }
        if gateways.count > 1, !importTransit(clab, gateways: gateways, bridges: bridges, into: &spec, result: &result)
        {
            // No transit bridge: the first gateway is imported (so that the comparison lists the rest of
            // the lab), the others are refused by name.
            for (node, _) in gateways.dropFirst() {
                refuse(
                    "a further VyOS gateway '\(node.name.value)' not joined to '\(gateways[0].node.name.value)' by a "
                        + "transit bridge: labgen joins several gateways with one transit bridge", node.name.location)
            }
            spec.gateways.removeLast(spec.gateways.count - 1)
            for index in spec.racks.indices { spec.racks[index].gateway = nil }
        }
        // Defaults that reproduce the original are left out: server<n> in lab order.
        var number = 0
        for r in spec.racks.indices {
            for n in spec.racks[r].nodes.indices {
                number += 1
                if spec.racks[r].nodes[n].server == "server\(number)" { spec.racks[r].nodes[n].server = nil }
            }
        }
    }

    static func importGateway(_ node: ClabNodeFacts, _ vyos: VyOSFacts, mirror: String?, result: inout ImportResult)
        -> GatewaySpec
    {
        let image = node.image?.value
        var release: String?
        if let image, let colon = image.lastIndex(of: ":"), image[..<colon].hasSuffix("vyos/vyos") {
            release = String(image[image.index(after: colon)...])
        }
        let footer = vyos.release?.value.release
        if release == nil { release = footer }
        if let footer, let release, footer != release {
            result.corrections.append(
                "the VyOS footer of \(vyos.file) names the release the gateway runs (\(release), its image tag); "
                    + "the original says \(footer)")
        }
        var gateway = GatewaySpec(name: node.name.value, vyos: release, image: nil, location: at)
        let defaultImage = release.map { Conventions.vyosImage(release: $0, registry: mirror) }
        if image != defaultImage { gateway.image = image }
        if let hostName = vyos.settings["system host-name"]?.first?.value, hostName != node.name.value {
            result.corrections.append(
                "the gateway's host-name is its name (\(node.name.value)); the original has '\(hostName)'")
        }
        for (index, rule) in vyos.natRules.enumerated() where rule.masquerade {
            let number = Int(rule.number.value)
            gateway.masquerades.append(
                MasqueradeSpec(
                    source: rule.source?.value.description, outbound: rule.outboundInterface?.value ?? "eth0",
                    rule: number == 100 + index ? nil : number, location: at))
        }
        for route in vyos.staticRoutes {
            for hop in route.nextHops {
                gateway.staticRoutes.append(
                    StaticRouteSpec(
                        destination: route.destination.value.description, nextHop: hop.value.description, location: at))
            }
        }
        return gateway
    }

    /// Several gateways: each rack's router (the gateway linked to its bridge), and the transit link
    /// (the bridge that joins gateways and no server), with each gateway's address on it.
    static func importTransit(
        _ clab: ClabFacts, gateways: [(node: ClabNodeFacts, vyos: VyOSFacts)], bridges: Set<String>,
        into spec: inout LabSpec,
        result: inout ImportResult
    ) -> Bool {
        var gatewayOn: [String: [(gateway: String, interface: String)]] = [:]
        let names = Set(gateways.map(\.node.name.value))
        for link in clab.links where link.endpoints.count == 2 {
            for (a, b) in [(link.endpoints[0], link.endpoints[1]), (link.endpoints[1], link.endpoints[0])]
            where names.contains(a.node) && bridges.contains(b.node) {
                gatewayOn[b.node, default: []].append((a.node, a.interface))
            }
        }
        for index in spec.racks.indices {
            let bridge = spec.racks[index].bridge ?? "br-pool\(index)"
            spec.racks[index].gateway = gatewayOn[bridge]?.first?.gateway
        }
        let rackBridges = Set(spec.racks.indices.map { spec.racks[$0].bridge ?? "br-pool\($0)" })
        guard let (bridge, members) = gatewayOn.first(where: { !rackBridges.contains($0.key) && $0.value.count > 1 })
        else {
            return false
        }
        var subnet: IPv4Prefix?
        for (gateway, interface) in members {
            guard let index = spec.gateways.firstIndex(where: { $0.name == gateway }),
                let vyos = gateways.first(where: { $0.node.name.value == gateway })?.vyos,
                let address = vyos.interfaces.first(where: { $0.name.value == interface })?.addresses.first?.value
            else { continue }
            spec.gateways[index].transitAddress = address.address.description
            subnet = subnet ?? address.subnet
        }
        spec.transits.append(
            TransitSpec(subnet: subnet?.description, bridge: bridge == "br-transit" ? nil : bridge, location: at))
        return true
    }
}
