import LabModel

extension RuleID {
    public static let flannelNetwork: DiagnosticID = "LG040"
}

enum FlannelNetworkRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.flannelNetwork, summary: "kube-flannel's net-conf Network equals kind's podSubnet",
        explanation: """
            flanneld (kube-subnet-mgr) takes each node's pod subnet from the node's spec.podCIDR, which
            kube-controller-manager allocates from kubeadm's podSubnet (kind's networking.podSubnet).
            net-conf.json's
            Network must be that subnet: a node podCIDR outside Network makes flanneld exit ("subnet ... is not in
            the network"), and the node never becomes Ready. The net-conf is read from a kube-flannel-cfg ConfigMap
            (labgen's flannel/net-conf.yaml or the one inside kube-flannel.yml).
            """, severity: .error)

    /// net-conf against kind's podSubnet (`FlannelReader` reports a Network that is missing or no CIDR).
    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        for flannel in lab.facts.flannel {
            guard let network = flannel.network, let pod = lab.podSubnet, network.value != pod.value else { continue }
            diagnostics.error(
                RuleID.flannelNetwork,
                "kube-flannel's net-conf Network \(network.value) is not kind's podSubnet \(pod.value): "
                    + "flanneld refuses node pod subnets outside its Network",
                at: network.location,
                notes: [
                    .init(
                        lab.facts.kind?.podSubnet != nil ? "kind's podSubnet" : "kind's default podSubnet",
                        at: pod.location)
                ])
        }
        return diagnostics.all
    }
}
