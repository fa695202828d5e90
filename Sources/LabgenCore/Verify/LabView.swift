import LabModel

/// A kind node with the settings its patches give it (only patches of the kind kind applies to it:
/// InitConfiguration for the first control-plane node, JoinConfiguration for the others).
/// A class of constants: rules copy kind nodes often, and a copy is then one reference count.
final class KindNode: Sendable {
    let name: String
    let facts: KindNodeFacts
    let isFirstControlPlane: Bool
    let nodeIP: Located<IPv4Address>?
    let labels: [Located<NodeLabel>]

    init(
        name: String, facts: KindNodeFacts, isFirstControlPlane: Bool, nodeIP: Located<IPv4Address>?,
        labels: [Located<NodeLabel>]
    ) {
        self.name = name
        self.facts = facts
        self.isFirstControlPlane = isFirstControlPlane
        self.nodeIP = nodeIP
        self.labels = labels
    }

    /// The patch kind kind applies to this node.
    var patchKind: String { isFirstControlPlane ? "InitConfiguration" : "JoinConfiguration" }
}

/// A containerlab server in a kind node's namespace (`network-mode: container:<name>`), and its
/// rack attachment.
struct Server {
    var node: ClabNodeFacts
    /// The kind node it joins (also when another server joins it too), nil when the name is no kind node.
    var kindNode: Int?
    /// Whether the name reaches the kind node only through containerlab's `clab-<topology>-` prefixing.
    var joinsByPrefix = false
    /// The address on the interface linked to a bridge, and that bridge.
    var rackAddress: ExecAddress?
    var bridge: String?

    init(node: ClabNodeFacts) { self.node = node }

    /// The container name after `container:`.
    var joinTarget: String { String((node.networkMode?.value ?? "").dropFirst("container:".count)) }
}

/// An addressed gateway interface on a bridge.
struct GatewayPort {
    var gateway: String
    var interface: VyOSInterfaceFacts
    var address: Located<IPv4Interface>
}

/// A bind of a containerlab node that mounts (or tries to mount) a VyOS config, and what it names.
struct VyOSBind {
    enum Outcome {
        /// Mounted at `target`, which is not where VyOS reads its config.
        case wrongTarget(String)
        /// The lab's VyOS config.
        case config(VyOSFacts)
        /// A file of the lab that is not a VyOS config.
        case notVyOS(resolved: String)
        /// No file of the lab.
        case missing(resolved: String)
    }

    var node: ClabNodeFacts
    var bind: Located<String>
    /// The source as written, `${PWD}/` and the like made `./`.
    var source: String
    var outcome: Outcome
}

/// The read-only view of a lab that every rule checks: the facts read from its artifacts, and what
/// they say together (kind nodes with their patches, servers with their kind node, gateways and
/// their ports, links, segments). Built once from `LabFacts`, with no diagnostics: the rules report.
///
/// Every part is built with dictionaries keyed by name, address or prefix, in time linear in the
/// size of the lab.
struct LabView {
    let facts: LabFacts

    /// The kind cluster's name: `--cluster-name`, else the config's `name:`, else `kind`.
    private(set) var clusterName = "kind"
    /// The kind nodes in config order (one per node of the kind config).
    private(set) var kindNodes: [KindNode] = []
    private(set) var kindByName: [String: Int] = [:]
    /// containerlab nodes by name (the first of a name).
    private(set) var clabNodes: [String: ClabNodeFacts] = [:]
    /// `node:interface` -> the segment it is linked to (a bridge, or a direct link to a gateway port), and the link.
    private(set) var attachment: [String: (bridge: String, link: ClabLinkFacts)] = [:]
    /// The links of each bridge node (not of direct segments).
    private(set) var bridgeLinks: [String: [ClabLinkFacts]] = [:]
    /// Every bind that mounts a VyOS config (or looks like it should), in node order.
    private(set) var vyosBinds: [VyOSBind] = []
    /// The VyOS nodes (by image) that mount no config at VyOS's path.
    private(set) var unmountedVyOSNodes: [ClabNodeFacts] = []
    /// The gateways: the nodes that mount a VyOS config of the lab, by node name.
    private(set) var gateways: [String: VyOSFacts] = [:]
    /// Each segment's addressed gateway ports.
    private(set) var gatewayPorts: [String: [GatewayPort]] = [:]
    /// The nodes with `network-mode: container:...`, in topology order.
    private(set) var servers: [Server] = []
    /// Segments that are a direct link from a gateway port to a host (no bridge), by the gateway's `node:interface`.
    /// (A gateway's ports that are members of one VyOS bridge are one segment, named after that bridge.)
    private(set) var directSegments: [String: String] = [:]
    /// Distinct node subnets: the subnets of the servers' rack addresses, then of the gateway ports.
    private(set) var nodeSubnets: [(IPv4Prefix, SourceLocation)] = []
    /// The routed fabric: routers, their BGP sessions, the nodes' peerings (the fabric rules LG050-LG056).
    /// Built only with the part `.fabric`; a rule that reads it lists `.fabric` in its `reads`.
    var fabricView: FabricView {
        guard let builtFabricView else { preconditionFailure("LabView.fabricView read without the part .fabric") }
        return builtFabricView
    }
    private var builtFabricView: FabricView?
    /// Each standalone kubeadm patch with the kind node it is for (LG019, LG020), in file order.
    private(set) var standalonePatchTargets: [(file: String, patch: KubeadmPatchFacts, target: PatchTarget)] = []
    /// The point-to-point links of the topology, in topology order (see `PointToPointLink`).
    private(set) var pointToPointLinks: [PointToPointLink] = []

