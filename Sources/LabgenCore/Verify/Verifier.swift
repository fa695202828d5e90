import LabModel

/// Checks the cross-artifact rules of `Rule.catalogue` on facts read from a lab's artifacts.
///
/// Every check works with dictionaries keyed by name, address or prefix, so a lab with 10,000
/// nodes verifies in linear time (no rule compares every pair of nodes or subnets).
public enum Verifier {
    /// The diagnostics of `facts` (reader diagnostics included), sorted by file, line and column.
    public static func verify(_ facts: LabFacts) -> [Diagnostic] {
        var verification = Verification(facts)
        verification.run()
        var seen = Set<Diagnostic>()
        let unique = (facts.readDiagnostics + verification.diagnostics).filter { seen.insert($0).inserted }
        return unique.sorted { a, b in
            let la = a.location ?? SourceLocation(file: "", line: 0, column: 0)
            let lb = b.location ?? SourceLocation(file: "", line: 0, column: 0)
            return (la.file, la.line, la.column, a.id.rawValue) < (lb.file, lb.line, lb.column, b.id.rawValue)
        }
    }

    /// kind's node container names for the given roles: `<cluster>-control-plane`,
    /// `<cluster>-control-plane2`, `<cluster>-worker`, `<cluster>-worker2`, ...
    public static func kindContainerNames(cluster: String, roles: [String]) -> [String] {
        Names.kindContainerNames(cluster: cluster, roleNames: roles)
    }
}

/// A kind node with the settings its patches give it.
struct KindNode {
    var name: String
    var facts: KindNodeFacts
    var isFirstControlPlane: Bool
    var nodeIP: Located<IPv4Address>?
    var labels: [Located<NodeLabel>]
}

/// A containerlab server in a kind node's namespace, and its rack attachment.
struct Server {
    var node: ClabNodeFacts
    var kindNode: Int?
    /// The address on the interface linked to a bridge, and that bridge.
    var rackAddress: ExecAddress?
    var bridge: String?
}

/// An addressed gateway interface on a bridge.
struct GatewayPort {
    var gateway: String
    var interface: VyOSInterfaceFacts
    var address: Located<IPv4Interface>
}

struct Verification {
    let facts: LabFacts
    var diagnostics: [Diagnostic] = []

    var clusterName = "kind"
    var kindNodes: [KindNode] = []
    var kindByName: [String: Int] = [:]
    var clabNodes: [String: ClabNodeFacts] = [:]
    /// `node:interface` -> the bridge it is linked to, and the link.
    var attachment: [String: (bridge: String, link: ClabLinkFacts)] = [:]
    var bridgeLinks: [String: [ClabLinkFacts]] = [:]
    var gateways: [String: VyOSFacts] = [:]
    var gatewayPorts: [String: [GatewayPort]] = [:]
    var servers: [Server] = []
    /// Segments that are a direct link from a gateway port to a host (no bridge), by the gateway's `node:interface`.
    /// (A gateway's ports that are members of one VyOS bridge are one segment, named after that bridge.)
    var directSegments: [String: String] = [:]

    init(_ facts: LabFacts) { self.facts = facts }

