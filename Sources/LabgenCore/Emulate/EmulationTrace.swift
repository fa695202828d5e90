import LabModel

/// `labgen emulate --trace SRC DST`: the path of one packet, hop by hop, with its outer and inner
/// headers, computed from the plan (the lab's files as read back); nothing is run.
public enum EmulationTrace {
    public struct Hop: Sendable, Hashable {
        public var at: String
        public var action: String
        public var headers: String
    }

    /// An endpoint: `NODE`, `NODE/pod0`, a server, a gateway, `outside`, or an address.
    public static func resolve(_ name: String, in plan: EmulationPlan) -> (namespace: String, address: IPv4Address)? {
        if let found = resolveExactly(name, in: plan) { return found }
        // `worker2/pod0` for `<cluster>-worker2/pod0`, when only one node ends so.
        let nodePart = name.split(separator: "/", maxSplits: 1).first.map(String.init) ?? name
        let matches = plan.nodes.filter { $0.name.hasSuffix("-" + nodePart) }
        guard matches.count == 1 else { return nil }
        return resolveExactly(matches[0].name + name.dropFirst(nodePart.count), in: plan)
    }

    static func resolveExactly(_ name: String, in plan: EmulationPlan) -> (namespace: String, address: IPv4Address)? {
        if name == "outside" { return ("out", plan.outsideAddress) }
        for node in plan.nodes {
            for pod in node.pods where pod.name == name { return (pod.namespace, pod.address) }
            if node.name == name || node.server == name, let address = EmulationChecks.rackAddress(node, plan) {
                return (node.namespace, address)
            }
        }
        for gateway in plan.gateways where gateway.name == name {
            if let address = plan.namespace(gateway.namespace)?.interfaces.first(where: {
                $0.name != "eth0" && !$0.addresses.isEmpty
            })?
            .addresses.first?.address {
                return (gateway.namespace, address)
            }
        }
        if let address = IPv4Address(name) {
            for namespace in plan.namespaces where namespace.role != .host && namespace.addresses.contains(address) {
                return (namespace.id, address)
            }
        }
        return nil
    }

    struct Header {
        var source: IPv4Address
        var destination: IPv4Address
        var encapsulation: Encapsulation
        /// The UDP port and VNI of a VXLAN or Geneve header.
        var port = 0
        var vni = 0
        var text: String {
            switch encapsulation {
            case .none: "\(source) > \(destination) ICMP echo request"
            case .ipip: "\(source) > \(destination) proto IPIP (4)"
            case .vxlan: "\(source) > \(destination) UDP dport \(port) VXLAN vni \(vni)"
            case .geneve: "\(source) > \(destination) UDP dport \(port) Geneve vni \(vni)"
            }
        }
    }

