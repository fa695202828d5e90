import LabModel

extension RuleID {
    public static let routerNodeNeighbors: DiagnosticID = "LG055"
}

enum RouterNodeNeighborsRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.routerNodeNeighbors,
        summary:
            "the leaf has every node that peers with it as a neighbor, with the node's AS; and no node neighbor "
            + "is unanswered",
        explanation: """
            For each node a Calico BGPPeer or Cilium BGP policy makes peer with a router, the router must have the
            node's address (rack address or kubelet node-ip) as a BGP neighbor whose remote-as is the node's AS:
            Cilium's `localASN`; for Calico the BGPPeer's `localASNumber`, else the node's own AS (a Calico `Node`'s
            `spec.bgp.asNumber` or the annotation `projectcalico.org/ASNumber`), else `BGPConfiguration` `asNumber`,
            else Calico's default 64512. A router neighbor that is a kind node which no peering makes peer back
            is the same fault from the other side. Either way the session never establishes.
            """, severity: .error)

    static let reads: Set<LabView.Part> = [.fabric]

    static func check(_ lab: LabView) -> [Diagnostic] {
        NodePeeringCheck.check(lab.fabricView).filter { $0.id == RuleID.routerNodeNeighbors }
    }
}
