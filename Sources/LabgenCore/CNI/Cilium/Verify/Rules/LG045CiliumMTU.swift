import LabModel

extension RuleID {
    public static let ciliumMTU: DiagnosticID = "LG045"
}

enum CiliumMTURule: VerificationRule {
    static let rule = Rule(
        id: RuleID.ciliumMTU, summary: "Cilium's MTU (the underlying network's) fits the node links",
        explanation: """
            The chart's MTU value is the underlying network's MTU, not the pods': Cilium takes the tunnel's
            50 bytes (outer IPv4 20, UDP 8, VXLAN/Geneve 8, inner Ethernet 14) off it itself for the pods'
            route MTU in tunnel mode. It must not exceed the smallest node link (containerlab's link MTU, 9500
            when unset); otherwise full-size pod packets are dropped between nodes while small ones (ping) pass.
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        for cilium in lab.facts.ciliumInstalls {
            guard let text = cilium.value("MTU"), let mtu = Int(text.value), mtu > 0 else { continue }
            let overhead = lab.ciliumRoutingMode(cilium)?.value == "native" ? 0 : CiliumPlan.tunnelOverhead
            // `MTU` is the underlying network's: Cilium gives pods a route MTU of MTU - overhead itself.
            if let (linkMTU, link) = lab.smallestNodeLink, mtu > linkMTU {
                let pods = mtu - overhead
                diagnostics.error(
                    RuleID.ciliumMTU,
                    "Cilium's MTU \(mtu) (the underlying network's; pods get \(pods) after \(overhead) bytes of "
                        + "\(overhead > 0 ? "VXLAN/Geneve" : "no encapsulation")) exceeds the node link MTU \(linkMTU): "
                        + "full-size pod packets are dropped between nodes",
                    at: text.location, notes: [.init("link MTU \(linkMTU)", at: link.mtu?.location ?? link.location)])
            }
        }
        return diagnostics.all
    }
}
