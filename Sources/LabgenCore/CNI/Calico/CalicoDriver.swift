import LabModel

/// Calico behind the CNI seam. Its pools resolve in `PoolsPass` and `CalicoInstallPass`, and its
/// install keeps its own steps (the operator check, the pool check), so `resolve` and `install` are nil.
enum CalicoDriver: CNIDriver {
    static let name = "Calico"

    static func declarations(in spec: ClusterSpec) -> [SourceLocation] {
        spec.pools.first.map { [$0.location] } ?? []
    }

    static func resolve(_ cluster: ResolvedCluster, nodes: [NodePlan], _ context: inout ResolveContext) -> CNIPlan? {
        nil
    }

    static var artifacts: [ArtifactEntry] { CalicoArtifacts.entries }

    static var rules: [any VerificationRule.Type] {
        [
            CalicoInstallationRule.self,  // LG030
            PoolEnvironmentRule.self,  // LG031
        ]
    }

    static func summary(_ cni: CNIPlan) -> String? {
        // Calico's pools are compared on their own; its install is not summarised (as before).
        guard case .calico = cni else { return nil }
        return name
    }

    static func install(_ cni: CNIPlan, _ commands: LabCommands) -> CNIInstall? { nil }

    static func topologyPools(_ cni: CNIPlan, _ cluster: ClusterPlan) -> CNITopology? {
        guard case .calico(let calico) = cni, !calico.pools.isEmpty else { return nil }
        let pools = calico.pools.enumerated().map { index, pool in
            var lines = ["\(pool.cidr), blocks /\(pool.blockSize)", TopologyGraph.encapsulation(pool)]
            lines.append(pool.natOutgoing ? "natOutgoing" : "no natOutgoing")
            lines.append("nodes \(pool.nodeSelector)".debugEscaped)
            if pool.disabled { lines.append("disabled") }
            return TopologyGraph.Element(
                id: "p\(index)", key: "pool \(pool.name.debugEscaped)", kind: .pool,
                title: "pod pool \(pool.name.debugEscaped)", lines: lines)
        }
        return ("Calico pod pools of kind cluster \(cluster.name.debugEscaped)", pools)
    }

    /// Calico's datapath is the default (see `CNIDrivers.emulated`).
    static func emulates(_ facts: LabFacts) -> Bool { false }

    static func emulate(
        _ plan: inout EmulationPlan, namespaces: inout [String: EmuNamespace], facts: LabFacts, kind: KindFacts
    ) throws(EmulationPlanError) {
        try CalicoEmulation.program(&plan, namespaces: &namespaces, facts: facts, kind: kind)
    }
}
