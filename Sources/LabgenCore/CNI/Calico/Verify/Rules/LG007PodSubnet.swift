import LabModel

extension RuleID {
    public static let podSubnet: DiagnosticID = "LG007"
}

enum PodSubnetRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.podSubnet,
        summary: "Calico pool = kind podSubnet, no overlap with nodes or services, pool >= blockSize",
        explanation: """
            The Calico pool's cidr must equal kind's podSubnet (default 10.244.0.0/16): kube-controller-manager
            allocates node podCIDRs from podSubnet, and kube-proxy's cluster CIDR masquerading assumes it. The pool
            must overlap neither a node (rack) subnet, where pod routes would shadow node addresses, nor the service
            subnet (kind's default 10.96.0.0/16; kubeadm's own 10.96.0.0/12), where pod IPs would collide with
            ClusterIPs. A pool smaller than its blockSize holds no block and Calico's IPAM can hand out nothing.
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        let facts = lab.facts
        let nodeIndex = PrefixIndex(lab.nodeSubnets.map { ($0.0, $0.1) })
        let pools = facts.pools.filter { !$0.disabled }
        for pool in pools {
            guard let cidr = pool.cidr ?? (pool.fromEnvironment ? lab.podSubnet : nil) else { continue }
            if let pod = lab.podSubnet, pool.cidr != nil {
                let podNote = Diagnostic.Note(
                    facts.kind?.podSubnet != nil
                        ? "kind's podSubnet is \(pod.value)" : "kind's default podSubnet is \(pod.value)",
                    at: pod.location)
                // One pool must be the pod subnet; with more (disabled ones included),
                // each enabled pool lies in it.
                if facts.pools.count == 1, cidr.value != pod.value {
                    diagnostics.error(
                        RuleID.podSubnet,
                        "Calico pool '\(pool.name)' has cidr \(cidr.value) but kind's podSubnet is \(pod.value)",
                        at: cidr.location, notes: [podNote])
                } else if facts.pools.count > 1, !pod.value.contains(cidr.value) {
                    diagnostics.error(
                        RuleID.podSubnet,
                        "Calico pool '\(pool.name)' (\(cidr.value)) lies outside kind's podSubnet \(pod.value)",
                        at: cidr.location, notes: [podNote])
                }
            }
            if let (subnet, location) = nodeIndex.overlapping(cidr.value) {
                diagnostics.error(
                    RuleID.podSubnet, "Calico pool '\(pool.name)' (\(cidr.value)) overlaps node subnet \(subnet)",
                    at: cidr.location, notes: [Diagnostic.Note("node subnet \(subnet)", at: location)])
            }
            if let service = lab.serviceSubnet, service.value.overlaps(cidr.value) {
                diagnostics.error(
                    RuleID.podSubnet,
                    "Calico pool '\(pool.name)' (\(cidr.value)) overlaps the service subnet \(service.value)",
                    at: cidr.location, notes: [Diagnostic.Note("service subnet", at: service.location)])
            }
            if cidr.value.length > pool.effectiveBlockSize {
                diagnostics.error(
                    RuleID.podSubnet,
                    "Calico pool '\(pool.name)' (\(cidr.value)) is smaller than one /\(pool.effectiveBlockSize) block",
                    at: pool.blockSize?.location ?? cidr.location)
            }
        }
        if pools.isEmpty, let pod = lab.podSubnet, let (subnet, location) = nodeIndex.overlapping(pod.value) {
            diagnostics.error(
                RuleID.podSubnet, "kind's podSubnet \(pod.value) overlaps node subnet \(subnet)", at: pod.location,
                notes: [Diagnostic.Note("node subnet \(subnet)", at: location)])
        }
        return diagnostics.all
    }
}
