import LabModel

/// Cilium behind the CNI seam.
enum CiliumDriver: CNIDriver {
    static let name = "Cilium"

    static func declarations(in spec: ClusterSpec) -> [SourceLocation] {
        spec.ciliums.map(\.location)
    }

    static func resolve(_ cluster: ResolvedCluster, nodes: [NodePlan], _ context: inout ResolveContext) -> CNIPlan? {
        guard let cilium = cluster.spec.ciliums.first else { return nil }
        return CiliumResolution.resolve(cilium, cluster: cluster, nodes: nodes, &context).map { .cilium($0) }
    }

    static var artifacts: [ArtifactEntry] { CiliumArtifacts.entries }

    static var rules: [any VerificationRule.Type] {
        [
            CiliumPodCIDRRule.self,  // LG043
            CiliumNativeRoutesRule.self,  // LG044
            CiliumMTURule.self,  // LG045
            CiliumKubeProxyRule.self,  // LG046
        ]
    }

    static func summary(_ cni: CNIPlan) -> String? {
        guard case .cilium(let plan) = cni else { return nil }
        var text = "Cilium \(plan.version) \(plan.routingMode.rawValue)"
        if let proto = plan.tunnelProtocol { text += " \(proto.rawValue)" }
        if let cidr = plan.nativeRoutingCIDR { text += " ipv4NativeRoutingCIDR \(cidr)" }
        if plan.autoDirectNodeRoutes { text += " autoDirectNodeRoutes" }
        text += " ipam \(plan.ipamMode.rawValue)"
        if let pool = plan.clusterPoolCIDR { text += " \(pool) /\(plan.clusterPoolMaskSize ?? 24)" }
        if plan.kubeProxyReplacement { text += " kubeProxyReplacement" }
        return text
    }

    /// `helm upgrade --install` of the pinned chart with cilium/values.yaml (idempotent, so `up` can run again).
    static func install(_ cni: CNIPlan, _ commands: LabCommands) -> CNIInstall? {
        guard case .cilium(let cilium) = cni else { return nil }
        let mode = cilium.routingMode == .tunnel ? cilium.tunnelProtocol?.rawValue ?? "tunnel" : "native"
        return CNIInstall(
            title: "Cilium \(cilium.version) (\(mode))", tools: ["helm"],
            steps: [
                ExternalCommand("helm", ["repo", "add", "cilium", CiliumPlan.helmRepository, "--force-update"]),
                ExternalCommand(
                    "helm",
                    [
                        "upgrade", "--install", "cilium", "cilium/cilium", "--version", cilium.version,
                        "--namespace", "kube-system", "--kube-context", commands.context, "-f",
                        ArtifactPaths.ciliumValues,
                    ]),
            ], namespace: "kube-system", daemonSet: "cilium")
    }

    static func topologyPools(_ cni: CNIPlan, _ cluster: ClusterPlan) -> CNITopology? {
        guard case .cilium(let cilium) = cni else { return nil }
        var lines: [String] = []
        switch cilium.routingMode {
        case .tunnel: lines.append("tunnel \(cilium.tunnelProtocol?.rawValue ?? "vxlan")")
        case .native:
            lines.append("native routing" + (cilium.nativeRoutingCIDR.map { " \($0)" } ?? ""))
            if cilium.autoDirectNodeRoutes { lines.append("autoDirectNodeRoutes") }
        }
        switch cilium.ipamMode {
        case .kubernetes: lines.append("IPAM kubernetes (podSubnet \(cluster.podSubnet))")
        case .clusterPool:
            lines.append(
                "IPAM cluster-pool \(cilium.clusterPoolCIDR.map { "\($0)" } ?? "")"
                    + (cilium.clusterPoolMaskSize.map { ", /\($0) per node" } ?? ""))
        }
        if cilium.kubeProxyReplacement { lines.append("kube-proxy replacement") }
        lines.append("Cilium \(cilium.version)".debugEscaped)
        return (
            "Cilium pod network of kind cluster \(cluster.name.debugEscaped)",
            [
                TopologyGraph.Element(
                    id: "p0", key: "pod network cilium", kind: .pool, title: "pod network", lines: lines)
            ]
        )
    }

    static func emulates(_ facts: LabFacts) -> Bool { !facts.cilium.isEmpty }

    static func emulate(
        _ plan: inout EmulationPlan, namespaces: inout [String: EmuNamespace], facts: LabFacts, kind: KindFacts
    ) throws(EmulationPlanError) {
        try CiliumEmulation.program(&plan, namespaces: &namespaces, facts: facts, kind: kind)
    }
}
