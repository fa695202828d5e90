import LabModel

extension ResolveState {
    /// One CNI per cluster: Calico (pools), `Flannel(...)` or `Cilium(...)`.
    mutating func resolveOtherCNI() {
        guard let cluster else { return }
        var written: [(name: String, location: SourceLocation)] = []
        if let pool = cluster.pools.first { written.append(("Calico", pool.location)) }
        written += cluster.flannels.map { ("Flannel", $0.location) }
        written += cluster.ciliums.map { ("Cilium", $0.location) }
        for extra in written.dropFirst() {
            diagnostics.error(
                .conflictingCNI,
                "a cluster has one CNI; \(extra.name) here conflicts with \(written[0].name)",
                at: extra.location, notes: [.init("\(written[0].name) is declared here", at: written[0].location)])
        }
        guard written.count == 1 else { return }
        if let flannel = cluster.flannels.first {
            otherCNI = resolveFlannel(flannel).map { .flannel($0) }
        } else if let cilium = cluster.ciliums.first {
            otherCNI = resolveCilium(cilium, cluster: cluster).map { .cilium($0) }
        }
    }

    /// kind's kube-proxy mode: as written, else `none` when Cilium replaces kube-proxy.
    var effectiveKubeProxyMode: String? {
        if let mode = cluster?.kubeProxyMode { return mode }
        if case .cilium(let plan) = otherCNI, plan.kubeProxyReplacement { return "none" }
        return nil
    }
}
