import LabModel

extension RuleID {
    public static let bgpRemoteAS: DiagnosticID = "LG051"
}

enum BGPRemoteASRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.bgpRemoteAS,
        summary: "a BGP neighbor's remote-as is the AS the router at that address runs (its own, or its peer group's)",
        explanation: """
            `remote-as` (on the neighbor, its `interface { }` block or its `peer-group`) must equal the AS of the
            router that has the neighbor address (`protocols bgp <asn>` in 1.2, `system-as` in 1.4 and later), or be
            `external`/`internal` as that AS is another or the same. FRR compares it with the AS in the peer's
            OPEN message and refuses the session with "bad peer AS": the two routers never exchange routes. A
            neighbor without any remote-as is refused by VyOS's commit.
            """, severity: .error)

    static let reads: Set<LabView.Part> = [.fabric]

    static func check(_ lab: LabView) -> [Diagnostic] {
        BGPSessionCheck.check(lab.fabricView).filter { $0.id == RuleID.bgpRemoteAS }
    }
}
