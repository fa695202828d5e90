import LabModel

extension RuleID {
    public static let flannelDirectRouting: DiagnosticID = "LG042"
}

enum FlannelDirectRoutingRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.flannelDirectRouting, summary: "Flannel DirectRouting applies only within a subnet",
        explanation: """
            With the vxlan or ipip backend, DirectRouting: true makes flanneld route to nodes on the same subnet
            directly (as host-gw) and encapsulate only to nodes on other subnets. In a lab whose racks are separate
            subnets, cross-rack traffic stays encapsulated: this note says so, so that a capture between racks is
            not a surprise. With host-gw, DirectRouting has no effect (a warning).
            """, severity: .note)

    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        let racks = lab.nodeRackSubnets
        for flannel in lab.facts.flannel {
            guard let direct = flannel.directRouting, direct.value else { continue }
            let type = flannel.backend
            if type == "host-gw" {
                diagnostics.warning(
                    RuleID.flannelDirectRouting,
                    "DirectRouting has no effect with the host-gw backend (it routes directly already)",
                    at: direct.location)
            } else if racks.count > 1 {
                diagnostics.append(
                    Diagnostic(
                        RuleID.flannelDirectRouting, .note,
                        "DirectRouting applies only between nodes of one subnet: nodes in different racks "
                            + "(\(racks.map(\.description).sorted().joined(separator: ", "))) still use \(type)",
                        at: direct.location))
            }
        }
        return diagnostics.all
    }
}
