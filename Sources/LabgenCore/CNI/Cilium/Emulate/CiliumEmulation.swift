import LabModel

/// Cilium's datapath as labgen emulates it, with the kernel doing what Cilium's eBPF programs do
/// (docs/emulate.md has the behaviour followed and what is left out):
///
/// - IPAM `kubernetes`: each node's podCIDR, a /24 of kind's podSubnet in node order; `cluster-pool`:
///   `clusterPoolIPv4MaskSize` blocks of the first `clusterPoolIPv4PodCIDRList` CIDR in node order.
/// - Pods with a /32 and a default route via the node's router address (cilium_host), the route's
///   MTU Cilium's route MTU: the base MTU (`MTU`, else the node's device) minus 50 in tunnel mode.
/// - `routingMode: tunnel`: the other nodes' pod CIDRs through `cilium_vxlan` (the kernel's VXLAN,
///   UDP 8472) or `cilium_geneve` (labgen's user-space Geneve, UDP 6081), to the node IPs.
/// - `routingMode: native`: with `autoDirectNodeRoutes`, `CIDR via NODE` to nodes on the same
///   subnet only (Cilium skips nodes it cannot reach directly); everything else follows the node's
///   default route, so across racks the gateways must route the node pod CIDRs.
/// - `enableIPv4Masquerade` (default true): pod traffic to outside `ipv4NativeRoutingCIDR` (tunnel:
///   outside the pod CIDR) is masqueraded.
enum CiliumEmulation {
    static func program(
        _ plan: inout EmulationPlan, namespaces: inout [String: EmuNamespace], facts: LabFacts, kind: KindFacts
    ) throws(EmulationPlanError) {
        let cilium = facts.ciliumInstalls[0]
        let podSubnet = (kind.podSubnet?.value ?? KindFacts.defaultPodSubnet).canonical
        let routing: String
        if let mode = cilium.value("routingMode")?.value, !mode.isEmpty {
            routing = mode
        } else if let tunnel = cilium.value("tunnel")?.value {
            routing = tunnel == "disabled" ? "native" : "tunnel"
        } else {
            routing = "tunnel"  // the chart's default
        }
        guard routing == "tunnel" || routing == "native" else {
            throw EmulationPlanError(
                "\(cilium.value("routingMode")?.location.description ?? cilium.file): Cilium routingMode '\(routing)' "
                    + "is not one labgen emulates (native, tunnel)")
        }
        var tunnel = cilium.value("tunnelProtocol")?.value ?? ""
        if let old = cilium.value("tunnel")?.value, old != "disabled", tunnel.isEmpty { tunnel = old }
        if tunnel.isEmpty { tunnel = "vxlan" }
        guard routing == "native" || tunnel == "vxlan" || tunnel == "geneve" else {
            throw EmulationPlanError(
                "\(cilium.value("tunnelProtocol")?.location.description ?? cilium.file): Cilium tunnelProtocol "
                    + "'\(tunnel)' is not one labgen emulates (vxlan, geneve)")
        }
        let ipam = cilium.value("ipam.mode")?.value ?? "cluster-pool"
        let clusterCIDR: IPv4Prefix
        let mask: Int
        switch ipam {
        case "kubernetes":
            clusterCIDR = podSubnet
            mask = FlannelPlan.nodeCIDRMaskSize
        case "cluster-pool":
            let list = cilium.value("ipam.operator.clusterPoolIPv4PodCIDRList")?.value ?? "10.0.0.0/8"
            guard let first = list.split(separator: ",").first.flatMap({ IPv4Prefix(String($0)) }) else {
                throw EmulationPlanError("Cilium's clusterPoolIPv4PodCIDRList '\(list)' has no IPv4 CIDR")
            }
            clusterCIDR = first.canonical
            mask = Int(cilium.value("ipam.operator.clusterPoolIPv4MaskSize")?.value ?? "") ?? 24
        default:
            throw EmulationPlanError("Cilium IPAM mode '\(ipam)' is not one labgen emulates (kubernetes, cluster-pool)")
        }
        let auto = cilium.bool("autoDirectNodeRoutes") ?? false
        let masquerade = cilium.bool("enableIPv4Masquerade") ?? true
        let native = cilium.value("ipv4NativeRoutingCIDR").flatMap { IPv4Prefix($0.value) }?.canonical
        let baseMTU = Int(cilium.value("MTU")?.value ?? "") ?? 0
        let encapsulation: Encapsulation = routing == "native" ? .none : tunnel == "geneve" ? .geneve : .vxlan

        plan.cni = "Cilium"
        plan.vxlanDevice = "cilium_vxlan"
        plan.vxlanVNI = plan.geneveVNI
        plan.vxlanPort = Int(cilium.value("tunnelPort")?.value ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 8472
        if encapsulation == .geneve {
            plan.genevePort = Int(cilium.value("tunnelPort")?.value ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 6081
        }
        plan.autodetection = "the kubelet node IP"
        plan.pools = [
            EmuPool(
                name: "cilium", cidr: clusterCIDR, blockSize: mask, ipipMode: "Never",
                vxlanMode: encapsulation == .vxlan ? "Always" : "Never", natOutgoing: masquerade,
                nodeSelector: "all()", geneveMode: encapsulation == .geneve ? "Always" : "Never",
                modeDescription: routing == "native"
                    ? "routingMode native, autoDirectNodeRoutes \(auto)"
                    : "routingMode tunnel, tunnelProtocol \(tunnel)")
        ]
        let bgp = cilium.bool("bgpControlPlane.enabled") == true
        if routing == "native" && bgp {
            plan.notes.append(
                "Cilium's BGP control plane (bgpControlPlane.enabled) announces the node pod CIDRs in the real lab; "
                    + "labgen emulates no BGP, so pod traffic that needs those routes fails here")
            plan.crossRackHint =
                "native routing relies on Cilium's BGP control plane to announce each node's pod CIDR to the "
                + "gateways, and labgen emulates no BGP sessions"
        } else if routing == "native" {
            plan.crossRackHint =
                "native routing sends pod packets unencapsulated; autoDirectNodeRoutes installs routes only to "
                + "nodes on the same layer 2, so pod packets to another rack follow the default route to the gateway, "
                + "which needs a route to every node's pod CIDR (LG044) or BGP"
        }
        let subnets = try NodeSubnetEmulation.subnets(
            clusterCIDR, mask: mask, count: plan.nodes.count, what: "Cilium's pod CIDR")

        for index in plan.nodes.indices {
            var node = plan.nodes[index]
            guard
                let found = NodeSubnetEmulation.nodeAddress(namespaces[node.namespace]!, preferred: node.nodeIP)
            else {
                throw EmulationPlanError("Cilium finds no node IP on node \(node.name)")
            }
            node.calicoInterface = found.interface
            node.calicoAddress = found.address
            node.hostMTU = found.mtu
            let deviceMTU = baseMTU > 0 ? baseMTU : found.mtu
            let routeMTU = deviceMTU - encapsulation.overhead
            node.podMTU = routeMTU
            let subnet = subnets[index]
            node.blocks = [EmuBlock(pool: "cilium", prefix: subnet)]
            // cilium_host holds the router address (a bridge without ports here; a veth pair in Cilium).
            let router = subnet.address(at: 1)!
            namespaces[node.namespace]!.interfaces.append(
                EmuInterface(
                    name: "cilium_host", kind: .bridge, addresses: [IPv4Interface(router, length: 32)], mtu: deviceMTU,
                    segment: "bridge:\(node.namespace)-cilium_host"))
            NodeSubnetEmulation.routedPods(
                &node, subnet: subnet, router: router, deviceMTU: deviceMTU, routeMTU: routeMTU, plan: &plan,
                namespaces: &namespaces)
            // The tunnel devices carry the route MTU here (a kernel VXLAN device on a 1500-byte link
            // takes no more than 1450); the pods' routes limit their packets to it in Cilium too.
            if encapsulation == .vxlan {
                node.vxlanTunnelAddress = router
                node.vxlanMAC = NodeSubnetEmulation.mac(index, prefix: "66:6c:63:01")
                namespaces[node.namespace]!.interfaces.append(
                    EmuInterface(name: "cilium_vxlan", kind: .vxlan, mtu: routeMTU))
            } else if encapsulation == .geneve {
                namespaces[node.namespace]!.interfaces.append(
                    EmuInterface(name: "cilium_geneve", kind: .geneve, mtu: routeMTU))
            }
            plan.nodes[index] = node
        }

        var noted = false
        for (index, local) in plan.nodes.enumerated() {
            guard let localAddress = local.calicoAddress, let device = local.calicoInterface else { continue }
            var peers: [EmuVXLANPeer] = []
            for (other, remote) in plan.nodes.enumerated() where other != index {
                guard let remoteAddress = remote.calicoAddress?.address else { continue }
                let subnet = subnets[other]
                switch encapsulation {
                case .vxlan:
                    guard let vtep = remote.vxlanTunnelAddress, let mac = remote.vxlanMAC else { continue }
                    namespaces[local.namespace]!.routes.append(
                        EmuRoute(destination: subnet, via: vtep, device: "cilium_vxlan", onlink: true))
                    peers.append(EmuVXLANPeer(vtep: vtep, mac: mac, nodeAddress: remoteAddress))
                case .geneve:
                    namespaces[local.namespace]!.routes.append(
                        EmuRoute(destination: subnet, via: remoteAddress, device: "cilium_geneve", onlink: true))
                default:
                    if auto && localAddress.subnet.contains(remoteAddress) {
                        namespaces[local.namespace]!.routes.append(
                            EmuRoute(destination: subnet, via: remoteAddress, device: device))
                    } else if auto && !noted {
                        noted = true
                        plan.notes.append(
                            "Cilium (autoDirectNodeRoutes) on \(local.name) installs no route to \(subnet) via "
                                + "\(remoteAddress): not on its subnet \(localAddress.subnet); such pod traffic "
                                + "follows the default route to the gateway")
                    }
                }
            }
            if !peers.isEmpty { plan.vxlanPeers[local.namespace] = peers }
            if masquerade {
                let keep = native ?? clusterCIDR
                namespaces[local.namespace]!.masquerades.append(
                    EmuMasquerade(
                        sources: [clusterCIDR], exceptDestinations: [keep] + (keep == clusterCIDR ? [] : [clusterCIDR]),
                        origin: "Cilium's enableIPv4Masquerade (not to \(keep))"))
            }
        }
    }
}
