import LabModel

/// What Flannel's and Cilium's emulations share: one pod subnet per node (kube-controller-manager's
/// /24s in kind's node order, or Cilium's cluster-pool), the node address the CNI uses, and the
/// routes to the other nodes' pod subnets (direct on one subnet, through a tunnel, or none).
enum NodeSubnetEmulation {
    /// The node pod subnets, in node order: `cidr` split into `/mask` blocks.
    static func subnets(
        _ cidr: IPv4Prefix, mask: Int, count: Int, what: String
    ) throws(EmulationPlanError) -> [IPv4Prefix] {
        let size = UInt64(1) << UInt64(32 - mask)
        var result: [IPv4Prefix] = []
        for index in 0..<count {
            guard mask >= cidr.length, mask <= 30, UInt64(index + 1) * size <= cidr.size,
                let base = cidr.address(at: UInt64(index) * size)
            else {
                throw EmulationPlanError("\(what) \(cidr) has no /\(mask) left for node \(index + 1) of \(count)")
            }
            result.append(IPv4Prefix(base, length: mask))
        }
        return result
    }

    /// The interface, address and MTU that hold the node's default route after its server's exec
    /// (Flannel without `--iface` takes this interface); else the one holding `preferred`; else eth0.
    static func nodeAddress(
        _ namespace: EmuNamespace, preferred: IPv4Address? = nil
    ) -> (interface: String, address: IPv4Interface, mtu: Int)? {
        let candidates = namespace.interfaces.filter { $0.name != "lo" }.flatMap { i in
            i.addresses.map { (i.name, $0, i.mtu ?? 1500) }
        }
        if let preferred, let found = candidates.first(where: { $0.1.address == preferred }) { return found }
        if let via = namespace.execRoutes.first(where: { $0.destination.length == 0 })?.via,
            let found = candidates.first(where: { $0.1.subnet.contains(via) })
        {
            return found
        }
        return candidates.first { $0.0 == "eth0" }
    }

    /// A MAC for a node's VXLAN device (locally administered, unique per node).
    static func mac(_ index: Int, prefix: String) -> String {
        prefix + String(format: ":%02x:%02x", (index >> 8) & 0xff, index & 0xff)
    }

    /// Two pods per node on a bridge (Flannel's cni0 with the bridge and host-local plugins): the
    /// bridge holds the subnet's first address, pods the next ones, their default route via the bridge.
    static func bridgedPods(
        _ node: inout EmuNode, subnet: IPv4Prefix, bridge: String, mtu: Int, plan: inout EmulationPlan,
        namespaces: inout [String: EmuNamespace]
    ) {
        let segment = "bridge:\(node.namespace)-\(bridge)"
        let gateway = subnet.address(at: 1)!
        namespaces[node.namespace]!.interfaces.append(
            EmuInterface(
                name: bridge, kind: .bridge, addresses: [IPv4Interface(gateway, length: subnet.length)], mtu: mtu,
                segment: segment))
        for k in 0..<2 {
            let pod = addPod(
                k, to: &node, subnet: subnet, length: subnet.length, hostInterface: "veth\(k)", mtu: mtu,
                segment: segment,
                routes: [EmuRoute(destination: IPv4Prefix("0.0.0.0/0")!, via: gateway, device: "eth0")],
                plan: &plan, namespaces: &namespaces)
            namespaces[node.namespace]!.interfaces.append(
                EmuInterface(
                    name: pod.hostInterface, kind: .veth, mtu: mtu, segment: segment, master: bridge, podVeth: true))
        }
    }

    /// Two pods per node with a /32 each on a veth whose node side answers ARP (Cilium's lxc
    /// devices, whose ARP its eBPF answers): the pod's default route goes via the node's router
    /// address (Cilium's cilium_host), with the route MTU `routeMTU`.
    static func routedPods(
        _ node: inout EmuNode, subnet: IPv4Prefix, router: IPv4Address, deviceMTU: Int, routeMTU: Int,
        plan: inout EmulationPlan, namespaces: inout [String: EmuNamespace]
    ) {
        for k in 0..<2 {
            let id = podNamespace(node, k)
            let pod = addPod(
                k, to: &node, subnet: subnet, length: 32, hostInterface: "lxc\(k)", mtu: deviceMTU,
                segment: "veth:\(id)",
                routes: [
                    EmuRoute(destination: IPv4Prefix(router, length: 32), device: "eth0", linkScope: true),
                    EmuRoute(destination: IPv4Prefix("0.0.0.0/0")!, via: router, device: "eth0", mtu: routeMTU),
                ], plan: &plan, namespaces: &namespaces)
            namespaces[node.namespace]!.interfaces.append(
                EmuInterface(
                    name: pod.hostInterface, kind: .veth, mtu: deviceMTU, segment: "veth:\(id)", proxyARP: true,
                    podVeth: true))
            namespaces[node.namespace]!.routes.append(
                EmuRoute(destination: IPv4Prefix(pod.address, length: 32), device: pod.hostInterface, linkScope: true))
        }
    }

    /// The namespace of a node's pod `k`.
    private static func podNamespace(_ node: EmuNode, _ k: Int) -> String { "\(node.namespace)p\(k)" }

    /// Adds pod `k` of `node`: its subnet's address 2 + k, with prefix length `length`, on eth0 of a
    /// namespace of its own with `routes`, linked by a veth pair of `mtu` to the node's `hostInterface`.
    private static func addPod(
        _ k: Int, to node: inout EmuNode, subnet: IPv4Prefix, length: Int, hostInterface: String, mtu: Int,
        segment: String, routes: [EmuRoute], plan: inout EmulationPlan, namespaces: inout [String: EmuNamespace]
    ) -> EmuPod {
        let id = podNamespace(node, k)
        let pod = EmuPod(
            name: "\(node.name)/pod\(k)", namespace: id, address: subnet.address(at: UInt64(2 + k))!,
            pool: plan.pools[0].name, hostInterface: hostInterface)
        node.pods.append(pod)
        var podNS = EmuNamespace(id: id, label: pod.name, role: .pod)
        podNS.interfaces = [
            EmuInterface(name: "lo", kind: .loopback),
            EmuInterface(
                name: "eth0", kind: .veth, addresses: [IPv4Interface(pod.address, length: length)], mtu: mtu,
                segment: segment),
        ]
        podNS.routes = routes
        namespaces[id] = podNS
        plan.links.append(
            EmuLink(
                namespaceA: node.namespace, interfaceA: hostInterface, namespaceB: id, interfaceB: "eth0", mtu: mtu))
        return pod
    }
}