    static let vyosMount = Conventions.vyosConfigMount

    /// Parts of the view that only a few rules read. `Verifier` builds each in the rules' stage, once for the
    /// rules that list it in their `reads`, on whichever core is free, instead of before every rule.
    enum Part: CaseIterable, Hashable, Sendable {
        /// `fabricView`.
        case fabric
    }

    /// The view of `facts`, with the optional `parts` (all of them unless told).
    init(_ facts: LabFacts, parts: Set<Part> = Set(Part.allCases)) {
        self.facts = facts
        // What depends on nothing but its own facts (the kind nodes, the gateways) is built on another
        // core while this one builds the topology; at 10,000 nodes the view took a fifth of the verification.
        let sidePart = Parallel.start { (Self.kindNodes(of: facts), Self.gateways(of: facts)) }
        buildTopology()
        let side = sidePart()
        (clusterName, kindNodes, kindByName) = side.0
        (gateways, vyosBinds, unmountedVyOSNodes) = side.1
        addDirectSegments()
        // The standalone patches' targets, the gateway ports and the point-to-point links on the other
        // core, the servers on this one.
        let linked = self
        let linkPart = Parallel.start {
            (linked.makeStandalonePatchTargets(), linked.makeGatewayPorts(), linked.makePointToPointLinks())
        }
        buildServers()
        (standalonePatchTargets, gatewayPorts, pointToPointLinks) = linkPart()
        buildNodeSubnets()
        build(parts)
    }

    /// Builds the optional `parts` not built yet.
    mutating func build(_ parts: Set<Part>) {
        if parts.contains(.fabric), builtFabricView == nil { builtFabricView = makeFabricView() }
    }

    // MARK: - Derived values

    /// kind's podSubnet (its default when the config sets none).
    var podSubnet: Located<IPv4Prefix>? {
        guard let kind = facts.kind else { return nil }
        return kind.podSubnet ?? Located(KindFacts.defaultPodSubnet, at: kind.location)
    }

    /// kind's serviceSubnet (its default when the config sets none).
    var serviceSubnet: Located<IPv4Prefix>? {
        guard let kind = facts.kind else { return nil }
        return kind.serviceSubnet ?? Located(KindFacts.defaultServiceSubnet, at: kind.location)
    }

    /// The rack subnets the kind nodes sit on (through their servers); more than one means the
    /// nodes do not share one layer-2 segment.
    var nodeRackSubnets: Set<IPv4Prefix> { Set(servers.compactMap { $0.rackAddress?.address.subnet }) }

    /// Whether a gateway peers BGP with the nodes (a neighbor is a node's rack address or node-ip).
    var gatewaysPeerWithNodes: Bool {
        var nodes = Set(servers.compactMap { $0.rackAddress?.address.address })
        nodes.formUnion(kindNodes.compactMap { $0.nodeIP?.value })
        return gateways.values.contains { vyos in
            vyos.bgp?.neighbors.contains { $0.address.map { nodes.contains($0.value) } ?? false } ?? false
        }
    }

