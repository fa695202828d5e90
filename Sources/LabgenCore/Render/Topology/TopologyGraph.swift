import LabModel

/// The picture of a lab as a list of elements and links, before any layout: the outside (source
/// NAT), the gateways, the transit link, the racks (their bridges) with their nodes, the kind
/// network of nodes outside racks, and the pod pools. `topology.md` (Mermaid), `topology.svg`
/// and `labgen check`'s summary of what changed in the picture are all made from it.
///
/// Texts are as the picture shows them: names with invisible or reordering characters escaped
/// (`String.debugEscaped`); the renderers escape them further for their own formats.
public struct TopologyGraph: Hashable, Sendable {
    public enum ElementKind: String, Hashable, Sendable {
        case outside, gateway, transit, rack, node, network, pool
    }

    public struct Element: Hashable, Sendable {
        /// Identifier in the picture (`g0`, `r1`, `n3`): made by labgen, never from a name.
        public var id: String
        /// What the element is, by name, for comparing two pictures (`rack rack0`).
        public var key: String
        public var kind: ElementKind
        public var title: String
        public var lines: [String]

        /// Title and lines on one line, for messages.
        public var label: String { ([title] + lines).joined(separator: ", ") }
    }

    public enum LinkKind: String, Hashable, Sendable {
        /// A gateway's outbound interface with its source NAT.
        case nat
        /// A gateway's interface on the transit bridge.
        case transit
        /// A gateway's interface on a rack bridge.
        case rack
        /// A server's (or kind node's) interface on its rack bridge or network.
        case node
    }

    public struct Link: Hashable, Sendable {
        /// Element ids.
        public var from: String
        public var to: String
        public var kind: LinkKind
        public var label: String
        /// The endpoints by element key, for comparing two pictures.
        public var key: String
    }

    /// A column of the picture: a rack (or the kind network) and its nodes, top to bottom.
    public struct Column: Hashable, Sendable {
        public var head: Element
        public var nodes: [Element]
        /// The gateway that routes the rack (index into `gateways`).
        public var gateway: Int?
    }

    public var title: String
    public var outside: Element?
    public var gateways: [Element]
    public var transit: Element?
    public var columns: [Column]
    /// The caption of the pools (`Calico pod pools of kind cluster <name>`).
    public var poolCaption: String?
    public var pools: [Element]
    public var links: [Link]

    /// Every element, top to bottom and left to right.
    public var elements: [Element] {
        var all: [Element] = []
        if let outside { all.append(outside) }
        all += gateways
        if let transit { all.append(transit) }
        for column in columns { all += [column.head] + column.nodes }
        return all + pools
    }

    public func element(_ id: String) -> Element? { elements.first { $0.id == id } }
}

