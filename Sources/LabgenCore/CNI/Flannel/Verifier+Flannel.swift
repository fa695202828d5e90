import LabModel

// Flannel's rules: net-conf against kind's podSubnet (LG040), host-gw across racks (LG041),
// DirectRouting between subnets (LG042).
extension Verification {
    mutating func checkFlannel() {
        for flannel in facts.flannel {
            if let network = flannel.network, let pod = podSubnet, network.value != pod.value {
                error(
                    RuleID.flannelNetwork,
                    "kube-flannel's net-conf Network \(network.value) is not kind's podSubnet \(pod.value): "
                        + "flanneld refuses node pod subnets outside its Network",
                    at: network.location,
                    notes: [
                        .init(
                            facts.kind?.podSubnet != nil ? "kind's podSubnet" : "kind's default podSubnet",
                            at: pod.location)
                    ])
            }
            let racks = nodeRackSubnets
            let type = flannel.backend
            if let direct = flannel.directRouting, direct.value, type == "host-gw" {
                warning(
                    RuleID.flannelDirectRouting,
                    "DirectRouting has no effect with the host-gw backend (it routes directly already)",
                    at: direct.location)
            } else if let direct = flannel.directRouting, direct.value, racks.count > 1 {
                diagnostics.append(
                    Diagnostic(
                        RuleID.flannelDirectRouting, .note,
                        "DirectRouting applies only between nodes of one subnet: nodes in different racks "
                            + "(\(racks.map(\.description).sorted().joined(separator: ", "))) still use \(type)",
                        at: direct.location))
            }
            if type == "host-gw", racks.count > 1, let pod = podSubnet {
                let subnets = nodePodSubnets(
                    in: flannel.network?.value ?? pod.value, mask: FlannelPlan.nodeCIDRMaskSize)
                for (gateway, file, lacking) in missingPodRoutes(subnets) {
                    error(
                        RuleID.flannelHostGateway,
                        "host-gw needs every node on one layer-2 segment, and the nodes sit in \(racks.count) subnets: "
                            + "gateway '\(gateway)' needs routes to the node pod subnets \(Self.routeList(lacking))",
                        at: flannel.backendType?.location ?? flannel.location,
                        notes: [.init("gateway '\(gateway)'", at: SourceLocation(file: file, line: 1, column: 1))])
                }
            }
        }
    }
}