    /// The smallest MTU of the links that carry the servers' rack addresses, and that link.
    var smallestNodeLink: (mtu: Int, link: ClabLinkFacts)? {
        var smallest: (mtu: Int, link: ClabLinkFacts)?
        for server in servers {
            guard let address = server.rackAddress,
                let link = attachment["\(server.node.name.value):\(address.interface)"]?.link
            else { continue }
            let mtu = link.mtu?.value ?? ClabFacts.defaultMTU
            if smallest == nil || mtu < smallest!.mtu { smallest = (mtu, link) }
        }
        return smallest
    }

    /// The kind node a standalone kubeadm patch (`facts.kubeadmPatches`) is for.
    enum PatchTarget {
        /// Its nodeRegistration.name names no kind node.
        case unknownName(Located<String>)
        /// The kind node (by index) it names, by nodeRegistration.name, by file name, or by its node-ip.
        case node(Int)
        /// Nothing says which node it is for.
        case none
    }

    /// Each standalone kubeadm patch with the kind node it is for, in file order (built once: `standalonePatchTargets`).
    private func makeStandalonePatchTargets() -> [(file: String, patch: KubeadmPatchFacts, target: PatchTarget)] {
        guard facts.kind != nil else { return [] }
        var byIP: [IPv4Address: Int] = [:]
        for (index, node) in kindNodes.enumerated() { if let ip = node.nodeIP { byIP[ip.value] = index } }
        // The documents of one file come one after another: its base name is worked out once.
        var baseOf: (file: String, base: String) = ("", "")
        return facts.kubeadmPatches.map { file, patch in
            // The node a document is for: its nodeRegistration.name (kubeadm.yaml), else the file's
            // name (kubeadm/<node>.yaml), else its node-ip.
            if let name = patch.nodeName, kindByName[name.value] == nil { return (file, patch, .unknownName(name)) }
            if baseOf.file != file || baseOf.base.isEmpty {
                baseOf = (
                    file, file.split(separator: "/").last.map { String($0.split(separator: ".").first ?? "") } ?? ""
                )
            }
            let base = baseOf.base
            let byName = patch.nodeName.flatMap { kindByName[$0.value] } ?? kindByName[base]
            guard let index = byName ?? patch.nodeIP.flatMap({ byIP[$0.value] }) else { return (file, patch, .none) }
            return (file, patch, .node(index))
        }
    }

    /// A link between two nodes that is neither a bridge port nor a direct segment to a host: a
    /// point-to-point link between routers.
    struct PointToPointLink {
        var link: ClabLinkFacts
        var a: ClabEndpoint
        var b: ClabEndpoint
        var nodeA: ClabNodeFacts
        var nodeB: ClabNodeFacts
    }

    /// The point-to-point links of the topology, in topology order (built once: `pointToPointLinks`).
    private func makePointToPointLinks() -> [PointToPointLink] {
        (facts.clab?.links ?? []).compactMap { link in
            guard link.endpoints.count == 2 else { return nil }
            let (a, b) = (link.endpoints[0], link.endpoints[1])
            guard let nodeA = clabNodes[a.node], let nodeB = clabNodes[b.node], !nodeA.isBridge, !nodeB.isBridge,
                attachment[a.key] == nil, attachment[b.key] == nil
            else { return nil }
            return PointToPointLink(link: link, a: a, b: b, nodeA: nodeA, nodeB: nodeB)
        }
    }

