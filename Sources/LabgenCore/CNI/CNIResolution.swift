import LabModel

/// One CNI per cluster: Calico (its pools, see `PoolsPass` and `CalicoInstallPass`), `Flannel(...)`
/// or `Cilium(...)`. The output is the CNI when it is not Calico.
struct CNIPass: ResolverPass {
    let cluster: ResolvedCluster?
    /// Every kind node (Cilium's kube-proxy replacement talks to the first control-plane node).
    let nodes: [NodePlan]

    func run(_ context: inout ResolveContext) -> CNIPlan? {
        guard let cluster else { return nil }
        var written: [(name: String, location: SourceLocation)] = []
        if let pool = cluster.spec.pools.first { written.append(("Calico", pool.location)) }
        written += cluster.spec.flannels.map { ("Flannel", $0.location) }
        written += cluster.spec.ciliums.map { ("Cilium", $0.location) }
        context.reportAllButFirst(written.map(\.location), as: .conflictingCNI) { index in
            (
                "a cluster has one CNI; \(written[index].name) here conflicts with \(written[0].name)",
                "\(written[0].name) is declared here"
            )
        }
        guard written.count == 1 else { return nil }
        if let flannel = cluster.spec.flannels.first {
            return FlannelResolution.resolve(flannel, &context).map { .flannel($0) }
        }
        if let cilium = cluster.spec.ciliums.first {
            return CiliumResolution.resolve(cilium, cluster: cluster, nodes: nodes, &context).map { .cilium($0) }
        }
        return nil
    }

    /// kind's kube-proxy mode: as written, else `none` when Cilium replaces kube-proxy.
    static func effectiveKubeProxyMode(_ cluster: ClusterSpec, otherCNI: CNIPlan?) -> String? {
        if let mode = cluster.kubeProxyMode { return mode }
        if case .cilium(let plan) = otherCNI, plan.kubeProxyReplacement { return "none" }
        return nil
    }
}
