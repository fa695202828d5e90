import LabModel

/// Flannel's datapath as labgen emulates it (docs/emulate.md has the behaviour followed): each
/// node's pod subnet (kube-subnet-mgr: the node's podCIDR, a /24 of kind's podSubnet in node
/// order) on the cni0 bridge, flanneld's public IP on the default route's interface, and per
/// backend the routes flanneld programs to the other nodes' subnets:
///
/// - `vxlan`: `SUBNET via SUBNET.0 dev flannel.1 onlink` with the VTEP's neighbour and FDB entry
///   (VNI 1, UDP 8472); with `DirectRouting`, `SUBNET via NODE dev IFACE` to nodes on the same subnet.
/// - `ipip`: `SUBNET via NODE dev flannel.ipip onlink`; with `DirectRouting`, direct on one subnet.
/// - `host-gw`: `SUBNET via NODE dev IFACE`, which the kernel only accepts for a node on the same
///   subnet: to other racks flanneld has no route and the packets follow the default route.
///
/// Plus `--ip-masq` (the manifest's default): pod traffic leaving the pod network is masqueraded.
enum FlannelEmulation {
    static let backends = ["vxlan", "host-gw", "ipip"]

    static func program(
        _ plan: inout EmulationPlan, namespaces: inout [String: EmuNamespace], facts: LabFacts, kind: KindFacts
    ) throws(EmulationPlanError) {
        let flannel = facts.flannel[0]
        let podSubnet = (kind.podSubnet?.value ?? KindFacts.defaultPodSubnet).canonical
        let network = (flannel.network?.value ?? podSubnet).canonical
        let backend = flannel.backend
        guard backends.contains(backend) else {
            throw EmulationPlanError(
                "\(flannel.backendType?.location.description ?? flannel.file): Flannel backend '\(backend)' is not one "
                    + "labgen emulates (\(backends.joined(separator: ", ")))")
        }
        let direct = flannel.directRouting?.value ?? false
        let overhead = backend == "vxlan" ? 50 : backend == "ipip" ? 20 : 0
        let tunnelMode = backend == "host-gw" ? "Never" : direct ? "CrossSubnet" : "Always"
        plan.cni = "Flannel"
        plan.vxlanDevice = "flannel.1"
        plan.vxlanVNI = 1
        plan.vxlanPort = 8472
        plan.autodetection = "flanneld's default interface (the default route's)"
        plan.pools = [
            EmuPool(
                name: "flannel", cidr: network, blockSize: FlannelPlan.nodeCIDRMaskSize,
                ipipMode: backend == "ipip" ? tunnelMode : "Never",
                vxlanMode: backend == "vxlan" ? tunnelMode : "Never",
                natOutgoing: true, nodeSelector: "all()",
                modeDescription: "Backend \(backend)" + (direct ? " with DirectRouting" : ""))
        ]
        if backend == "host-gw" {
            plan.crossRackHint =
                "host-gw routes a node's pod subnet only to nodes on its own layer 2 (the kernel refuses a route via a "
                + "node of another subnet), so pod packets to another rack follow the default route to the gateway, "
                + "which needs a route to every node's pod subnet (a StaticRoute per node; LG041)"
        }
        let subnets = try NodeSubnetEmulation.subnets(
            podSubnet, mask: FlannelPlan.nodeCIDRMaskSize, count: plan.nodes.count, what: "kind's podSubnet")

        // Public IPs, subnets, cni0 and pods, the tunnel device.
        for index in plan.nodes.indices {
            var node = plan.nodes[index]
            guard let found = NodeSubnetEmulation.nodeAddress(namespaces[node.namespace]!) else {
                throw EmulationPlanError("flanneld finds no address on node \(node.name)")
            }
            node.calicoInterface = found.interface
            node.calicoAddress = found.address
            node.hostMTU = found.mtu
            node.podMTU = found.mtu - overhead
            let subnet = subnets[index]
            node.blocks = [EmuBlock(pool: "flannel", prefix: subnet)]
            NodeSubnetEmulation.bridgedPods(
                &node, subnet: subnet, bridge: "cni0", mtu: node.podMTU, plan: &plan, namespaces: &namespaces)
            let vtep = IPv4Interface(subnet.network, length: 32)
            if backend == "vxlan" {
                node.vxlanTunnelAddress = subnet.network
                node.vxlanMAC = NodeSubnetEmulation.mac(index, prefix: "66:6c:61:01")
                namespaces[node.namespace]!.interfaces.append(
                    EmuInterface(name: "flannel.1", kind: .vxlan, addresses: [vtep], mtu: found.mtu - 50))
            } else if backend == "ipip" {
                node.ipipTunnelAddress = subnet.network
                namespaces[node.namespace]!.interfaces.append(
                    EmuInterface(name: "flannel.ipip", kind: .ipip, addresses: [vtep], mtu: found.mtu - 20))
            }
            plan.nodes[index] = node
        }

        // Routes to the other nodes' subnets, as flanneld programs them.
        var noted = false
        for (index, local) in plan.nodes.enumerated() {
            guard let localAddress = local.calicoAddress, let device = local.calicoInterface else { continue }
            var peers: [EmuVXLANPeer] = []
            for (other, remote) in plan.nodes.enumerated() where other != index {
                guard let remoteAddress = remote.calicoAddress?.address else { continue }
                let subnet = subnets[other]
                let sameSubnet = localAddress.subnet.contains(remoteAddress)
                if sameSubnet && (direct || backend == "host-gw") {
                    namespaces[local.namespace]!.routes.append(
                        EmuRoute(destination: subnet, via: remoteAddress, device: device))
                } else if backend == "vxlan", let mac = remote.vxlanMAC {
                    namespaces[local.namespace]!.routes.append(
                        EmuRoute(destination: subnet, via: subnet.network, device: "flannel.1", onlink: true))
                    peers.append(EmuVXLANPeer(vtep: subnet.network, mac: mac, nodeAddress: remoteAddress))
                } else if backend == "ipip" {
                    namespaces[local.namespace]!.routes.append(
                        EmuRoute(destination: subnet, via: remoteAddress, device: "flannel.ipip", onlink: true))
                } else if !noted {
                    // host-gw across subnets: flanneld's `ip route add` fails; said once per lab.
                    noted = true
                    plan.notes.append(
                        "flanneld (host-gw) on \(local.name) cannot add \(subnet) via \(remoteAddress): not on its "
                            + "subnet \(localAddress.subnet); such pod traffic follows the default route to the "
                            + "gateway")
                }
            }
            if !peers.isEmpty { plan.vxlanPeers[local.namespace] = peers }
            namespaces[local.namespace]!.masquerades.append(
                EmuMasquerade(
                    sources: [network], exceptDestinations: [network],
                    origin: "flanneld --ip-masq (\(network))"))
        }
    }
}