    /// How messages name a segment: `bridge br-pool0`, or `the link to gw0:eth1`.
    func describe(_ segment: String) -> String {
        directSegments[segment] ?? "bridge \(segment)"
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

    /// The addresses on one end of a link: a VyOS interface's own, or the exec addresses on that interface.
    func endAddresses(_ endpoint: ClabEndpoint, _ node: ClabNodeFacts) -> [Located<IPv4Interface>] {
        if let vyos = gateways[endpoint.node] {
            return vyos.interfaces.first { $0.name.value == endpoint.interface }?.addresses ?? []
        }
        return node.addresses.filter { $0.interface == endpoint.interface }.map { Located($0.address, at: $0.location) }
    }

    // MARK: - Building

    /// The cluster's name, the kind nodes in config order and their indices by container name.
    private static func kindNodes(of facts: LabFacts) -> (
        clusterName: String, kindNodes: [KindNode], kindByName: [String: Int]
    ) {
        var kindNodes: [KindNode] = []
        var kindByName: [String: Int] = [:]
        guard let kind = facts.kind else { return ("kind", kindNodes, kindByName) }
        let clusterName = facts.clusterName ?? kind.name?.value ?? "kind"
        let names = Verifier.kindContainerNames(cluster: clusterName, roles: kind.nodes.map(\.role.value))
        kindNodes.reserveCapacity(kind.nodes.count)
        kindByName.reserveCapacity(kind.nodes.count)
        let firstControlPlane = kind.nodes.firstIndex { $0.role.value == "control-plane" }
        for (index, node) in kind.nodes.enumerated() {
            let isFirstControlPlane = index == firstControlPlane
            let patchKind = isFirstControlPlane ? "InitConfiguration" : "JoinConfiguration"
            var nodeIP: Located<IPv4Address>?
            var labels: [Located<NodeLabel>] = []
            // A patch of the other kind is ignored by kind (LG019).
            for patch in node.patches where patch.kind.value == patchKind {
                if let ip = patch.nodeIP { nodeIP = ip }
                if !patch.nodeLabels.isEmpty { labels = patch.nodeLabels }
            }
            for patch in kind.patches where patch.kind.value == patchKind {
                if nodeIP == nil, let ip = patch.nodeIP { nodeIP = ip }
                if labels.isEmpty { labels = patch.nodeLabels }
            }
            kindByName[names[index]] = kindNodes.count
            kindNodes.append(
                KindNode(
                    name: names[index], facts: node, isFirstControlPlane: isFirstControlPlane, nodeIP: nodeIP,
                    labels: labels))
        }
        return (clusterName, kindNodes, kindByName)
    }

    private mutating func buildTopology() {
        guard let clab = facts.clab else { return }
        clabNodes.reserveCapacity(clab.nodes.count)
        attachment.reserveCapacity(clab.links.count)
        for node in clab.nodes where clabNodes[node.name.value] == nil { clabNodes[node.name.value] = node }
        for link in clab.links where link.endpoints.count == 2 {
            let (a, b) = (link.endpoints[0], link.endpoints[1])
            let aIsBridge = clabNodes[a.node]?.isBridge == true
            let bIsBridge = clabNodes[b.node]?.isBridge == true
            guard aIsBridge != bIsBridge else { continue }
            let (host, bridge) = aIsBridge ? (b, a) : (a, b)
            attachment[host.key] = (bridge.node, link)
            bridgeLinks[bridge.node, default: []].append(link)
        }
    }

    /// The gateways: the nodes that mount a VyOS config (and every VyOS bind, for LG010).
    private static func gateways(of facts: LabFacts) -> (
        gateways: [String: VyOSFacts], vyosBinds: [VyOSBind], unmountedVyOSNodes: [ClabNodeFacts]
    ) {
        var gateways: [String: VyOSFacts] = [:]
        var vyosBinds: [VyOSBind] = []
        var unmountedVyOSNodes: [ClabNodeFacts] = []
        guard let clab = facts.clab else { return (gateways, vyosBinds, unmountedVyOSNodes) }
        let directory = clab.file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(
            separator: "/")
        for node in clab.nodes {
            let isVyOS = node.image.map { Self.namesVyOS($0.value) } ?? false
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
                guard target == Self.vyosMount else {
                    vyosBinds.append(VyOSBind(node: node, bind: bind, source: source, outcome: .wrongTarget(target)))
                    continue
                }
                mounted = true
                let resolved = LabFacts.normalize(
                    source.hasPrefix("/") || directory.isEmpty ? source : directory + "/" + source)
                let outcome: VyOSBind.Outcome
                if let vyos = facts.vyos[resolved] ?? Self.sameFileElsewhere(source, in: facts.vyos) {
                    gateways[node.name.value] = vyos
                    outcome = .config(vyos)
                } else if facts.files.contains(resolved) {
                    outcome = .notVyOS(resolved: resolved)
                } else {
                    outcome = .missing(resolved: resolved)
                }
                vyosBinds.append(VyOSBind(node: node, bind: bind, source: source, outcome: outcome))
            }
            if isVyOS && !mounted { unmountedVyOSNodes.append(node) }
        }
        return (gateways, vyosBinds, unmountedVyOSNodes)
    }

