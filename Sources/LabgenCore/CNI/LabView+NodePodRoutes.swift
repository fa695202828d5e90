import LabModel

/// A kind node on a rack, with the pod subnet kube-controller-manager allocates to it.
struct NodePodSubnet {
    var node: String
    var address: IPv4Address
    var bridge: String?
    var podCIDR: IPv4Prefix
}

// Shared by the CNIs that route pod subnets without encapsulation (Flannel host-gw, Cilium native).
extension LabView {
    /// Each rack-attached kind node's pod subnet, ASSUMING kube-controller-manager's range allocator
    /// hands out `podSubnet` split into /`mask` subnets in kind's node order (the order nodes register:
    /// kind creates the control plane first, then joins the workers in config order). A cluster whose
    /// nodes registered in another order has other pod subnets (`kubectl get nodes -o
    /// custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR` shows them).
    func nodePodSubnets(in podSubnet: IPv4Prefix, mask: Int) -> [NodePodSubnet] {
        guard mask >= podSubnet.length, mask <= 32 else { return [] }
        var result: [NodePodSubnet] = []
        for (index, node) in kindNodes.enumerated() {
            let step = UInt64(1) << (32 - mask)
            let offset = UInt64(index) * step
            guard offset < podSubnet.size else { break }
            guard let server = servers.first(where: { $0.kindNode == index }), let address = server.rackAddress else {
                continue
            }
            let network = IPv4Address(UInt32(truncatingIfNeeded: UInt64(podSubnet.network.value) + offset))
            result.append(
                NodePodSubnet(
                    node: node.name, address: address.address.address, bridge: server.bridge,
                    podCIDR: IPv4Prefix(network, length: mask)))
        }
        return result
    }

    /// For each gateway, the node pod subnets it has no route for: a route covering the pod subnet
    /// whose next hop is the node itself when the gateway sits on the node's bridge (any next hop
    /// otherwise: the route leads towards the gateway that does).
    func missingPodRoutes(_ subnets: [NodePodSubnet]) -> [(gateway: String, file: String, subnets: [NodePodSubnet])] {
        var missing: [(String, String, [NodePodSubnet])] = []
        for (name, vyos) in gateways.sorted(by: { $0.key < $1.key }) {
            var lacking: [NodePodSubnet] = []
            for subnet in subnets {
                let route = vyos.staticRoutes.filter { $0.destination.value.contains(subnet.podCIDR) }
                    .max { $0.destination.value.length < $1.destination.value.length }
                let onBridge =
                    subnet.bridge.map { bridge in
                        gatewayPorts[bridge]?.contains { $0.gateway == name } ?? false
                    } ?? false
                if let route, !onBridge || route.nextHops.contains(where: { $0.value == subnet.address }) { continue }
                lacking.append(subnet)
            }
            if !lacking.isEmpty { missing.append((name, vyos.file, lacking)) }
        }
        return missing
    }

    /// `10.244.2.0/24 via 10.1.8.10 (worker2), ...`
    static func routeList(_ subnets: [NodePodSubnet]) -> String {
        subnets.map { "\($0.podCIDR) via \($0.address) (\($0.node))" }.joined(separator: ", ")
    }
}
