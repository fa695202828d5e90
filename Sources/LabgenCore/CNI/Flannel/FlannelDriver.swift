import LabModel

/// Flannel behind the CNI seam.
enum FlannelDriver: CNIDriver {
    static let name = "Flannel"

    static func declarations(in spec: ClusterSpec) -> [SourceLocation] {
        spec.flannels.map(\.location)
    }

    static func resolve(_ cluster: ResolvedCluster, nodes: [NodePlan], _ context: inout ResolveContext) -> CNIPlan? {
        guard let flannel = cluster.spec.flannels.first else { return nil }
        return FlannelResolution.resolve(flannel, &context).map { .flannel($0) }
    }

    static var artifacts: [ArtifactEntry] { FlannelArtifacts.entries }

    static var rules: [any VerificationRule.Type] {
        [
            FlannelNetworkRule.self,  // LG040
            FlannelHostGatewayRule.self,  // LG041
            FlannelDirectRoutingRule.self,  // LG042
        ]
    }

    static func summary(_ cni: CNIPlan) -> String? {
        guard case .flannel(let plan) = cni else { return nil }
        return "Flannel \(plan.version) \(plan.backend.rawValue)\(plan.directRouting ? " DirectRouting" : "")"
    }

    /// kube-flannel.yml of the release, then labgen's kube-flannel-cfg (replacing the manifest's), then a
    /// restart so that flanneld reads the new net-conf.
    static func install(_ cni: CNIPlan, _ commands: LabCommands) -> CNIInstall? {
        guard case .flannel(let flannel) = cni else { return nil }
        let namespace = FlannelPlan.namespace
        return CNIInstall(
            title: "Flannel \(flannel.version) (\(flannel.backend.rawValue))", tools: [],
            steps: [
                commands.kubectl(["apply", "-f", flannel.manifest]),
                commands.kubectl(["apply", "-f", ArtifactPaths.flannelConfig]),
                commands.kubectl(["-n", namespace, "rollout", "restart", "daemonset/kube-flannel-ds"]),
            ], namespace: namespace, daemonSet: "kube-flannel-ds")
    }

    static func topologyPools(_ cni: CNIPlan, _ cluster: ClusterPlan) -> CNITopology? {
        guard case .flannel(let flannel) = cni else { return nil }
        var lines = ["Network \(cluster.podSubnet) (a /24 per node)", "backend \(flannel.backend.rawValue)"]
        if flannel.directRouting { lines.append("DirectRouting (within a subnet)") }
        lines.append("Flannel \(flannel.version)".debugEscaped)
        return (
            "Flannel pod network of kind cluster \(cluster.name.debugEscaped)",
            [
                TopologyGraph.Element(
                    id: "p0", key: "pod network flannel", kind: .pool, title: "pod network", lines: lines)
            ]
        )
    }

    static func emulates(_ facts: LabFacts) -> Bool { !facts.flannel.isEmpty }

    static func emulate(
        _ plan: inout EmulationPlan, namespaces: inout [String: EmuNamespace], facts: LabFacts, kind: KindFacts
    ) throws(EmulationPlanError) {
        try FlannelEmulation.program(&plan, namespaces: &namespaces, facts: facts, kind: kind)
    }
}
