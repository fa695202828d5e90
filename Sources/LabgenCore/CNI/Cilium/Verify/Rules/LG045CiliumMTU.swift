import LabModel

extension RuleID {
    public static let ciliumMTU: DiagnosticID = "LG045"
}

enum CiliumMTURule: VerificationRule {
    static let rule = Rule(
        id: RuleID.ciliumMTU, summary: "Cilium's MTU plus the tunnel overhead fits the node links",
        explanation: """
            VXLAN and Geneve add 50 bytes (outer IPv4 20, UDP 8, VXLAN/Geneve 8, inner Ethernet 14). An MTU set in
            Cilium's values must leave room for them on the smallest node link (containerlab's link MTU, 9500 when
            unset); otherwise full-size pod packets are dropped between nodes while small ones (ping) pass.
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        for cilium in lab.facts.ciliumInstalls {
            guard let text = cilium.value("MTU"), let mtu = Int(text.value), mtu > 0 else { continue }
            let overhead = lab.ciliumRoutingMode(cilium)?.value == "native" ? 0 : CiliumPlan.tunnelOverhead
            if let (linkMTU, link) = lab.smallestNodeLink, mtu + overhead > linkMTU {
                diagnostics.error(
                    RuleID.ciliumMTU,
                    "Cilium MTU \(mtu) plus \(overhead) bytes of \(overhead > 0 ? "VXLAN/Geneve" : "no") encapsulation "
                        + "exceeds the node link MTU \(linkMTU): larger pod packets are dropped",
                    at: text.location, notes: [.init("link MTU \(linkMTU)", at: link.mtu?.location ?? link.location)])
            }
        }
        return diagnostics.all
    }
}
