import LabModel

/// One CNI per cluster: Calico (its pools, see `PoolsPass` and `CalicoInstallPass`), `Flannel(...)`
/// or `Cilium(...)`. The output is the CNI when it is not Calico.
struct CNIPass: ResolverPass {
    let cluster: ResolvedCluster?
    /// Every kind node (Cilium's kube-proxy replacement talks to the first control-plane node).
    let nodes: [NodePlan]

    func run(_ context: inout ResolveContext) -> CNIPlan? {
        guard let cluster else { return nil }
        let written = CNIDrivers.all.flatMap { driver in
            driver.declarations(in: cluster.spec).map { (name: driver.name, location: $0) }
        }
        context.reportAllButFirst(written.map(\.location), as: .conflictingCNI) { index in
            (
                "a cluster has one CNI; \(written[index].name) here conflicts with \(written[0].name)",
                "\(written[0].name) is declared here"
            )
        }
        guard written.count == 1, let driver = CNIDrivers.all.first(where: { $0.name == written[0].name }) else {
            return nil
        }
        return driver.resolve(cluster, nodes: nodes, &context)
    }

    /// kind's kube-proxy mode: as written, else `none` when Cilium replaces kube-proxy.
    static func effectiveKubeProxyMode(_ cluster: ClusterSpec, otherCNI: CNIPlan?) -> String? {
        if let mode = cluster.kubeProxyMode { return mode }
        if case .cilium(let plan) = otherCNI, plan.kubeProxyReplacement { return "none" }
        return nil
    }
}
