import LabModel

extension RuleID {
    public static let ciliumNativeRoutes: DiagnosticID = "LG044"
}

enum CiliumNativeRoutesRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.ciliumNativeRoutes,
        summary:
            "Cilium native routing: node pod CIDRs are routed (autoDirectNodeRoutes on one L2, else gateway "
            + "routes)",
        explanation: """
            In native routing Cilium does not encapsulate: the network must route every node's pod CIDR to that
            node.
            autoDirectNodeRoutes installs those routes on each node, but only to nodes on the same layer-2 segment.
            Across racks behind a gateway (or without autoDirectNodeRoutes), the gateways must route each node's pod
            CIDR to the node (static routes, as labgen assumes kube-controller-manager's /24 per node in kind's node
            order) or learn them by BGP. With cluster-pool IPAM the node CIDRs are unknown before the lab runs, so
            only BGP (or tunnel routing) works across racks.
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        lab.facts.ciliumInstalls.flatMap { check($0, lab) }
    }

    private static func check(_ cilium: CiliumFacts, _ lab: LabView) -> [Diagnostic] {
        guard let mode = lab.ciliumRoutingMode(cilium), mode.value == "native", let pod = lab.podSubnet else {
            return []
        }
        // Cilium's BGP control plane, or BGP on the gateways, distributes the node pod CIDRs.
        if cilium.bool("bgpControlPlane.enabled") == true || lab.gateways.values.contains(where: { $0.bgp != nil }) {
            return []
        }
        var diagnostics = DiagnosticList()
        let racks = lab.nodeRackSubnets
        let auto = cilium.bool("autoDirectNodeRoutes") ?? false
        if racks.count <= 1 && auto { return [] }
        if cilium.value("ipam.mode")?.value == "cluster-pool" {
            if racks.count > 1 || !lab.gateways.isEmpty {
                diagnostics.error(
                    RuleID.ciliumNativeRoutes,
                    "native routing with cluster-pool IPAM: the node pod CIDRs are known only when Cilium's operator "
                        + "hands them out, so no static route can carry them across racks; use BGP, or tunnel routing",
                    at: mode.location)
            }
            return diagnostics.all
        }
        let why =
            racks.count > 1
            ? "autoDirectNodeRoutes reaches only nodes on one layer-2 segment, and the nodes sit in "
                + "\(racks.count) subnets"
            : "without autoDirectNodeRoutes the nodes send pod traffic to their gateway"
        let subnets = lab.nodePodSubnets(in: pod.value, mask: FlannelPlan.nodeCIDRMaskSize)
        for (gateway, file, lacking) in lab.missingPodRoutes(subnets) {
            diagnostics.error(
                RuleID.ciliumNativeRoutes,
                "native routing: \(why); gateway '\(gateway)' needs routes to the node pod subnets "
                    + "\(LabView.routeList(lacking)) (or BGP)",
                at: mode.location,
                notes: [.init("gateway '\(gateway)'", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        return diagnostics.all
    }
}
