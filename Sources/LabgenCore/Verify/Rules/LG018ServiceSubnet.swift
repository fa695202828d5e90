import LabModel

extension RuleID {
    public static let serviceSubnet: DiagnosticID = "LG018"
}

enum ServiceSubnetRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.serviceSubnet,
        summary: "service subnet overlaps neither node nor pod subnets; kube-proxy mode is valid",
        explanation: """
            kube-proxy captures the service subnet (kind's default 10.96.0.0/16) on every node: a node or pod subnet
            that overlaps it becomes unreachable from pods, and kubeadm refuses a service subnet that overlaps the pod
            subnet. kubeProxyMode must be iptables, ipvs, nftables or none.
            """, severity: .error)

    static let kubeProxyModes = Conventions.kubeProxyModes

    static func check(_ lab: LabView) -> [Diagnostic] {
        guard let kind = lab.facts.kind, let service = lab.serviceSubnet else { return [] }
        var diagnostics = DiagnosticList()
        let note = Diagnostic.Note(
            kind.serviceSubnet != nil
                ? "serviceSubnet is set here" : "kind's default serviceSubnet is \(service.value)",
            at: service.location)
        let nodeIndex = PrefixIndex(lab.nodeSubnets.map { ($0.0, $0.1) })
        if let (subnet, location) = nodeIndex.overlapping(service.value) {
            diagnostics.error(
                RuleID.serviceSubnet, "service subnet \(service.value) overlaps node subnet \(subnet)",
                at: kind.serviceSubnet?.location ?? location, notes: [note])
        }
        if let pod = lab.podSubnet, pod.value.overlaps(service.value), lab.facts.pools.isEmpty || kind.podSubnet != nil
        {
            diagnostics.error(
                RuleID.serviceSubnet, "service subnet \(service.value) overlaps podSubnet \(pod.value)",
                at: kind.serviceSubnet?.location ?? pod.location, notes: [note])
        }
        if let mode = kind.kubeProxyMode, !kubeProxyModes.contains(mode.value) {
            var message = "unknown kubeProxyMode '\(mode.value)'; kind knows iptables, ipvs, nftables and none"
            if let suggestion = Suggestions.closest(to: mode.value, in: kubeProxyModes, tolerance: .name) {
                message += "; did you mean '\(suggestion)'?"
            }
            diagnostics.error(RuleID.serviceSubnet, message, at: mode.location)
        }
        return diagnostics.all
    }
}
