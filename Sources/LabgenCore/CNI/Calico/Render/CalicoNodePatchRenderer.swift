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
/// In manifest mode (`Calico(..., install: .manifest(...))`) it also carries the first pool as
/// `CALICO_IPV4POOL_*`, which calico-node reads when it creates the default pool, the way the
/// originals set the pool in their copy of calico.yaml. Operator labs get neither this patch nor
/// calico/ippool.yaml: calico/installation.yaml holds both.
///
/// Apply it with `kubectl -n kube-system patch daemonset calico-node --patch-file calico/calico-node-patch.yaml`.
enum CalicoNodePatchRenderer {
    static func autodetectionMethod(_ plan: LabPlan) -> String? {
        let subnets = plan.racks.map(\.subnet.description)
        return subnets.isEmpty ? nil : "cidr=" + subnets.joined(separator: ",")
    }

    static func render(_ plan: LabPlan) -> Artifact? {
        guard let cluster = plan.cluster, let pool = cluster.pools.first, cluster.calicoInstall?.mode == .manifest,
            let method = autodetectionMethod(plan)
        else { return nil }
        let variables: [(String, String)] = [
            ("IP_AUTODETECTION_METHOD", method),
            ("CALICO_IPV4POOL_CIDR", pool.cidr.description),
            ("CALICO_IPV4POOL_BLOCK_SIZE", String(pool.blockSize)),
            ("CALICO_IPV4POOL_IPIP", pool.ipipMode.rawValue),
            ("CALICO_IPV4POOL_VXLAN", pool.vxlanMode.rawValue),
            ("CALICO_IPV4POOL_NAT_OUTGOING", pool.natOutgoing ? "true" : "false"),
            ("CALICO_IPV4POOL_NODE_SELECTOR", pool.nodeSelector),
        ]
        let env: YAMLValue = .sequence(
            variables.map { name, value in
                .mapping([YAMLPair(key: "name", value: .string(name)), YAMLPair(key: "value", value: .string(value))])
            })
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
                                            .mapping([
                                                YAMLPair(key: "name", value: .string("calico-node")),
                                                YAMLPair(key: "env", value: env),
                                            ])
                                        ]))
                                ]))
                        ]))
                ]))
        ])
        return Artifact(
            path: ArtifactPaths.calicoNodePatch, kind: .calicoNodePatch, contents: YAMLWriter.write(document))
    }
}
