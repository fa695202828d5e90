import LabModel

/// The seam of a CNI: what the rest of LabgenCore asks of it. Each CNI's driver lives in its folder
/// (`CNI/<Name>/<Name>Driver.swift`) and is listed once in `CNIDrivers.all`.
///
/// The model's `CNIPlan` stays an enum (plain Codable data in LabModel): a driver answers nil for
/// the other CNIs' cases.
protocol CNIDriver: Sendable {
    /// The CNI's name as the README and messages write it.
    static var name: String { get }
    /// Where the cluster's spec declares this CNI (for the one-CNI-per-cluster check, LG150).
    static func declarations(in spec: ClusterSpec) -> [SourceLocation]
    /// The CNI's plan from the spec, when it is the one declared (nil for Calico: its pools resolve in
    /// `PoolsPass` and `CalicoInstallPass`).
    static func resolve(_ cluster: ResolvedCluster, nodes: [NodePlan], _ context: inout ResolveContext) -> CNIPlan?
    /// The rows of the artifact table this CNI writes and reads, in output order.
    static var artifacts: [ArtifactEntry] { get }
    /// The cross-artifact rules of this CNI, in ID order.
    static var rules: [any VerificationRule.Type] { get }
    /// The line of `labgen check`'s summary for this CNI's plan; nil when `cni` is another CNI's.
    static func summary(_ cni: CNIPlan) -> String?
    /// The install steps of lab.sh and `labgen up`; nil when `cni` is another CNI's or the CNI keeps
    /// its own steps (Calico).
    static func install(_ cni: CNIPlan, _ commands: LabCommands) -> CNIInstall?
    /// The topology picture's pod-network boxes and their caption; nil when `cni` is another CNI's.
    static func topologyPools(_ cni: CNIPlan, _ cluster: ClusterPlan) -> CNITopology?
    /// Whether the read artifacts show this CNI's datapath (`labgen emulate`); Calico's is the default.
    static func emulates(_ facts: LabFacts) -> Bool
    /// Programs this CNI's datapath into the emulation (its `CNI/<Name>/Emulate/`).
    static func emulate(
        _ plan: inout EmulationPlan, namespaces: inout [String: EmuNamespace], facts: LabFacts, kind: KindFacts
    ) throws(EmulationPlanError)
}

/// A CNI's part of the topology picture: its caption and its boxes (`p0`, `p1`, ...).
typealias CNITopology = (caption: String, pools: [TopologyGraph.Element])

/// Every CNI labgen knows, in the order their artifacts, rules and declarations come.
enum CNIDrivers {
    static let all: [any CNIDriver.Type] = [CalicoDriver.self, FlannelDriver.self, CiliumDriver.self]

    static var artifacts: [ArtifactEntry] { all.flatMap { $0.artifacts } }

    static var rules: [any VerificationRule.Type] { all.flatMap { $0.rules } }

    static func summary(_ cni: CNIPlan) -> String? {
        all.lazy.compactMap { $0.summary(cni) }.first
    }

    static func install(_ cni: CNIPlan, _ commands: LabCommands) -> CNIInstall? {
        all.lazy.compactMap { $0.install(cni, commands) }.first
    }

    static func topologyPools(_ cni: CNIPlan, _ cluster: ClusterPlan) -> CNITopology? {
        all.lazy.compactMap { $0.topologyPools(cni, cluster) }.first
    }

    /// The CNI whose datapath `labgen emulate` programs: the first whose artifacts were read, else Calico.
    static func emulated(_ facts: LabFacts) -> any CNIDriver.Type {
        all.first { $0.emulates(facts) } ?? CalicoDriver.self
    }
}