    public static func trace(from source: String, to destination: String, in plan: EmulationPlan)
        throws(EmulationPlanError) -> [Hop]
    {
        guard let from = resolve(source, in: plan) else {
            throw EmulationPlanError("no node, pod, gateway or address '\(source)' in the lab \(names(plan))")
        }
        guard let to = resolve(destination, in: plan) else {
            throw EmulationPlanError("no node, pod, gateway or address '\(destination)' in the lab \(names(plan))")
        }
        var hops: [Hop] = []
        var inner = Header(source: from.address, destination: to.address, encapsulation: .none)
        var outer: Header?
        var current = from.namespace
        func headers() -> String { (outer.map { "outer " + $0.text + " | " } ?? "") + "inner " + inner.text }
        hops.append(Hop(at: label(current, plan), action: "sends", headers: headers()))
        for _ in 0..<40 {
            guard let namespace = plan.namespace(current) else { break }
            let target = outer?.destination ?? inner.destination
            if namespace.addresses.contains(target) {
                if let header = outer {
                    hops.append(
                        Hop(
                            at: namespace.label, action: "decapsulates \(header.encapsulation.rawValue)",
                            headers: "inner " + inner.text))
                    outer = nil
                    continue
                }
                hops.append(Hop(at: namespace.label, action: "delivered", headers: headers()))
                return hops
            }
            guard let route = lookup(target, in: namespace) else {
                hops.append(Hop(at: namespace.label, action: "no route to \(target): dropped", headers: headers()))
                return hops
            }
            if route.blackhole {
                hops.append(Hop(at: namespace.label, action: "route \(route.description): dropped", headers: headers()))
                return hops
            }
            let device =
                route.device
                ?? namespace.interfaces.first { i in
                    i.addresses.contains { $0.subnet.contains(route.via ?? target) && $0.length < 32 }
                }?.name
            let tunnel = device.flatMap { namespace.interface($0) }.map(\.kind)
            if tunnel == .ipip || tunnel == .vxlan || tunnel == .geneve, outer == nil, let via = route.via {
                let node = plan.nodes.first { $0.namespace == current }
                let local = node?.calicoAddress?.address ?? inner.source
                // A packet the node itself sends through a tunnel takes the tunnel's address.
                if current == from.namespace, inner.source == from.address,
                    let tunnelAddress = namespace.interface(device!)?.addresses.first?.address
                {
                    inner.source = tunnelAddress
                }
                if tunnel == .ipip {
                    outer = Header(source: local, destination: via, encapsulation: .ipip)
                } else if tunnel == .geneve {
                    outer = Header(
                        source: local, destination: via, encapsulation: .geneve, port: plan.genevePort,
                        vni: plan.geneveVNI)
                } else {
                    let peer = plan.vxlanPeers[current]?.first { $0.vtep == via }
                    outer = Header(
                        source: local, destination: peer?.nodeAddress ?? via, encapsulation: .vxlan,
                        port: plan.vxlanPort, vni: plan.vxlanVNI)
                }
                hops.append(
                    Hop(at: namespace.label, action: "route \(route.description): encapsulates", headers: headers()))
                continue
            }
            guard let device, let out = namespace.interface(device) else {
                hops.append(
                    Hop(at: namespace.label, action: "route \(route.description): no interface", headers: headers()))
                return hops
            }
            var action = "route \(route.description) -> \(device) (mtu \(out.mtu ?? 1500))"
            for rule in namespace.masquerades {
                var header = outer ?? inner
                let matches =
                    (rule.outInterface == nil || rule.outInterface == device)
                    && (rule.sources.isEmpty || rule.sources.contains { $0.contains(header.source) })
                    && !rule.exceptDestinations.contains { $0.contains(header.destination) }
                if matches, let address = out.addresses.first?.address {
                    action += ", masquerade \(header.source) -> \(address) (\(rule.origin))"
                    header.source = address
                    if outer != nil { outer = header } else { inner = header }
                    break
                }
            }
            let nextHop = route.via ?? target
            guard let (next, nextInterface) = neighbour(of: out, namespace: current, address: nextHop, plan: plan)
            else {
                hops.append(
                    Hop(
                        at: namespace.label, action: action + ": nobody answers for \(nextHop) on \(device)",
                        headers: headers()))
                return hops
            }
            if let segment = out.segment, segment.hasPrefix("bridge:") {
                action += " -> bridge \(segment.dropFirst(7))"
            }
            action += " -> \(label(next, plan)) \(nextInterface)"
            hops.append(Hop(at: namespace.label, action: action, headers: headers()))
            current = next
        }
        return hops
    }

    static func names(_ plan: EmulationPlan) -> String {
        "(nodes: \(plan.nodes.map(\.name).joined(separator: ", ")); pods: NODE/pod0, NODE/pod1; gateways: "
            + "\(plan.gateways.map(\.name).joined(separator: ", ")); outside)"
    }

    static func label(_ id: String, _ plan: EmulationPlan) -> String { plan.namespace(id)?.label ?? id }

    /// Longest-prefix match over connected subnets, the emulator's routes and the exec routes
    /// (an exec default route replaces the emulator's).
    static func lookup(_ address: IPv4Address, in namespace: EmuNamespace) -> EmuRoute? {
        var routes = namespace.routes
        if namespace.execRoutes.contains(where: { $0.destination.length == 0 }) {
            routes.removeAll { $0.destination.length == 0 }
        }
        routes += namespace.execRoutes
        for interface in namespace.interfaces where !interface.isTunnel {
            for a in interface.addresses where a.length < 32 {
                routes.append(EmuRoute(destination: a.subnet, device: interface.name))
            }
        }
        return routes.filter { $0.destination.contains(address) }.max { $0.destination.length < $1.destination.length }
    }

    /// Who receives a frame sent out of `interface` for `address`: the other end of a veth, or
    /// the namespace on the bridge that holds the address.
    static func neighbour(of interface: EmuInterface, namespace: String, address: IPv4Address, plan: EmulationPlan) -> (
        String, String
    )? {
        guard let segment = interface.segment else { return nil }
        var candidates: [(String, EmuInterface)] = []
        for other in plan.namespaces {
            for i in other.interfaces where i.segment == segment && !(other.id == namespace && i.name == interface.name)
            {
                candidates.append((other.id, i))
            }
        }
        if segment.hasPrefix("veth:") { return candidates.first.map { ($0.0, $0.1.name) } }
        return candidates.first { $0.1.master == nil && $0.1.addresses.contains { $0.address == address } }.map {
            ($0.0, $0.1.name)
        }
    }
}
