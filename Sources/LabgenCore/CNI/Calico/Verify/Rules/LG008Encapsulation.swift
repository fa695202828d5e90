import LabModel

extension RuleID {
    public static let encapsulation: DiagnosticID = "LG008"
}

enum EncapsulationRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.encapsulation, summary: "CrossSubnet needs two node subnets; IPIP and VXLAN not both on",
        explanation: """
            `ipipMode`/`vxlanMode: CrossSubnet` encapsulates only between nodes in different subnets. With fewer than
            two node subnets nothing is ever encapsulated (a warning: the lab does not show what it claims). Enabling
            IPIP and VXLAN on one pool is rejected by Calico's validation, so the pool is never created. A pool
            with neither (BGP only) across racks behind a VyOS gateway is a warning: pod packets between racks
            reach the gateway with pod addresses, and a gateway that does not peer BGP with the nodes drops them.
            A gateway whose BGP config has a neighbor that is a node's address (the node's rack address or kubelet
            node-ip) peers with the nodes, and then there is no warning.
            """, severity: .warning)

    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        let facts = lab.facts
        let subnets = lab.nodeSubnets
        let serverSubnets = lab.nodeRackSubnets
        // Subnets the nodes are in (their servers' rack addresses): a gateway's other ports, such as
        // the transit link between gateways, hold no node. Without servers (a kind-only lab), the
        // subnets of the gateway ports stand for the racks.
        let nodeCount = serverSubnets.isEmpty ? Set(subnets.map(\.0)).count : serverSubnets.count
        for pool in facts.pools where !pool.disabled {
            let ipip = pool.ipip
            let vxlan = pool.vxlan
            if ipip != "Never" && vxlan != "Never" {
                diagnostics.error(
                    RuleID.encapsulation,
                    "Calico pool '\(pool.name)' enables both IPIP (\(ipip)) and VXLAN (\(vxlan)); Calico rejects it",
                    at: pool.vxlanMode?.location ?? pool.location,
                    notes: [Diagnostic.Note("ipipMode", at: pool.ipipMode?.location)])
            }
            // No encapsulation across racks: the packets carry pod addresses to the gateway, which has no
            // route for them unless it peers BGP with the nodes (gatewaysPeerWithNodes).
            if ipip == "Never" && vxlan == "Never" && nodeCount >= 2 && !facts.vyos.isEmpty
                && !lab.gatewaysPeerWithNodes
            {
                diagnostics.warning(
                    RuleID.encapsulation,
                    "Calico pool '\(pool.name)' encapsulates nothing but the nodes are in \(nodeCount) subnets behind "
                        + "a gateway: pod traffic between racks reaches the gateway with pod addresses it has no route "
                        + "for (peer the gateway with BGP, or use CrossSubnet)",
                    at: pool.ipipMode?.location ?? pool.vxlanMode?.location ?? pool.location)
            }
            for mode in [pool.ipipMode, pool.vxlanMode].compactMap({ $0 }) where mode.value == "CrossSubnet" {
                if nodeCount < 2 && !(subnets.isEmpty && facts.clab == nil) {
                    diagnostics.warning(
                        RuleID.encapsulation,
                        "Calico pool '\(pool.name)' uses CrossSubnet but the nodes are in \(nodeCount) "
                            + "subnet\(nodeCount == 1 ? "" : "s"): nothing is ever encapsulated",
                        at: mode.location)
                }
            }
        }
        return diagnostics.all
    }
}
