import LabModel

extension RuleID {
    public static let flannelHostGateway: DiagnosticID = "LG041"
}

enum FlannelHostGatewayRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.flannelHostGateway,
        summary: "Flannel host-gw across racks: the gateways route each node's pod subnet to that node",
        explanation: """
            host-gw installs, on every node, a route to each other node's pod subnet via that node's address. The
            kernel accepts such a route only when the next hop is on a connected subnet, so host-gw needs every
            node on one layer-2 segment. With nodes in racks behind a gateway, the routes to nodes in other racks
            are missing and pod traffic follows the default route to the gateway, which must then route each node's
            pod subnet to the node (StaticRoute(podCIDR, via: node address) on the gateway of the node's rack; other
            gateways route it towards that gateway). labgen assumes kube-controller-manager's default allocation:
            podSubnet split into /24s handed out in kind's node order (control plane first); check
            `kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR` in a running lab.
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        let racks = lab.nodeRackSubnets
        for flannel in lab.facts.flannel {
            guard flannel.backend == "host-gw", racks.count > 1, let pod = lab.podSubnet else { continue }
            let subnets = lab.nodePodSubnets(
                in: flannel.network?.value ?? pod.value, mask: FlannelPlan.nodeCIDRMaskSize)
            for (gateway, file, lacking) in lab.missingPodRoutes(subnets) {
                diagnostics.error(
                    RuleID.flannelHostGateway,
                    "host-gw needs every node on one layer-2 segment, and the nodes sit in \(racks.count) subnets: "
                        + "gateway '\(gateway)' needs routes to the node pod subnets \(LabView.routeList(lacking))",
                    at: flannel.backendType?.location ?? flannel.location,
                    notes: [.init("gateway '\(gateway)'", at: SourceLocation(file: file, line: 1, column: 1))])
            }
        }
        return diagnostics.all
    }
}
