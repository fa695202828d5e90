import LabModel

extension RuleID {
    public static let nodePeerAddress: DiagnosticID = "LG054"
}

enum NodePeerAddressRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.nodePeerAddress,
        summary: "a Calico BGPPeer or Cilium BGP peer names a router address on the selected nodes' rack, with its AS",
        explanation: """
            The nodes' BGP speaker (Calico's BIRD, Cilium's BGP control plane) peers with the rack's router (the
            leaf). A Calico `BGPPeer` (`peerIP`, `asNumber`, `node` or `nodeSelector`; projectcalico.org/v3 or
            crd.projectcalico.org/v1), a `CiliumBGPPeeringPolicy` neighbor (`peerAddress`, `peerASN`, the policy's
            `nodeSelector.matchLabels`) or a `CiliumBGPClusterConfig` peer must name an address of a router on the
            rack segment of every node it selects (eBGP is single-hop), and the AS that router runs. Otherwise the
            nodes never peer, the rack's pod routes never reach the fabric, and cross-rack pod traffic is dropped.
            A peering that selects no node is a warning. Resources are read from YAML files, multi-document
            manifests and `kubectl apply -f -` heredocs of setup scripts.
            """, severity: .error)

    static let reads: Set<LabView.Part> = [.fabric]

    static func check(_ lab: LabView) -> [Diagnostic] {
        NodePeeringCheck.check(lab.fabricView).filter { $0.id == RuleID.nodePeerAddress }
    }
}
