import LabModel

extension RuleID {
    public static let rackAnnouncement: DiagnosticID = "LG053"
}

enum RackAnnouncementRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.rackAnnouncement,
        summary: "every rack subnet behind a BGP router is put into BGP by that router",
        explanation: """
            A rack's router must announce the rack subnet: `network <rack subnet>` (1.2 under `protocols bgp <asn>`,
            1.4 under `address-family ipv4-unicast`) or `redistribute connected`. From VyOS 1.3 on, FRR announces a
            `network` only when the router has exactly that route (bgp network import-check): a covering
            `network 10.1.0.0/16` on a leaf that has only the connected /24 announces nothing. Without the
            announcement the other routers that rely on BGP (no static route to the rack) never learn the rack, and
            the other racks cannot reach it. Whether every router then learns it over the sessions is LG022.
            """, severity: .error)

    static let reads: Set<LabView.Part> = [.fabric]

    static func check(_ lab: LabView) -> [Diagnostic] {
        RackAnnouncementCheck.check(lab.fabricView)
    }
}
