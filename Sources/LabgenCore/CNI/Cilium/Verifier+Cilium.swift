import LabModel

// Cilium's rules: pod CIDRs (LG043), native routing's routes (LG044), MTU with the tunnel overhead
// (LG045), kube-proxy replacement (LG046).
extension Verification {
    mutating func checkCilium() {
        for cilium in Self.mergedCilium(facts.cilium) {
            checkCiliumPodCIDR(cilium)
            checkCiliumRoutes(cilium)
            checkCiliumMTU(cilium)
            checkCiliumKubeProxy(cilium)
        }
    }

    /// An install command's `--set` values over the values files it names (`-f cilium/values.yaml`),
    /// as Helm merges them; a values file an install command names is checked once, through it.
    static func mergedCilium(_ all: [CiliumFacts]) -> [CiliumFacts] {
        var used = Set<String>()
        var result: [CiliumFacts] = []
        for script in all where !script.valuesFiles.isEmpty {
            var merged = script
            for name in script.valuesFiles {
                let wanted = LabFacts.normalize(name)
                guard
                    let file = all.first(where: {
                        $0.valuesFiles.isEmpty
                            && (LabFacts.normalize($0.file) == wanted || $0.file.hasSuffix("/" + wanted))
                    })
                else { continue }
                used.insert(file.file)
                merged.values = file.values.merging(merged.values) { _, set in set }
            }
            result.append(merged)
        }
        return result + all.filter { $0.valuesFiles.isEmpty && !used.contains($0.file) }
    }

    /// `routingMode`, or the chart's older `tunnel` value (before 1.14: `disabled` = native routing).
    func ciliumRoutingMode(_ cilium: CiliumFacts) -> Located<String>? {
        if let mode = cilium.value("routingMode") { return mode }
        guard let tunnel = cilium.value("tunnel") else { return nil }
        return Located(tunnel.value == "disabled" ? "native" : "tunnel", at: tunnel.location)
    }

    func ciliumPodCIDRs(_ cilium: CiliumFacts) -> [Located<IPv4Prefix>] {
        if cilium.value("ipam.mode")?.value == "cluster-pool" {
            guard let list = cilium.value("ipam.operator.clusterPoolIPv4PodCIDRList") else { return [] }
            return list.value.split(separator: ",").compactMap { IPv4Prefix(String($0)) }.map {
                Located($0, at: list.location)
            }
        }
        return podSubnet.map { [$0] } ?? []
    }

    mutating func checkCiliumPodCIDR(_ cilium: CiliumFacts) {
        let pools = ciliumPodCIDRs(cilium)
        if cilium.value("ipam.mode")?.value == "cluster-pool" {
            for pool in pools {
                for (subnet, location) in nodeSubnets where subnet.overlaps(pool.value) {
                    error(
                        RuleID.ciliumPodCIDR, "Cilium's cluster-pool \(pool.value) overlaps the node subnet \(subnet)",
                        at: pool.location, notes: [.init("the node subnet", at: location)])
                }
                if let service = serviceSubnet, service.value.overlaps(pool.value) {
                    error(
                        RuleID.ciliumPodCIDR,
                        "Cilium's cluster-pool \(pool.value) overlaps the service subnet \(service.value)",
                        at: pool.location, notes: [.init("the service subnet", at: service.location)])
                }
            }
        }
        let routing = ciliumRoutingMode(cilium)
        if routing?.value == "native", let native = cilium.value("ipv4NativeRoutingCIDR") {
            guard let cidr = IPv4Prefix(native.value) else {
                error(
                    RuleID.ciliumPodCIDR, "ipv4NativeRoutingCIDR '\(native.value)' is not an IPv4 CIDR",
                    at: native.location)
                return
            }
            for pool in pools where !cidr.contains(pool.value) {
                error(
                    RuleID.ciliumPodCIDR,
                    "ipv4NativeRoutingCIDR \(cidr) does not hold the pod CIDR \(pool.value): "
                        + "Cilium masquerades pod traffic to the pods outside it",
                    at: native.location, notes: [.init("the pod CIDR", at: pool.location)])
            }
        } else if routing?.value == "native", let first = routing {
            error(
                RuleID.ciliumPodCIDR, "native routing needs ipv4NativeRoutingCIDR (the CIDR the network routes)",
                at: first.location)
        }
    }

