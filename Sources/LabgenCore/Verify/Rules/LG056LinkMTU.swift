import LabModel

extension RuleID {
    public static let linkMTU: DiagnosticID = "LG056"
}

enum LinkMTURule: VerificationRule {
    static let rule = Rule(
        id: RuleID.linkMTU,
        summary:
            "both ends of every link run the same MTU (VyOS mtu or its default, exec 'ip link set mtu', the link's)",
        explanation: """
            containerlab gives both ends of a link the link's `mtu` (default 9500), but a node may change its end:
            VyOS with `mtu N`, and VyOS 1.3 and later also without it (it applies its default 1500 to every
            ethernet interface), a Linux node with `ip link set dev X mtu N` in exec. A veth drops frames larger than
            the receiving end's MTU without an ICMP error, so pings work and large packets vanish. Two MTUs set on
            both ends that differ are an error; one set against the other end's VyOS default, or an exec MTU
            against the link's, a warning; VyOS's default against another router that keeps the link's MTU
            (nothing written on either side) a note. VyOS's default against a bridge port or a host that keeps
            the link's MTU is a warning: the host's large frames are dropped at the router (labgen writes the
            link MTU on its 1.3+ gateways for this reason). A VyOS mtu against its link's MTU is LG016.
            """, severity: .warning)

    static let reads: Set<LabView.Part> = [.fabric]

    static func check(_ lab: LabView) -> [Diagnostic] {
        LinkMTUCheck.check(lab.fabricView)
    }
}
