import LabModel

extension RuleID {
    public static let bgpReverseNeighbor: DiagnosticID = "LG052"
}

enum BGPReverseNeighborRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.bgpReverseNeighbor,
        summary: "the router at a BGP neighbor address has the reverse neighbor",
        explanation: """
            A BGP session needs both ends configured: when leaf0 names spine0's address, spine0 must name one of
            leaf0's addresses (or, unnumbered, the interface facing leaf0). A session configured on one side only
            never leaves Active, and the routes over it (LG022) never exist. A neighbor address that belongs to a
            router that runs no BGP is the same fault.
            """, severity: .error)

    static let reads: Set<LabView.Part> = [.fabric]

    static func check(_ lab: LabView) -> [Diagnostic] {
        BGPSessionCheck.check(lab.fabricView).filter { $0.id == RuleID.bgpReverseNeighbor }
    }
}