    /// `image.lowercased().contains("vyos")`, on the bytes of an ASCII image (where lowercasing is per byte).
    static func namesVyOS(_ image: String) -> Bool {
        let ascii =
            image.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
                let word = Array("vyos".utf8)
                guard bytes.count >= word.count else { return false }
                for start in 0...(bytes.count - word.count) {
                    var match = true
                    for offset in 0..<word.count {
                        var byte = bytes[start + offset]
                        if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
                        if byte != word[offset] {
                            match = false
                            break
                        }
                    }
                    if match { return true }
                }
                return false
            } ?? nil
        return ascii ?? image.lowercased().contains("vyos")
    }

    /// An absolute bind source from the author's machine (`/root/labs/x/startup-conf/gw0-boot.cfg`) that
    /// is the lab's own file: the one whose last two path components match.
    static func sameFileElsewhere(_ source: String, in vyos: [String: VyOSFacts]) -> VyOSFacts? {
        guard source.hasPrefix("/") else { return nil }
        let tail = source.split(separator: "/").suffix(2).joined(separator: "/")
        let matches = vyos.filter { $0.key == tail || $0.key.hasSuffix("/" + tail) }
        return matches.count == 1 ? matches.first?.value : nil
    }

    /// A gateway port linked straight to a host (a server with a default route or a kind node's
    /// server) is a segment of its own, like a bridge with one host.
    private mutating func addDirectSegments() {
        guard let clab = facts.clab else { return }
        for link in clab.links where link.endpoints.count == 2 {
            let (a, b) = (link.endpoints[0], link.endpoints[1])
            for (port, host) in [(a, b), (b, a)] where gateways[port.node] != nil && gateways[host.node] == nil {
                guard let node = clabNodes[host.node], !node.isBridge, attachment[port.key] == nil,
                    attachment[host.key] == nil,
                    !node.defaultRoutes.isEmpty || node.networkMode?.value.hasPrefix("container:") == true
                else { continue }
                let bridge = gateways[port.node]?.interfaces.first { $0.members.contains(port.interface) }?.name.value
                let segment = bridge.map { "\(port.node):\($0)" } ?? port.key
                attachment[port.key] = (segment, link)
                attachment[host.key] = (segment, link)
                directSegments[segment] =
                    bridge.map { "VyOS bridge \($0) of \(port.node)" } ?? "the link to \(port.key)"
            }
        }
    }

    private func makeGatewayPorts() -> [String: [GatewayPort]] {
        var gatewayPorts: [String: [GatewayPort]] = [:]
        var seenPorts = Set<String>()
        for link in facts.clab?.links ?? [] {
            for endpoint in link.endpoints
            where gateways[endpoint.node] != nil && seenPorts.insert(endpoint.key).inserted {
                guard let bridge = attachment[endpoint.key]?.bridge, let vyos = gateways[endpoint.node] else {
                    continue
                }
                for (interface, address) in Self.portAddresses(vyos, endpoint.interface) {
                    gatewayPorts[bridge, default: []].append(
                        GatewayPort(gateway: endpoint.node, interface: interface, address: address))
                }
            }
        }
        return gatewayPorts
    }

    /// The servers (nodes with `network-mode: container:...`), their rack attachment and their kind node.
    /// (One after another: spread over two cores, the lookups in the shared dictionaries took longer, not less.)
    private mutating func buildServers() {
        guard let clab = facts.clab else { return }
        let topology = clab.name?.value ?? ""
        let hasKind = facts.kind != nil
        servers.reserveCapacity(clab.nodes.count)
        for node in clab.nodes {
            guard let mode = node.networkMode?.value, mode.hasPrefix("container:") else { continue }
            var server = Server(node: node)
            let attachment = self.attachment
            func segment(_ address: ExecAddress) -> String? {
                attachment["\(node.name.value):\(address.interface)"]?.bridge
                    ?? attachment["\(node.name.value):\(address.baseInterface)"]?.bridge
            }
            for address in node.addresses {
                guard let bridge = segment(address) else { continue }
                server.rackAddress = address
                server.bridge = bridge
                break
            }
            // Its kind node: the container it names, or the name containerlab's old `clab-<topology>-`
            // prefixing makes of it.
            if hasKind {
                let target = server.joinTarget
                if let kindIndex = kindByName[target] {
                    server.kindNode = kindIndex
                } else if let prefixed = kindByName["clab-\(topology)-\(target)"] {
                    server.kindNode = prefixed
                    server.joinsByPrefix = true
                }
            }
            servers.append(server)
        }
    }

    private mutating func buildNodeSubnets() {
        var seen = Set<IPv4Prefix>()
        for server in servers {
            if let address = server.rackAddress, seen.insert(address.address.subnet).inserted {
                nodeSubnets.append((address.address.subnet, address.location))
            }
        }
        for bridge in gatewayPorts.keys.sorted() {
            for port in gatewayPorts[bridge]! where seen.insert(port.address.value.subnet).inserted {
                nodeSubnets.append((port.address.value.subnet, port.address.location))
            }
        }
    }
}