    mutating func checkCiliumRoutes(_ cilium: CiliumFacts) {
        guard let mode = ciliumRoutingMode(cilium), mode.value == "native", let pod = podSubnet else { return }
        // Cilium's BGP control plane, or BGP on the gateways, distributes the node pod CIDRs.
        if cilium.bool("bgpControlPlane.enabled") == true || gateways.values.contains(where: { $0.bgp != nil }) {
            return
        }
        let racks = nodeRackSubnets
        let auto = cilium.bool("autoDirectNodeRoutes") ?? false
        if racks.count <= 1 && auto { return }
        if cilium.value("ipam.mode")?.value == "cluster-pool" {
            if racks.count > 1 || !gateways.isEmpty {
                error(
                    RuleID.ciliumNativeRoutes,
                    "native routing with cluster-pool IPAM: the node pod CIDRs are known only when Cilium's operator "
                        + "hands them out, so no static route can carry them across racks; use BGP, or tunnel routing",
                    at: mode.location)
            }
            return
        }
        let why =
            racks.count > 1
            ? "autoDirectNodeRoutes reaches only nodes on one layer-2 segment, and the nodes sit in "
                + "\(racks.count) subnets"
            : "without autoDirectNodeRoutes the nodes send pod traffic to their gateway"
        let subnets = nodePodSubnets(in: pod.value, mask: FlannelPlan.nodeCIDRMaskSize)
        for (gateway, file, lacking) in missingPodRoutes(subnets) {
            error(
                RuleID.ciliumNativeRoutes,
                "native routing: \(why); gateway '\(gateway)' needs routes to the node pod subnets "
                    + "\(Self.routeList(lacking)) (or BGP)",
                at: mode.location,
                notes: [.init("gateway '\(gateway)'", at: SourceLocation(file: file, line: 1, column: 1))])
        }
    }

    mutating func checkCiliumMTU(_ cilium: CiliumFacts) {
        guard let text = cilium.value("MTU"), let mtu = Int(text.value), mtu > 0 else { return }
        let overhead = ciliumRoutingMode(cilium)?.value == "native" ? 0 : CiliumPlan.tunnelOverhead
        var smallest: (Int, ClabLinkFacts)?
        for server in servers {
            guard let address = server.rackAddress,
                let link = attachment["\(server.node.name.value):\(address.interface)"]?.link
            else { continue }
            let linkMTU = link.mtu?.value ?? ClabFacts.defaultMTU
            if smallest == nil || linkMTU < smallest!.0 { smallest = (linkMTU, link) }
        }
        // `MTU` is the underlying network's: Cilium gives pods a route MTU of MTU - overhead itself.
        if let (linkMTU, link) = smallest, mtu > linkMTU {
            let pods = mtu - overhead
            error(
                RuleID.ciliumMTU,
                "Cilium's MTU \(mtu) (the underlying network's; pods get \(pods) after \(overhead) bytes of "
                    + "\(overhead > 0 ? "VXLAN/Geneve" : "no encapsulation")) exceeds the node link MTU \(linkMTU): "
                    + "full-size pod packets are dropped between nodes",
                at: text.location, notes: [.init("link MTU \(linkMTU)", at: link.mtu?.location ?? link.location)])
        }
    }

    mutating func checkCiliumKubeProxy(_ cilium: CiliumFacts) {
        let replacement = cilium.bool("kubeProxyReplacement") ?? false
        let kubeProxy = facts.kind?.kubeProxyMode
        if replacement, let kind = facts.kind, kubeProxy?.value != "none" {
            error(
                RuleID.ciliumKubeProxy,
                "Cilium replaces kube-proxy, but kind still runs kube-proxy "
                    + "(\(kubeProxy?.value ?? "iptables, kind's default")): "
                    + "set networking.kubeProxyMode: none",
                at: cilium.values["kubeProxyReplacement"]?.location ?? cilium.location,
                notes: [.init("the kind config", at: kubeProxy?.location ?? kind.location)])
        }
        if !replacement, let mode = kubeProxy, mode.value == "none" {
            error(
                RuleID.ciliumKubeProxy,
                "kind runs no kube-proxy (kubeProxyMode: none) and Cilium does not replace it: Services do not work",
                at: cilium.values["kubeProxyReplacement"]?.location ?? cilium.location,
                notes: [.init("kubeProxyMode", at: mode.location)])
        }
        guard replacement else { return }
        guard let host = cilium.value("k8sServiceHost") else {
            error(
                RuleID.ciliumKubeProxy,
                "without kube-proxy Cilium reaches the API server only through k8sServiceHost and k8sServicePort",
                at: cilium.values["kubeProxyReplacement"]?.location ?? cilium.location)
            return
        }
        if let first = kindNodes.firstIndex(where: \.isFirstControlPlane) {
            let name = kindNodes[first].name
            let address = servers.first { $0.kindNode == first }?.rackAddress?.address.address
            let accepted = [name, address?.description].compactMap { $0 }
            if !accepted.contains(host.value) {
                error(
                    RuleID.ciliumKubeProxy,
                    "k8sServiceHost '\(host.value)' is not the control-plane node "
                        + "(\(accepted.joined(separator: " or ")))",
                    at: host.location)
            }
        }
        if let port = cilium.value("k8sServicePort"), port.value != String(CiliumPlan.apiServerPort) {
            error(
                RuleID.ciliumKubeProxy,
                "k8sServicePort \(port.value) is not the API server's port \(CiliumPlan.apiServerPort)",
                at: port.location)
        }
    }
}

extension LabFacts {
    /// Cilium's values as installed: each install command with the values files it names, and the
    /// values files no command names.
    public var ciliumInstalls: [CiliumFacts] { Verification.mergedCilium(cilium) }
}
