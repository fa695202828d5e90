import LabModel

/// The cluster as written, with its checked values.
struct ResolvedCluster {
    var spec: ClusterSpec
    var name: String
    /// Written, else the smallest prefix that holds every Calico pool; nil for kind's default.
    var podSubnet: IPv4Prefix?
    var serviceSubnet: IPv4Prefix?
}

/// The kind cluster's own settings: its name, node image, pod and service subnets and kube-proxy
/// mode. Its nodes come from `RacksPass` and `NodesPass`, its CNI from `PoolsPass` and `CNIPass`.
struct ClusterPass: ResolverPass {
    /// The cluster; nil when the lab has no `Cluster`.
    func run(_ context: inout ResolveContext) -> ResolvedCluster? {
        guard let cluster = context.spec.clusters.first else { return nil }
        var output = ResolvedCluster(spec: cluster, name: cluster.name)
        if !Names.isKindClusterName(cluster.name) {
            context.diagnostics.error(
                .invalidName,
                "kind cluster name '\(cluster.name.debugEscaped)' must match kind's "
                    + "^[a-z0-9.-]+$ and start and end with a letter or digit",
                at: cluster.location)
        }
        if let image = cluster.image { context.checkImage(image, at: cluster.location) }
        if let text = cluster.podSubnet {
            output.podSubnet = ValueParsing.prefix(
                text, what: "pod subnet", at: cluster.location, into: &context.diagnostics)
        } else {
            output.podSubnet = Self.smallestPrefix(
                holding: cluster.pools.compactMap { IPv4Prefix($0.cidr) }.filter(\.isCanonical))
        }
        if let text = cluster.serviceSubnet {
            output.serviceSubnet = ValueParsing.prefix(
                text, what: "service subnet", at: cluster.location, into: &context.diagnostics)
        }
        if let mode = cluster.kubeProxyMode, !Conventions.kubeProxyModes.contains(mode) {
            context.diagnostics.error(
                .invalidName, "kube-proxy mode '\(mode.debugEscaped)' must be iptables, ipvs, nftables or none",
                at: cluster.location)
        }
        return output
    }

    /// The smallest prefix that holds every pool (disabled ones too: pods may still hold their
    /// addresses): the pool itself when there is one; nil without pools.
    static func smallestPrefix(holding cidrs: [IPv4Prefix]) -> IPv4Prefix? {
        guard let low = cidrs.map(\.network.value).min(), let high = cidrs.map(\.broadcast.value).max() else {
            return nil
        }
        var length = 32
        while length > 0 && IPv4Prefix(IPv4Address(low), length: length).broadcast.value < high { length -= 1 }
        return IPv4Prefix(IPv4Address(low), length: length).canonical
    }
}
