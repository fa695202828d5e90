import LabModel

extension RuleID {
    public static let linkSubnet: DiagnosticID = "LG025"
}

enum LinkSubnetRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.linkSubnet, summary: "both ends of a point-to-point link use the same prefix length",
        explanation: """
            The two ends of a link between routers should be addressed in one subnet with one prefix length
            (a /31 or /30 on both ends, say). A /31 on one end and a /24 on the other works for the two
            addresses but the /24 end believes 254 more hosts are on the link: traffic to a neighbor on another
            link of the same /24 is ARPed for on the wrong link and lost. A warning: it is often a typo.
            """, severity: .warning)

    /// The prefix lengths at the two ends of a point-to-point link (not through a bridge).
    static func check(_ lab: LabView) -> [Diagnostic] {
        guard let clab = lab.facts.clab else { return [] }
        var diagnostics = DiagnosticList()
        for link in clab.links where link.endpoints.count == 2 {
            let (a, b) = (link.endpoints[0], link.endpoints[1])
            guard let nodeA = lab.clabNodes[a.node], let nodeB = lab.clabNodes[b.node], !nodeA.isBridge, !nodeB.isBridge,
                lab.attachment[a.key] == nil, lab.attachment[b.key] == nil
            else { continue }
            let addressesA = lab.endAddresses(a, nodeA)
            let addressesB = lab.endAddresses(b, nodeB)
            pairs: for x in addressesA {
                for y in addressesB
                where x.value.length != y.value.length
                    && (x.value.subnet.contains(y.value.address) || y.value.subnet.contains(x.value.address))
                {
                    diagnostics.warning(
                        RuleID.linkSubnet,
                        "\(b.key) has \(y.value) but the other end of its link, \(a.key), has \(x.value): the two ends "
                            + "disagree on the link's subnet",
                        at: y.location, notes: [Diagnostic.Note("\(a.key) has \(x.value) here", at: x.location)])
                    break pairs
                }
            }
        }
        return diagnostics.all
    }
}
