import LabModel

extension RuleID {
    public static let bgpNeighborLink: DiagnosticID = "LG050"
}

enum BGPNeighborLinkRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.bgpNeighborLink,
        summary: "a BGP neighbor address is on a link or segment the router shares with the router that has it",
        explanation: """
            A VyOS BGP neighbor (1.2 `protocols bgp <asn> neighbor X`, 1.4 `protocols bgp neighbor X` with
            `system-as`) names the address of the router at the other end. For eBGP, FRR opens single-hop sessions
            (TTL 1) unless `ebgp-multihop` is set: the address must be in a subnet of one of the router's
            interfaces, and that interface must be linked (directly or through one bridge) to the interface of the
            router that has the address. An address on another link, or that nobody on the link has, leaves the
            session in Active/Connect forever and the fabric without routes. An unnumbered neighbor
            (`neighbor eth1 { interface { ... } }`) must be an interface the router has.
            """, severity: .error)

    static let reads: Set<LabView.Part> = [.fabric]

    static func check(_ lab: LabView) -> [Diagnostic] {
        BGPSessionCheck.check(lab.fabricView).filter { $0.id == RuleID.bgpNeighborLink }
    }
}