extension TopologyGraph {
    public init(_ plan: LabPlan) {
        title = "lab '\(plan.name.debugEscaped)'"
        var links: [Link] = []
        func link(_ from: Element, _ to: Element, _ kind: LinkKind, _ label: String) {
            links.append(
                Link(from: from.id, to: to.id, kind: kind, label: label.debugEscaped, key: "\(from.key) -- \(to.key)"))
        }

        let natGateways = plan.gateways.filter { !$0.masquerades.isEmpty }
        let outside =
            natGateways.isEmpty
            ? nil
            : Element(
                id: "out", key: "outside", kind: .outside, title: "outside",
                lines: ["source NAT (masquerade) of the gateways"])
        self.outside = outside

        gateways = plan.gateways.enumerated().map { index, gateway in
            Element(
                id: "g\(index)", key: "gateway \(gateway.name.debugEscaped)", kind: .gateway,
                title: gateway.name.debugEscaped,
                lines: ["VyOS \(gateway.release.description.debugEscaped)"]
                    + gateway.staticRoutes.map { "route \($0.destination) via \($0.nextHop)" }
                    + Self.fabricLines(gateway, plan))
        }
        if let outside {
            for (index, gateway) in plan.gateways.enumerated() {
                // One link per outbound interface, with the sources masqueraded out of it.
                var outbound: [String] = []
                for rule in gateway.masquerades where !outbound.contains(rule.outbound) {
                    outbound.append(rule.outbound)
                }
                for name in outbound {
                    let sources = gateway.masquerades.filter { $0.outbound == name }.map { "\($0.source)" }
                    link(gateways[index], outside, .nat, "\(name): masquerade \(sources.joined(separator: ", "))")
                }
            }
        }

        if let transit = plan.transit {
            let element = Element(
                id: "t", key: "transit \(transit.bridge.debugEscaped)", kind: .transit,
                title: "transit \(transit.bridge.debugEscaped)", lines: ["\(transit.subnet)"])
            self.transit = element
            for (index, gateway) in plan.gateways.enumerated() {
                for interface in gateway.interfaces where interface.rack == nil && interface.bridge == transit.bridge {
                    link(gateways[index], element, .transit, "\(interface.name) \(interface.address)")
                }
            }
        } else {
            transit = nil
        }

        let nodes = Dictionary(plan.nodes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var nodeCount = 0
        func nodeElement(_ node: NodePlan, _ lines: [String]) -> Element {
            defer { nodeCount += 1 }
            return Element(
                id: "n\(nodeCount)", key: "node \(node.name.debugEscaped)", kind: .node, title: node.name.debugEscaped,
                lines: [node.role.rawValue] + lines)
        }
        var columns: [Column] = []
        for (index, rack) in plan.racks.enumerated() {
            let head = Element(
                id: "r\(index)", key: "rack \(rack.name.debugEscaped)", kind: .rack, title: rack.name.debugEscaped,
                lines: ["\(rack.subnet)", "bridge \(rack.bridge.debugEscaped)"])
            let gatewayIndex = plan.gateways.firstIndex { gateway in
                gateway.interfaces.contains { $0.rack == rack.name }
            }
            if let gatewayIndex {
                for interface in plan.gateways[gatewayIndex].interfaces where interface.rack == rack.name {
                    link(gateways[gatewayIndex], head, .rack, "\(interface.name) \(interface.address)")
                }
            }
            var column = Column(head: head, nodes: [], gateway: gatewayIndex)
            for name in rack.nodeNames {
                guard let node = nodes[name], let attachment = node.attachment else { continue }
                let element = nodeElement(
                    node, ["\(attachment.address)", "server \(attachment.server.debugEscaped)"])
                column.nodes.append(element)
                link(head, element, .node, attachment.interface)
            }
            columns.append(column)
        }
        // Nodes outside racks (kind-only labs) sit on kind's docker network, through their eth0.
        let loose = plan.nodes.filter { $0.attachment == nil }
        if !loose.isEmpty {
            let head = Element(
                id: "k", key: "kind network", kind: .network, title: "kind network",
                lines: ["docker network 'kind'"])
            var column = Column(head: head, nodes: [], gateway: nil)
            for node in loose {
                let element = nodeElement(node, ["address from docker"])
                column.nodes.append(element)
                link(head, element, .node, "eth0")
            }
            columns.append(column)
        }
        columns += Self.hostColumns(plan, gateways: gateways, links: &links)
        self.columns = columns

        if let cluster = plan.cluster, !cluster.pools.isEmpty {
            poolCaption = "Calico pod pools of kind cluster \(cluster.name.debugEscaped)"
            pools = cluster.pools.enumerated().map { index, pool in
                var lines = ["\(pool.cidr), blocks /\(pool.blockSize)", Self.encapsulation(pool)]
                lines.append(pool.natOutgoing ? "natOutgoing" : "no natOutgoing")
                lines.append("nodes \(pool.nodeSelector)".debugEscaped)
                if pool.disabled { lines.append("disabled") }
                return Element(
                    id: "p\(index)", key: "pool \(pool.name.debugEscaped)", kind: .pool,
                    title: "pod pool \(pool.name.debugEscaped)", lines: lines)
            }
        } else if let cluster = plan.cluster, case .flannel(let flannel)? = cluster.cni {
            poolCaption = "Flannel pod network of kind cluster \(cluster.name.debugEscaped)"
            var lines = ["Network \(cluster.podSubnet) (a /24 per node)", "backend \(flannel.backend.rawValue)"]
            if flannel.directRouting { lines.append("DirectRouting (within a subnet)") }
            lines.append("Flannel \(flannel.version)".debugEscaped)
            pools = [Element(id: "p0", key: "pod network flannel", kind: .pool, title: "pod network", lines: lines)]
        } else if let cluster = plan.cluster, case .cilium(let cilium)? = cluster.cni {
            poolCaption = "Cilium pod network of kind cluster \(cluster.name.debugEscaped)"
            var lines: [String] = []
            switch cilium.routingMode {
            case .tunnel: lines.append("tunnel \(cilium.tunnelProtocol?.rawValue ?? "vxlan")")
            case .native:
                lines.append("native routing" + (cilium.nativeRoutingCIDR.map { " \($0)" } ?? ""))
                if cilium.autoDirectNodeRoutes { lines.append("autoDirectNodeRoutes") }
            }
            switch cilium.ipamMode {
            case .kubernetes: lines.append("IPAM kubernetes (podSubnet \(cluster.podSubnet))")
            case .clusterPool:
                lines.append(
                    "IPAM cluster-pool \(cilium.clusterPoolCIDR.map { "\($0)" } ?? "")"
                        + (cilium.clusterPoolMaskSize.map { ", /\($0) per node" } ?? ""))
            }
            if cilium.kubeProxyReplacement { lines.append("kube-proxy replacement") }
            lines.append("Cilium \(cilium.version)".debugEscaped)
            pools = [Element(id: "p0", key: "pod network cilium", kind: .pool, title: "pod network", lines: lines)]
        } else {
            poolCaption = nil
            pools = []
        }
        self.links = links
    }

    /// `IPIP CrossSubnet`, `VXLAN Always`, `no encapsulation`.
    static func encapsulation(_ pool: PodPoolPlan) -> String {
        var parts: [String] = []
        if pool.ipipMode != .never { parts.append("IPIP \(pool.ipipMode.rawValue)") }
        if pool.vxlanMode != .never { parts.append("VXLAN \(pool.vxlanMode.rawValue)") }
        return parts.isEmpty ? "no encapsulation" : parts.joined(separator: ", ")
    }
}
