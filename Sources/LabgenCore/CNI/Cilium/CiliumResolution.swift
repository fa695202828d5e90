import LabModel

enum CiliumResolution {
    /// `Cilium(...)`: routing, IPAM, kube-proxy replacement and the release.
    static func resolve(
        _ spec: CiliumSpec, cluster written: ResolvedCluster, nodes: [NodePlan], _ context: inout ResolveContext
    ) -> CiliumPlan? {
        let cluster = written.spec
        let at = spec.location
        let version = spec.version ?? CiliumPlan.defaultVersion
        let versionScalars = version.unicodeScalars
        if versionScalars.isEmpty || versionScalars.count > 32 || !version.first!.isNumber
            || !versionScalars.allSatisfy({
                $0.isASCII && (("0"..."9").contains($0) || "abcdefghijklmnopqrstuvwxyz.-".unicodeScalars.contains($0))
            })
        {
            context.diagnostics.error(
                .invalidCilium,
                "Cilium release '\(version.debugEscaped)' is not a chart version such as \(CiliumPlan.defaultVersion)",
                at: at)
            return nil
        }
        var nativeCIDR: IPv4Prefix?
        if spec.routingMode == .native {
            if let text = spec.nativeRoutingCIDR {
                guard
                    let prefix = ValueParsing.prefix(
                        text, what: "ipv4NativeRoutingCIDR", at: at, into: &context.diagnostics)
                else { return nil }
                nativeCIDR = prefix
            }
        }
        var poolCIDR: IPv4Prefix?
        var mask: Int?
        if spec.ipamMode == .clusterPool {
            guard let text = spec.clusterPoolCIDR,
                let prefix = ValueParsing.prefix(text, what: "cluster-pool CIDR", at: at, into: &context.diagnostics)
            else { return nil }
            let size = spec.clusterPoolMaskSize ?? 24
            if size < prefix.length || size > 30 {
                context.diagnostics.error(
                    .invalidCilium,
                    "cluster-pool mask size /\(size) must lie between the pool's /\(prefix.length) and /30",
                    at: at)
                return nil
            }
            poolCIDR = prefix
            mask = size
        }
        if spec.routingMode == .native, nativeCIDR == nil {
            nativeCIDR = poolCIDR ?? written.podSubnet ?? Conventions.kindPodSubnet
        }
        if spec.kubeProxyReplacement, let mode = cluster.kubeProxyMode, mode != "none" {
            context.diagnostics.error(
                .invalidCilium,
                "Cilium replaces kube-proxy here, but the cluster runs kube-proxy in \(mode) mode; "
                    + "write kubeProxyMode: \"none\" (or leave it out)",
                at: at, notes: [.init("the cluster is declared here", at: cluster.location)])
            return nil
        }
        var host: String?
        var port: Int?
        if spec.kubeProxyReplacement {
            let controlPlane = nodes.first { $0.role == .controlPlane }
            host = controlPlane.map { $0.attachment?.address.address.description ?? $0.name }
            port = CiliumPlan.apiServerPort
        }
        var bgp: CiliumBGPPlan?
        if let written = spec.bgp {
            if let seconds = written.gracefulRestartSeconds, !(1...4095).contains(seconds) {
                context.diagnostics.error(
                    .invalidCilium, "Cilium BGP graceful restart time \(seconds) s is outside Cilium's 1...4095", at: at
                )
                return nil
            }
            bgp = CiliumBGPPlan(
                api: CiliumBGPAPI(version: version), announceServices: written.announceServices,
                gracefulRestartSeconds: written.gracefulRestartSeconds)
        }
        var plan = CiliumPlan(
            version: version, routingMode: spec.routingMode,
            tunnelProtocol: spec.routingMode == .tunnel ? (spec.tunnelProtocol ?? .vxlan) : nil,
            nativeRoutingCIDR: nativeCIDR,
            autoDirectNodeRoutes: spec.routingMode == .native && spec.autoDirectNodeRoutes,
            ipamMode: spec.ipamMode, clusterPoolCIDR: poolCIDR, clusterPoolMaskSize: mask,
            kubeProxyReplacement: spec.kubeProxyReplacement, k8sServiceHost: host, k8sServicePort: port, location: at)
        plan.bgp = bgp
        return plan
    }
}