    mutating func error(_ id: DiagnosticID, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(id, message, at: location, notes: notes))
    }

    mutating func warning(_ id: DiagnosticID, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.warning(id, message, at: location, notes: notes))
    }

    mutating func run() {
        buildKindNodes()
        buildTopology()
        checkLinks()
        checkBinds()
        buildGatewayPorts()
        checkNetworkMode()
        checkNodeAddresses()
        checkGatewayInterfaces()
        checkLabels()
        checkPools()
        checkRegistry()
        checkMasquerade()
        checkDuplicateAddresses()
        checkInterfaceNames()
        checkMTU()
        checkAutodetection()
        checkServiceSubnet()
        checkStandalonePatches()
        checkVyOSForms()
        checkGatewayRoutes()
        checkVyOSReleaseSyntax()
        checkPoolEnvironment()
        checkRealLabShapes()
        checkFlannel()
        checkCilium()
        checkFabric()
    }

    /// LG022: every gateway has a route, via the owning gateway, to each rack subnet behind another gateway.
    mutating func checkGatewayRoutes() {
        let rackBridges = Set(servers.compactMap(\.bridge))
        // Rack subnet -> the gateway ports on it (the gateways that own the rack).
        var racks: [(subnet: IPv4Prefix, bridge: String, owners: [GatewayPort])] = []
        for bridge in rackBridges.sorted() {
            guard let ports = gatewayPorts[bridge], let first = ports.first else { continue }
            racks.append((first.address.value.subnet, bridge, ports))
        }
        guard Set(racks.flatMap { $0.owners.map(\.gateway) }).count >= 2 else { return }
        var seenSubnets = Set<IPv4Prefix>()
        racks = racks.filter { seenSubnets.insert($0.subnet).inserted }
        var nodeAddresses = Set(kindNodes.compactMap { $0.nodeIP?.value })
        for node in facts.clab?.nodes ?? [] where gateways[node.name.value] == nil {
            if node.networkMode?.value.hasPrefix("container:") == true || !node.defaultRoutes.isEmpty {
                nodeAddresses.formUnion(node.addresses.map(\.address.address))
            }
        }
        let routing = RoutingGraph(gateways: gateways, hosts: nodeAddresses)
        var learnersBySubnet: [IPv4Prefix: Set<String>] = [:]
        for (name, vyos) in gateways.sorted(by: { $0.key < $1.key }) {
            let connected = vyos.interfaces.flatMap { $0.allAddresses.map(\.value.subnet) }
            if connected.isEmpty { continue }  // a pure L2 switch routes nothing
            for rack in racks where !rack.owners.contains(where: { $0.gateway == name }) {
                let owner = rack.owners[0]
                let ownerAddresses = Set(gateways[owner.gateway]?.interfaces.flatMap { $0.allAddresses.map(\.value.address) } ?? [])
                let route = vyos.staticRoutes.filter { $0.destination.value.contains(rack.subnet) }
                    .max { $0.destination.value.length < $1.destination.value.length }
                if route == nil {
                    let learners = learnersBySubnet[rack.subnet] ?? routing.learners(of: rack.subnet)
                    learnersBySubnet[rack.subnet] = learners
                    if learners.contains(name) { continue }
                }
                guard let route else {
                    error(
                        RuleID.gatewayRoutes,
                        "gateway '\(name)' has no route to rack subnet \(rack.subnet) (\(describe(rack.bridge)), behind gateway '\(owner.gateway)'): its racks cannot reach that rack (no static route, and no BGP/OSPF session path to a router that announces it)",
                        at: vyos.interfaces.first?.name.location ?? SourceLocation(file: vyos.file, line: 1, column: 1),
                        notes: [Diagnostic.Note("gateway '\(owner.gateway)' serves \(rack.subnet) here", at: owner.address.location)])
                    continue
                }
                for hop in route.nextHops {
                    if !connected.contains(where: { $0.contains(hop.value) }) {
                        error(
                            RuleID.gatewayRoutes,
                            "next hop \(hop.value) of gateway '\(name)''s route to \(route.destination.value) is on none of its subnets (\(connected.map(\.description).joined(separator: ", ")))",
                            at: hop.location)
                    } else if !ownerAddresses.contains(hop.value) {
                        warning(
                            RuleID.gatewayRoutes,
                            "gateway '\(name)' routes \(rack.subnet) via \(hop.value), which is not an address of gateway '\(owner.gateway)' that serves it",
                            at: hop.location, notes: [Diagnostic.Note("gateway '\(owner.gateway)' serves \(rack.subnet) here", at: owner.address.location)])
                    }
                }
                if route.nextHops.isEmpty {
                    error(RuleID.gatewayRoutes, "gateway '\(name)''s route to \(route.destination.value) has no next hop", at: route.destination.location)
                }
            }
        }
    }

    /// LG021: `<gw>.cfg` (set commands) against `<gw>-boot.cfg` in the same folder.
    mutating func checkVyOSForms() {
        for (path, commands) in facts.vyos.sorted(by: { $0.key < $1.key }) where commands.isSetCommands && path.hasSuffix(".cfg") {
            let bootPath = String(path.dropLast(".cfg".count)) + "-boot.cfg"
            guard let boot = facts.vyos[bootPath], !boot.isSetCommands else { continue }
            // A set-command file the topology does not mount, next to a config.boot it does: stale, a warning.
            let mounted = Set(gateways.values.map(\.file))
            let stale = facts.clab != nil && !mounted.contains(commands.file) && mounted.contains(boot.file)
            let severity: Severity = stale ? .warning : .error
            let staleNote = stale ? " (\(commands.file) is not mounted by the topology: stale?)" : ""
            for (setting, values) in commands.settings.sorted(by: { $0.key < $1.key }) {
                guard let bootValues = boot.settings[setting] else {
                    // The commands configure something the booted router does not have.
                    diagnostics.append(
                        Diagnostic(
                            RuleID.vyosForms, severity, "\(commands.file) sets '\(setting)', which \(boot.file) does not have\(staleNote)",
                            at: values[0].location))
                    continue
                }
                let here = Set(values.map(\.value)), there = Set(bootValues.map(\.value))
                guard here != there, let first = values.first(where: { !there.contains($0.value) }) ?? values.first else { continue }
                diagnostics.append(
                    Diagnostic(
                        RuleID.vyosForms, severity,
                        "\(commands.file) sets '\(setting)' to \(here.sorted().map { "'\($0)'" }.joined(separator: ", ")) but \(boot.file) has \(there.sorted().map { "'\($0)'" }.joined(separator: ", "))\(staleNote)",
                        at: first.location, notes: [.init("\(boot.file) sets it here", at: bootValues[0].location)]))
            }
        }
    }

    // MARK: - Model of the lab

    mutating func buildKindNodes() {
        guard let kind = facts.kind else { return }
        clusterName = facts.clusterName ?? kind.name?.value ?? "kind"
        let names = Verifier.kindContainerNames(cluster: clusterName, roles: kind.nodes.map(\.role.value))
        let firstControlPlane = kind.nodes.firstIndex { $0.role.value == "control-plane" }
        for (index, node) in kind.nodes.enumerated() {
            let isFirst = index == firstControlPlane
            let wanted = isFirst ? "InitConfiguration" : "JoinConfiguration"
            var entry = KindNode(name: names[index], facts: node, isFirstControlPlane: isFirst, nodeIP: nil, labels: [])
            for patch in node.patches {
                guard patch.kind.value == wanted else {
                    error(
                        RuleID.patchKind,
                        "\(patch.kind.value) patch of kind node '\(names[index])' is ignored: kind applies \(wanted) to \(isFirst ? "the first control-plane node" : "this node")",
                        at: patch.kind.location)
                    continue
                }
                if let ip = patch.nodeIP { entry.nodeIP = ip }
                if !patch.nodeLabels.isEmpty { entry.labels = patch.nodeLabels }
            }
            for patch in kind.patches where patch.kind.value == wanted {
                if entry.nodeIP == nil, let ip = patch.nodeIP { entry.nodeIP = ip }
                if entry.labels.isEmpty { entry.labels = patch.nodeLabels }
            }
            kindByName[names[index]] = kindNodes.count
            kindNodes.append(entry)
        }
    }

    mutating func buildTopology() {
        guard let clab = facts.clab else { return }
        for node in clab.nodes where clabNodes[node.name.value] == nil { clabNodes[node.name.value] = node }
        for link in clab.links where link.endpoints.count == 2 {
            for (this, other) in [(link.endpoints[0], link.endpoints[1]), (link.endpoints[1], link.endpoints[0])] {
                if clabNodes[other.node]?.isBridge == true, clabNodes[this.node]?.isBridge != true {
                    attachment[this.key] = (other.node, link)
                    bridgeLinks[other.node, default: []].append(link)
                }
            }
        }
    }

    static let vyosMount = "/opt/vyatta/etc/config/config.boot"

    /// LG010, and the gateways: the nodes that mount a VyOS config.
    mutating func checkBinds() {
        guard let clab = facts.clab else { return }
        let directory = clab.file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        for node in clab.nodes {
            let isVyOS = node.image?.value.lowercased().contains("vyos") == true
            var mounted = false
            for bind in node.binds {
                let parts = bind.value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 2 else { continue }
                var source = parts[0]
                let target = parts[1]
                // `${PWD}/x`, `$PWD/x`, `$(pwd)/x`: the folder containerlab runs in, the topology's.
                for prefix in ["${PWD}/", "$PWD/", "$(pwd)/", "`pwd`/"] where source.hasPrefix(prefix) {
                    source = "./" + source.dropFirst(prefix.count)
                }
                let looksLikeVyOSConfig = target.hasSuffix("config.boot") || (isVyOS && target.hasPrefix("/opt/vyatta"))
                guard looksLikeVyOSConfig else { continue }
                if target != Self.vyosMount {
                    error(
                        RuleID.vyosBind, "\(node.name.value) mounts its VyOS config at '\(target)'; VyOS reads \(Self.vyosMount)",
                        at: bind.location)
                    continue
                }
                mounted = true
                let resolved = LabFacts.normalize(
                    source.hasPrefix("/") || directory.isEmpty ? source : directory + "/" + source)
                if let vyos = facts.vyos[resolved] ?? Self.sameFileElsewhere(source, in: facts.vyos) {
                    gateways[node.name.value] = vyos
                } else if facts.files.contains(resolved) {
                    error(
                        RuleID.vyosBind, "\(node.name.value) mounts '\(source)' as config.boot, but \(resolved) is not a VyOS config",
                        at: bind.location)
                } else {
                    error(
                        RuleID.vyosBind,
                        "\(node.name.value) mounts '\(source)', which does not exist (binds are relative to the topology file: \(resolved))",
                        at: bind.location)
                }
            }
            if isVyOS && !mounted {
                error(
                    RuleID.vyosBind,
                    "VyOS node \(node.name.value) mounts no config at \(Self.vyosMount): it boots the default config, with no rack addresses",
                    at: node.name.location)
            }
        }
    }

    /// An absolute bind source from the author's machine (`/root/labs/x/startup-conf/gw0-boot.cfg`) that
    /// is the lab's own file: the one whose last two path components match.
    static func sameFileElsewhere(_ source: String, in vyos: [String: VyOSFacts]) -> VyOSFacts? {
        guard source.hasPrefix("/") else { return nil }
        let tail = source.split(separator: "/").suffix(2).joined(separator: "/")
        let matches = vyos.filter { $0.key == tail || $0.key.hasSuffix("/" + tail) }
        return matches.count == 1 ? matches.first?.value : nil
    }

    mutating func buildGatewayPorts() {
        addDirectSegments()
        var seenPorts = Set<String>()
        for link in facts.clab?.links ?? [] {
            for endpoint in link.endpoints where gateways[endpoint.node] != nil && seenPorts.insert(endpoint.key).inserted {
                guard let bridge = attachment[endpoint.key]?.bridge, let vyos = gateways[endpoint.node] else { continue }
                for (interface, address) in Self.portAddresses(vyos, endpoint.interface) {
                    gatewayPorts[bridge, default: []].append(GatewayPort(gateway: endpoint.node, interface: interface, address: address))
                }
            }
        }
        guard let clab = facts.clab else { return }
        for node in clab.nodes {
            guard let mode = node.networkMode?.value, mode.hasPrefix("container:") else { continue }
            var server = Server(node: node)
            func segment(_ address: ExecAddress) -> String? {
                attachment["\(node.name.value):\(address.interface)"]?.bridge ?? attachment["\(node.name.value):\(address.baseInterface)"]?.bridge
            }
            server.rackAddress = node.addresses.first { segment($0) != nil }
            server.bridge = server.rackAddress.flatMap(segment)
            servers.append(server)
        }
    }

    /// The addresses that serve the hosts on a gateway port: the interface's own and its vifs', and
    /// those of a VyOS bridge the port is a member of (and that bridge's vifs).
    static func portAddresses(_ vyos: VyOSFacts, _ name: String) -> [(VyOSInterfaceFacts, Located<IPv4Interface>)] {
        var result: [(VyOSInterfaceFacts, Located<IPv4Interface>)] = []
        for interface in vyos.interfaces where interface.name.value == name || interface.members.contains(name) {
            for address in interface.allAddresses { result.append((interface, address)) }
        }
        return result
    }

    /// A gateway port linked straight to a host (a server with a default route or a kind node's
    /// server) is a segment of its own, like a bridge with one host.
    mutating func addDirectSegments() {
        guard let clab = facts.clab else { return }
        for link in clab.links where link.endpoints.count == 2 {
            let (a, b) = (link.endpoints[0], link.endpoints[1])
            for (port, host) in [(a, b), (b, a)] where gateways[port.node] != nil && gateways[host.node] == nil {
                guard let node = clabNodes[host.node], !node.isBridge, attachment[port.key] == nil, attachment[host.key] == nil,
                    !node.defaultRoutes.isEmpty || node.networkMode?.value.hasPrefix("container:") == true
                else { continue }
                let bridge = gateways[port.node]?.interfaces.first { $0.members.contains(port.interface) }?.name.value
                let segment = bridge.map { "\(port.node):\($0)" } ?? port.key
                attachment[port.key] = (segment, link)
                attachment[host.key] = (segment, link)
                directSegments[segment] = bridge.map { "VyOS bridge \($0) of \(port.node)" } ?? "the link to \(port.key)"
            }
        }
    }

    /// How messages name a segment: `bridge br-pool0`, or `the link to gw0:eth1`.
    func describe(_ segment: String) -> String {
        directSegments[segment] ?? "bridge \(segment)"
    }

    /// Distinct node subnets: the subnets of the servers' rack addresses and of the gateway ports.
    var nodeSubnets: [(IPv4Prefix, SourceLocation)] {
        var seen = Set<IPv4Prefix>()
        var result: [(IPv4Prefix, SourceLocation)] = []
        for server in servers {
            if let address = server.rackAddress, seen.insert(address.address.subnet).inserted {
                result.append((address.address.subnet, address.location))
            }
        }
        for bridge in gatewayPorts.keys.sorted() {
            for port in gatewayPorts[bridge]! where seen.insert(port.address.value.subnet).inserted {
                result.append((port.address.value.subnet, port.address.location))
            }
        }
        return result
    }

    // MARK: - LG014

    mutating func checkLinks() {
        guard let clab = facts.clab else { return }
        var used: [String: SourceLocation] = [:]
        let special: Set<String> = ["host", "mgmt-net", "macvlan", "macvtap", "vxlan", "vxlan-stitch", "dummy"]
        for link in clab.links {
            if link.endpoints.count != 2 && !(link.endpoints.count == 1) {
                error(RuleID.linkEndpoints, "a link needs two endpoints, this one has \(link.endpoints.count)", at: link.location)
            }
            for endpoint in link.endpoints {
                if clabNodes[endpoint.node] == nil && !special.contains(endpoint.node) {
                    var message = "link endpoint '\(endpoint.key)' names node '\(endpoint.node)', which the topology does not define"
                    if let suggestion = NameSuggestion.closest(to: endpoint.node, in: clabNodes.keys.sorted()) {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    error(RuleID.linkEndpoints, message, at: endpoint.location)
                }
                if ["macvlan", "macvtap"].contains(endpoint.node) { continue }  // many children on one parent are fine
                if let first = used[endpoint.key] {
                    error(
                        RuleID.linkEndpoints, "endpoint '\(endpoint.key)' is used by two links", at: endpoint.location,
                        notes: [Diagnostic.Note("first used here", at: first)])
                } else {
                    used[endpoint.key] = endpoint.location
                }
            }
        }
    }

    // MARK: - LG001

    mutating func checkNetworkMode() {
        guard facts.kind != nil else { return }
        let topology = facts.clab?.name?.value ?? ""
        var joinedBy: [Int: ClabNodeFacts] = [:]
        for index in servers.indices {
            let node = servers[index].node
            guard let mode = node.networkMode else { continue }
            let target = String(mode.value.dropFirst("container:".count))
            let nameLocation = SourceLocation(
                file: mode.location.file, line: mode.location.line, column: mode.location.column + "container:".count
                    + (mode.location.column > 0 ? 0 : 0))
            var kindIndex = kindByName[target]
            if kindIndex == nil, let prefixed = kindByName["clab-\(topology)-\(target)"] {
                kindIndex = prefixed
                warning(
                    RuleID.networkMode,
                    "\(node.name.value) joins 'container:\(target)', which is kind node 'clab-\(topology)-\(target)' only through containerlab's 'clab-\(topology)-' prefixing: releases up to 2022 always add the prefix and releases from 2022 to late 2023 try the prefixed name first, but short names broke in late 2023 (containerlab issue 1731); write 'container:clab-\(topology)-\(target)'",
                    at: mode.location,
                    notes: [Diagnostic.Note("kind names the node 'clab-\(topology)-\(target)' from cluster '\(clusterName)'", at: kindNodes[prefixed].facts.role.location)])
            }
            guard let kindIndex else {
                var message = "\(node.name.value) joins 'container:\(target)', but the kind cluster '\(clusterName)' has no node container of that name"
                if let suggestion = NameSuggestion.closest(to: target, in: kindByName.keys.sorted()) {
                    message += "; did you mean '\(suggestion)'?"
                }
                let known = kindNodes.map(\.name).prefix(6).joined(separator: ", ")
                error(
                    RuleID.networkMode, message, at: mode.location,
                    notes: [Diagnostic.Note("kind's node containers: \(known)\(kindNodes.count > 6 ? ", ..." : "") (cluster name from \(facts.clusterName != nil ? "the command line" : facts.kind?.name != nil ? "the config's name:" : "kind's default"))", at: facts.kind?.name?.location ?? facts.kind?.location)])
                _ = nameLocation
                continue
            }
            servers[index].kindNode = kindIndex
            if let first = joinedBy[kindIndex] {
                error(
                    RuleID.networkMode, "\(node.name.value) and \(first.name.value) both join kind node '\(kindNodes[kindIndex].name)'",
                    at: mode.location, notes: [Diagnostic.Note("\(first.name.value) joins it here", at: first.networkMode?.location)])
            } else {
                joinedBy[kindIndex] = node
            }
        }
    }

    // MARK: - LG002, LG003, LG004

    mutating func checkNodeAddresses() {
        for server in servers {
            let name = server.node.name.value
            if let kindIndex = server.kindNode {
                let kindNode = kindNodes[kindIndex]
                // The node-ip may be any address the server assigns (multi-homed servers, links to routers labgen does not model).
                let assigned = server.node.addresses.first { $0.address.address == kindNode.nodeIP?.value }
                switch (assigned ?? server.rackAddress ?? server.node.addresses.first, kindNode.nodeIP) {
                case (let address?, let nodeIP?) where address.address.address != nodeIP.value:
                    error(
                        RuleID.nodeIP,
                        "\(name) assigns \(address.address) but kind node '\(kindNode.name)' has node-ip \(nodeIP.value)",
                        at: address.location, notes: [Diagnostic.Note("node-ip is set here", at: nodeIP.location)])
                case (let address?, nil):
                    warning(
                        RuleID.nodeIP,
                        "kind node '\(kindNode.name)' has no node-ip, so the kubelet registers kind's docker address instead of \(address.address.address)",
                        at: kindNode.facts.location, notes: [Diagnostic.Note("\(name) assigns the rack address here", at: address.location)])
                case (nil, let nodeIP?):
                    error(
                        RuleID.nodeIP,
                        "\(name) assigns no IPv4 address in its exec ('ip addr add A/L dev IF'), but kind node '\(kindNode.name)' has node-ip \(nodeIP.value)",
                        at: server.node.name.location, notes: [Diagnostic.Note("node-ip is set here", at: nodeIP.location)])
                default: break
                }
            }
            guard let address = server.rackAddress, let bridge = server.bridge else { continue }
            let ports = gatewayPorts[bridge] ?? []
            if let first = ports.first {
                if let port = ports.first(where: { $0.address.value.subnet.contains(address.address.address) }) {
                    if port.address.value.length != address.address.length {
                        error(
                            RuleID.gatewaySubnet,
                            "\(name) assigns \(address.address) but the gateway interface \(port.gateway):\(port.interface.name.value) on \(bridge) has /\(port.address.value.length)",
                            at: address.location, notes: [Diagnostic.Note("gateway address \(port.address.value)", at: port.address.location)])
                    }
                } else {
                    error(
                        RuleID.gatewaySubnet,
                        "\(name) assigns \(address.address), outside \(first.address.value.subnet) of gateway interface \(first.gateway):\(first.interface.name.value) on \(bridge)",
                        at: address.location, notes: [Diagnostic.Note("gateway address \(first.address.value)", at: first.address.location)])
                }
            }
            for route in server.node.defaultRoutes {
                if ports.contains(where: { $0.address.value.address == route.value }) { continue }
                // A default route via another interface of the server (a second network) is not about this rack.
                if !address.address.subnet.contains(route.value),
                    server.node.addresses.contains(where: { $0 != address && $0.address.subnet.contains(route.value) })
                {
                    continue
                }
                if let port = ports.first {
                    error(
                        RuleID.defaultRoute,
                        "\(name) routes via \(route.value), but the gateway on its bridge \(bridge) is \(port.address.value.address)",
                        at: route.location, notes: [Diagnostic.Note("\(port.gateway):\(port.interface.name.value) has \(port.address.value)", at: port.address.location)])
                } else if !address.address.subnet.contains(route.value) {
                    error(
                        RuleID.defaultRoute, "\(name) routes via \(route.value), which is not on-link in \(address.address.subnet)",
                        at: route.location, notes: [Diagnostic.Note("address assigned here", at: address.location)])
                }
            }
        }
    }

    // MARK: - LG005

    mutating func checkGatewayInterfaces() {
        guard let clab = facts.clab else { return }
        var linked = Set<String>()
        for link in clab.links {
            for endpoint in link.endpoints where gateways[endpoint.node] != nil {
                linked.insert(endpoint.key)
                guard let bridge = attachment[endpoint.key]?.bridge, let vyos = gateways[endpoint.node] else { continue }
                let interface = vyos.interfaces.first { $0.name.value == endpoint.interface }
                // A switch port (member of a VyOS bridge or bond) or a trunk (vifs) needs no address of its own.
                let switchPort = vyos.interfaces.contains { $0.members.contains(endpoint.interface) } || interface?.vifs.isEmpty == false
                if Self.portAddresses(vyos, endpoint.interface).isEmpty && !switchPort {
                    error(
                        RuleID.gatewayInterfaces,
                        "\(endpoint.key) is linked to \(describe(bridge)) but has no address in \(vyos.file) (not on the interface, a vif of it, or a VyOS bridge it is a member of)",
                        at: endpoint.location,
                        notes: [Diagnostic.Note("the VyOS config", at: interface?.name.location ?? SourceLocation(file: vyos.file, line: 1, column: 1))])
                }
            }
        }
        for (name, vyos) in gateways.sorted(by: { $0.key < $1.key }) {
            for interface in vyos.interfaces
            where interface.type == "ethernet" && interface.name.value != "eth0" && !interface.allAddresses.isEmpty
                && !linked.contains("\(name):\(interface.name.value)")
            {
                warning(
                    RuleID.gatewayInterfaces,
                    "\(name) \(interface.name.value) has address \(interface.allAddresses[0].value) but no link in the topology: the interface will not exist",
                    at: interface.allAddresses[0].location)
            }
        }
    }

    // MARK: - LG006

    static func isRackLabel(_ key: String) -> Bool {
        key == "rack" || key.hasSuffix("/rack") || key == "topology.kubernetes.io/zone"
    }

    mutating func checkLabels() {
        var byBridge: [String: Located<NodeLabel>] = [:]
        var bridgeOfValue: [String: (bridge: String, label: Located<NodeLabel>)] = [:]
        for server in servers {
            guard let segment = server.bridge, let kindIndex = server.kindNode else { continue }
            // Servers wired straight to ports of one router share that router's rack.
            let bridge = directSegments[segment] != nil ? String(segment.split(separator: ":").first ?? "") : segment
            for label in kindNodes[kindIndex].labels where Self.isRackLabel(label.value.key) {
                let key = label.value.key
                if let first = byBridge[bridge + "\u{0}" + key], first.value.value != label.value.value {
                    error(
                        RuleID.rackLabels,
                        "kind node '\(kindNodes[kindIndex].name)' is labelled \(key)=\(label.value.value) but is on \(bridge) with nodes labelled \(key)=\(first.value.value)",
                        at: label.location, notes: [Diagnostic.Note("\(key)=\(first.value.value) here", at: first.location)])
                    continue
                }
                byBridge[bridge + "\u{0}" + key] = byBridge[bridge + "\u{0}" + key] ?? label
                let valueKey = key + "=" + label.value.value
                if let other = bridgeOfValue[valueKey], other.bridge != bridge {
                    error(
                        RuleID.rackLabels,
                        "kind node '\(kindNodes[kindIndex].name)' on \(bridge) has \(valueKey), like the nodes on \(other.bridge)",
                        at: label.location, notes: [Diagnostic.Note("\(valueKey) on \(other.bridge)", at: other.label.location)])
                } else if bridgeOfValue[valueKey] == nil {
                    bridgeOfValue[valueKey] = (bridge, label)
                }
            }
        }
    }

    // MARK: - LG007, LG008

    var podSubnet: Located<IPv4Prefix>? {
        guard let kind = facts.kind else { return nil }
        return kind.podSubnet ?? Located(KindFacts.defaultPodSubnet, at: kind.location)
    }

    var serviceSubnet: Located<IPv4Prefix>? {
        guard let kind = facts.kind else { return nil }
        return kind.serviceSubnet ?? Located(KindFacts.defaultServiceSubnet, at: kind.location)
    }

    mutating func checkRegistry() {
        guard let kind = facts.kind else { return }
        var mirrors: [String: RegistryMirrorFacts] = [:]
        for mirror in kind.mirrors where mirrors[mirror.host] == nil { mirrors[mirror.host] = mirror }
        var firstUse: [String: ImageReference] = [:]
        for image in facts.images {
            guard let host = image.privateRegistry else { continue }
            if let first = firstUse[host], first.pulledInCluster || !image.pulledInCluster { continue }
            firstUse[host] = image
        }
        for (host, image) in firstUse.sorted(by: { $0.key < $1.key }) {
            guard let mirror = mirrors[host] else {
                let message: String
                if image.pulledInCluster {
                    message = "\(image.reference.value) is pulled inside the cluster from \(host), but kind's containerd has no mirror for \(host): the pull fails"
                    error(RuleID.registryMirror, message, at: image.reference.location,
                          notes: [Diagnostic.Note("add a registry.mirrors.\"\(host)\" entry to containerdConfigPatches", at: kind.location)])
                } else {
                    message = "the lab pulls \(image.reference.value) from \(host), but kind's containerd has no mirror for \(host): images pulled inside the cluster (the CNI's own) cannot come from it"
                    warning(RuleID.registryMirror, message, at: image.reference.location,
                            notes: [Diagnostic.Note("add a registry.mirrors.\"\(host)\" entry to containerdConfigPatches", at: kind.location)])
                }
                continue
            }
            if mirror.endpoints.isEmpty {
                error(RuleID.registryMirror, "the containerd mirror for \(host) has no endpoint", at: mirror.location)
            }
            for endpoint in mirror.endpoints where !endpoint.value.hasPrefix("http://") && !endpoint.value.hasPrefix("https://") {
                error(
                    RuleID.registryMirror, "mirror endpoint '\(endpoint.value)' needs a scheme: 'http://\(endpoint.value)' for a plain-HTTP registry",
                    at: endpoint.location)
            }
        }
    }

    // MARK: - LG011

    mutating func checkMasquerade() {
        for (bridge, ports) in gatewayPorts.sorted(by: { $0.key < $1.key }) {
            let routed = servers.contains { server in
                server.bridge == bridge && server.node.defaultRoutes.contains { route in ports.contains { $0.address.value.address == route.value } }
            }
            guard routed else { continue }
            for port in ports {
                guard let vyos = gateways[port.gateway] else { continue }
                let rackInterfaces = Set(
                    vyos.interfaces.filter { attachment["\(port.gateway):\($0.name.value)"] != nil }.map(\.name.value))
                let subnet = port.address.value.subnet
                let covered = vyos.natRules.contains { rule in
                    rule.masquerade && !rackInterfaces.contains(rule.outboundInterface?.value ?? "")
                        && (rule.source.map { $0.value.contains(subnet) } ?? true)
                }
                if !covered {
                    warning(
                        RuleID.masquerade,
                        "no source NAT masquerade rule of \(port.gateway) covers node subnet \(subnet) on a non-rack interface: nodes on \(bridge) lose outside access",
                        at: port.address.location,
                        notes: vyos.natRules.first.map { [Diagnostic.Note("NAT rule \($0.number.value)", at: $0.number.location)] } ?? [])
                }
            }
        }
    }

    // MARK: - LG012

    /// Addresses must be unique within one L2/L3 scope: the same address in different VLANs (vif N,
    /// `net1.N`) or inside a VRF on different routers (an EVPN anycast gateway) is not a duplicate.
    mutating func checkDuplicateAddresses() {
        var seen: [String: (String, SourceLocation)] = [:]
        var entries: [(owner: String, address: IPv4Interface, location: SourceLocation, scope: String)] = []
        let linkedInterfaces = Set(facts.clab?.links.flatMap { $0.endpoints.map(\.key) } ?? [])
        for node in facts.clab?.nodes ?? [] {
            let name = node.name.value
            for address in node.addresses {
                let scope: String
                if let vrf = node.vrf(of: address.interface) ?? node.vrf(of: address.baseInterface) {
                    scope = "node \(name) vrf \(vrf)"
                } else if address.interface == "lo" || !linkedInterfaces.contains("\(name):\(address.baseInterface)") {
                    // Loopbacks, tunnels, dummies and bridges made in exec: only the node's own.
                    scope = "node \(name) own"
                } else if let vlan = address.vlan {
                    scope = "vlan \(vlan)"
                } else {
                    scope = ""
                }
                entries.append((name, address.address, address.location, scope))
            }
        }
        for (name, vyos) in gateways.sorted(by: { $0.key < $1.key }) {
            for interface in vyos.interfaces {
                let own = interface.vrf.map { "node \(name) vrf \($0)" } ?? (interface.type == "loopback" ? "node \(name) lo" : "")
                for address in interface.addresses {
                    entries.append(("\(name) \(interface.name.value)", address.value, address.location, own))
                }
                for vif in interface.vifs {
                    let scope = vif.vrf.map { "node \(name) vrf \($0)" } ?? interface.vrf.map { "node \(name) vrf \($0)" } ?? "vlan \(vif.vlan.value)"
                    for address in vif.addresses {
                        entries.append(("\(name) \(interface.name.value) vif \(vif.vlan.value)", address.value, address.location, scope))
                    }
                }
            }
        }
        for (owner, address, location, scope) in entries {
            let key = "\(address.address) \(scope)"
            if let (firstOwner, firstLocation) = seen[key] {
                error(
                    RuleID.addresses, "\(owner) uses \(address.address), which \(firstOwner) uses too", at: location,
                    notes: [Diagnostic.Note("\(firstOwner) has it here", at: firstLocation)])
            } else {
                seen[key] = (owner, location)
            }
            if address.length <= 30, address.subnet.isNetworkOrBroadcast(address.address) {
                let which = address.address == address.subnet.network ? "network" : "broadcast"
                error(RuleID.addresses, "\(owner) uses \(address), the \(which) address of \(address.subnet)", at: location)
            }
        }
    }

    // MARK: - LG013

    mutating func checkInterfaceNames() {
        guard let clab = facts.clab else { return }
        for link in clab.links {
            for endpoint in link.endpoints where endpoint.interface.unicodeScalars.count > 15 {
                error(
                    RuleID.interfaceNames,
                    "interface name '\(endpoint.interface)' has \(endpoint.interface.unicodeScalars.count) characters; Linux allows 15",
                    at: endpoint.location)
            }
        }
        for node in clab.nodes where node.isBridge && node.name.value.unicodeScalars.count > 15 {
            error(
                RuleID.interfaceNames, "bridge name '\(node.name.value)' has \(node.name.value.unicodeScalars.count) characters; Linux allows 15",
                at: node.name.location)
        }
        // A script that makes a bridge whose name it computes ($1, br-$i) may make any of them.
        guard !facts.bridgeScripts.isEmpty, facts.bridgeScripts.allSatisfy(\.complete) else { return }
        var created = Set<String>()
        for script in facts.bridgeScripts { created.formUnion(script.bridges.map(\.value)) }
        for node in clab.nodes where node.kind?.value == "bridge" && !created.contains(node.name.value) {
            error(
                RuleID.interfaceNames,
                "bridge \(node.name.value) is not created by the bridge script; containerlab does not create bridges",
                at: node.name.location,
                notes: facts.bridgeScripts.map { Diagnostic.Note("bridge script", at: SourceLocation(file: $0.file, line: 1, column: 1)) })
        }
    }

    // MARK: - LG016

    mutating func checkMTU() {
        guard facts.clab != nil else { return }
        for (bridge, links) in bridgeLinks.sorted(by: { $0.key < $1.key }) {
            guard let first = links.first else { continue }
            let expected = first.mtu?.value ?? ClabFacts.defaultMTU
            for link in links.dropFirst() where (link.mtu?.value ?? ClabFacts.defaultMTU) != expected {
                let mtu = link.mtu?.value ?? ClabFacts.defaultMTU
                error(
                    RuleID.mtu,
                    "a link on \(bridge) has MTU \(mtu)\(link.mtu == nil ? " (containerlab's default)" : "") but another has \(expected): the bridge drops larger frames",
                    at: link.mtu?.location ?? link.location,
                    notes: [Diagnostic.Note("MTU \(expected)\(first.mtu == nil ? " (containerlab's default)" : "")", at: first.mtu?.location ?? first.location)])
            }
        }
        for (name, vyos) in gateways.sorted(by: { $0.key < $1.key }) {
            for interface in vyos.interfaces {
                guard let mtu = interface.mtu, let link = attachment["\(name):\(interface.name.value)"]?.link else { continue }
                let linkMTU = link.mtu?.value ?? ClabFacts.defaultMTU
                if mtu.value != linkMTU {
                    error(
                        RuleID.mtu,
                        "\(name) \(interface.name.value) has mtu \(mtu.value) but its link has MTU \(linkMTU)\(link.mtu == nil ? " (containerlab's default: the link sets no mtu)" : "")",
                        at: mtu.location, notes: [Diagnostic.Note("the link", at: link.mtu?.location ?? link.location)])
                }
            }
        }
        guard let veth = facts.vethMTU else { return }
        let pools = facts.pools.filter { !$0.disabled }
        let overhead = pools.contains { $0.vxlan != "Never" } ? 50 : pools.contains { $0.ipip != "Never" } ? 20 : 0
        var smallest: (Int, ClabLinkFacts)?
        for server in servers {
            guard let address = server.rackAddress, let link = attachment["\(server.node.name.value):\(address.interface)"]?.link else { continue }
            let mtu = link.mtu?.value ?? ClabFacts.defaultMTU
            if smallest == nil || mtu < smallest!.0 { smallest = (mtu, link) }
        }
        if let (mtu, link) = smallest, veth.value + overhead > mtu {
            error(
                RuleID.mtu,
                "Calico veth_mtu \(veth.value) plus \(overhead) bytes of encapsulation exceeds the node link MTU \(mtu)",
                at: veth.location, notes: [Diagnostic.Note("link MTU \(mtu)", at: link.mtu?.location ?? link.location)])
        }
    }

    // MARK: - LG017

    mutating func checkServiceSubnet() {
        guard let kind = facts.kind, let service = serviceSubnet else { return }
        let note = Diagnostic.Note(
            kind.serviceSubnet != nil ? "serviceSubnet is set here" : "kind's default serviceSubnet is \(service.value)",
            at: service.location)
        let nodeIndex = PrefixIndex(nodeSubnets.map { ($0.0, $0.1) })
        if let (subnet, location) = nodeIndex.overlapping(service.value) {
            error(
                RuleID.serviceSubnet, "service subnet \(service.value) overlaps node subnet \(subnet)",
                at: kind.serviceSubnet?.location ?? location, notes: [note])
        }
        if let pod = podSubnet, pod.value.overlaps(service.value), facts.pools.isEmpty || kind.podSubnet != nil {
            error(
                RuleID.serviceSubnet, "service subnet \(service.value) overlaps podSubnet \(pod.value)",
                at: kind.serviceSubnet?.location ?? pod.location, notes: [note])
        }
        if let mode = kind.kubeProxyMode, !["iptables", "ipvs", "nftables", "none"].contains(mode.value) {
            var message = "unknown kubeProxyMode '\(mode.value)'; kind knows iptables, ipvs, nftables and none"
            if let suggestion = NameSuggestion.closest(to: mode.value, in: ["iptables", "ipvs", "nftables", "none"]) {
                message += "; did you mean '\(suggestion)'?"
            }
            error(RuleID.serviceSubnet, message, at: mode.location)
        }
    }

    // MARK: - LG020

    mutating func checkStandalonePatches() {
        guard facts.kind != nil else { return }
        var byIP: [IPv4Address: Int] = [:]
        for (index, node) in kindNodes.enumerated() { if let ip = node.nodeIP { byIP[ip.value] = index } }
        for (file, patch) in facts.kubeadmPatches {
            // The node a document is for: its nodeRegistration.name (kubeadm.yaml), else the file's
            // name (kubeadm/<node>.yaml), else its node-ip.
            if let name = patch.nodeName, kindByName[name.value] == nil {
                var message = "\(file) has a patch for node '\(name.value)', which the kind config does not have"
                if let suggestion = NameSuggestion.closest(to: name.value, in: kindNodes.map(\.name)) {
                    message += "; did you mean '\(suggestion)'?"
                }
                error(RuleID.standalonePatch, message, at: name.location)
                continue
            }
            let base = file.split(separator: "/").last.map { String($0.split(separator: ".").first ?? "") } ?? ""
            let byName = patch.nodeName.flatMap { kindByName[$0.value] } ?? kindByName[base]
            guard let index = byName ?? patch.nodeIP.flatMap({ byIP[$0.value] }) else { continue }
            let node = kindNodes[index]
            if let ip = patch.nodeIP, let embedded = node.nodeIP, ip.value != embedded.value {
                error(
                    RuleID.standalonePatch, "\(file) sets node-ip \(ip.value) but the kind config gives '\(node.name)' \(embedded.value)",
                    at: ip.location, notes: [Diagnostic.Note("node-ip in the kind config", at: embedded.location)])
            }
            let labels = Set(patch.nodeLabels.map(\.value))
            let embeddedLabels = Set(node.labels.map(\.value))
            if labels != embeddedLabels, let first = patch.nodeLabels.first ?? node.labels.first {
                error(
                    RuleID.standalonePatch, "\(file) sets node-labels that differ from the kind config's for '\(node.name)'",
                    at: patch.nodeLabels.first?.location ?? patch.location,
                    notes: [Diagnostic.Note("node-labels in the kind config", at: node.labels.first?.location ?? first.location)])
            }
            let wanted = node.isFirstControlPlane ? "InitConfiguration" : "JoinConfiguration"
            if patch.kind.value != wanted {
                error(
                    RuleID.patchKind, "\(file) is a \(patch.kind.value) patch, but kind node '\(node.name)' takes \(wanted)",
                    at: patch.kind.location)
            }
        }
    }
}
