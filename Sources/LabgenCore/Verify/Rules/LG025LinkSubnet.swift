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
        var diagnostics = DiagnosticList()
        for link in lab.pointToPointLinks {
            let (a, b) = (link.a, link.b)
            let addressesA = lab.endAddresses(a, link.nodeA)
            let addressesB = lab.endAddresses(b, link.nodeB)
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
