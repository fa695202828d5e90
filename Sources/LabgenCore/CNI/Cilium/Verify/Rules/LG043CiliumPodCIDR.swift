import LabModel

extension RuleID {
    public static let ciliumPodCIDR: DiagnosticID = "LG043"
}

enum CiliumPodCIDRRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.ciliumPodCIDR,
        summary: "Cilium's pod CIDRs agree with kind's podSubnet, the nodes and ipv4NativeRoutingCIDR",
        explanation: """
            With ipam.mode kubernetes, Cilium uses the node podCIDRs kube-controller-manager allocates from kind's
            podSubnet. With cluster-pool, Cilium's operator allocates from ipam.operator.clusterPoolIPv4PodCIDRList,
            which must not overlap the node (rack) subnets or the service subnet: pods would shadow nodes or
            Services. In native routing, ipv4NativeRoutingCIDR must hold the pod CIDRs, or Cilium masquerades
            pod-to-pod traffic to the pods outside it (and it must be set at all). Values are read from a Helm
            values file or from --set flags of `cilium install` / `helm install ... cilium/cilium` in a script.
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        lab.facts.ciliumInstalls.flatMap { check($0, lab) }
    }

    private static func check(_ cilium: CiliumFacts, _ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        let pools = lab.ciliumPodCIDRs(cilium)
        if cilium.value("ipam.mode")?.value == "cluster-pool" {
            for pool in pools {
                for (subnet, location) in lab.nodeSubnets where subnet.overlaps(pool.value) {
                    diagnostics.error(
                        RuleID.ciliumPodCIDR, "Cilium's cluster-pool \(pool.value) overlaps the node subnet \(subnet)",
                        at: pool.location, notes: [.init("the node subnet", at: location)])
                }
                if let service = lab.serviceSubnet, service.value.overlaps(pool.value) {
                    diagnostics.error(
                        RuleID.ciliumPodCIDR,
                        "Cilium's cluster-pool \(pool.value) overlaps the service subnet \(service.value)",
                        at: pool.location, notes: [.init("the service subnet", at: service.location)])
                }
            }
        }
        let routing = lab.ciliumRoutingMode(cilium)
        if routing?.value == "native", let native = cilium.value("ipv4NativeRoutingCIDR") {
            guard let cidr = IPv4Prefix(native.value) else {
                diagnostics.error(
                    RuleID.ciliumPodCIDR, "ipv4NativeRoutingCIDR '\(native.value)' is not an IPv4 CIDR",
                    at: native.location)
                return diagnostics.all
            }
            for pool in pools where !cidr.contains(pool.value) {
                diagnostics.error(
                    RuleID.ciliumPodCIDR,
                    "ipv4NativeRoutingCIDR \(cidr) does not hold the pod CIDR \(pool.value): "
                        + "Cilium masquerades pod traffic to the pods outside it",
                    at: native.location, notes: [.init("the pod CIDR", at: pool.location)])
            }
        } else if routing?.value == "native", let first = routing {
            diagnostics.error(
                RuleID.ciliumPodCIDR, "native routing needs ipv4NativeRoutingCIDR (the CIDR the network routes)",
                at: first.location)
        }
        return diagnostics.all
    }
}
