import LabFormats
import LabModel

/// calico/calico-node-patch.yaml: a strategic-merge patch for the calico-node DaemonSet that
/// pins Calico's IP autodetection to the rack subnets.
///
/// kind nodes in these labs have two interfaces: kind's own `eth0` on the docker network, and
/// `net0` on the rack bridge. Calico's default (`first-found`) picks `eth0`, so every node
/// looks like it is in one subnet and CrossSubnet never encapsulates. With
/// `IP_AUTODETECTION_METHOD=cidr=<rack subnets>` each node uses its rack address.
///
/// Apply it with `kubectl -n kube-system patch daemonset calico-node --patch-file calico/calico-node-patch.yaml`.
enum CalicoNodePatchRenderer {
    static func autodetectionMethod(_ plan: LabPlan) -> String? {
        let subnets = plan.racks.map(\.subnet.description)
        return subnets.isEmpty ? nil : "cidr=" + subnets.joined(separator: ",")
    }

    static func render(_ plan: LabPlan) -> Artifact? {
        guard let cluster = plan.cluster, !cluster.pools.isEmpty, let method = autodetectionMethod(plan) else { return nil }
        let env: YAMLValue = .sequence([
            .mapping([YAMLPair(key: "name", value: .string("IP_AUTODETECTION_METHOD")), YAMLPair(key: "value", value: .string(method))])
        ])
        let document: YAMLValue = .mapping([
            YAMLPair(
                key: "spec",
                value: .mapping([
                    YAMLPair(
                        key: "template",
                        value: .mapping([
                            YAMLPair(
                                key: "spec",
                                value: .mapping([
                                    YAMLPair(
                                        key: "containers",
                                        value: .sequence([
                                            .mapping([YAMLPair(key: "name", value: .string("calico-node")), YAMLPair(key: "env", value: env)])
                                        ]))
                                ]))
                        ]))
                ]))
        ])
        return Artifact(path: ArtifactPaths.calicoNodePatch, kind: .calicoNodePatch, contents: YAMLWriter.write(document))
    }
}
