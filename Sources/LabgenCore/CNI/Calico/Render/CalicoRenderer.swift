import LabFormats
import LabModel

/// calico/ippool.yaml: one `projectcalico.org/v3` `IPPool` document per pod pool, for labs that
/// install Calico with its manifest (operator labs have the pools in calico/installation.yaml).
/// calico-node creates the first pool from its environment (see `CalicoNodePatchRenderer`); further
/// pools need `calicoctl apply -f calico/ippool.yaml`.
enum CalicoRenderer {
    static func render(_ plan: LabPlan) -> Artifact? {
        guard let cluster = plan.cluster, !cluster.pools.isEmpty, cluster.calicoInstall?.mode == .manifest else {
            return nil
        }
        let documents: [YAMLValue] = cluster.pools.map { pool in
            var spec: [YAMLPair] = [
                YAMLPair(key: "cidr", value: .string(pool.cidr.description)),
                YAMLPair(key: "blockSize", value: .int(pool.blockSize)),
                YAMLPair(key: "ipipMode", value: .string(pool.ipipMode.rawValue)),
                YAMLPair(key: "vxlanMode", value: .string(pool.vxlanMode.rawValue)),
                YAMLPair(key: "natOutgoing", value: .bool(pool.natOutgoing)),
                YAMLPair(key: "nodeSelector", value: .string(pool.nodeSelector)),
            ]
            if pool.disabled { spec.append(YAMLPair(key: "disabled", value: .bool(true))) }
            return .mapping([
                YAMLPair(key: "apiVersion", value: .string("projectcalico.org/v3")),
                YAMLPair(key: "kind", value: .string("IPPool")),
                YAMLPair(key: "metadata", value: .mapping([YAMLPair(key: "name", value: .string(pool.name))])),
                YAMLPair(key: "spec", value: .mapping(spec)),
            ])
        }
        return Artifact(
            path: ArtifactPaths.calicoPools, kind: .calicoPools, contents: YAMLWriter.write(documents: documents))
    }
}
