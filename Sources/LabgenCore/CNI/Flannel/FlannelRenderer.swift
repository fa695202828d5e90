import LabFormats
import LabModel

/// flannel/net-conf.yaml: kube-flannel's `kube-flannel-cfg` ConfigMap (namespace kube-flannel) with the
/// lab's net-conf.json (`Network` = the pod subnet, `Backend` = the backend and DirectRouting). It is
/// applied after Flannel's kube-flannel.yml and replaces the manifest's ConfigMap; cni-conf.json is
/// the manifest's own, kept so that `kubectl apply` does not remove it.
enum FlannelRenderer {
    static func render(_ plan: LabPlan) -> Artifact? {
        guard let cluster = plan.cluster, let flannel = cluster.flannel else { return nil }
        let header =
            "# kube-flannel's configuration for lab \(plan.name) (Flannel \(flannel.version)): apply after\n"
            + "# \(flannel.manifest), then restart the kube-flannel-ds DaemonSet.\n"
        let document = YAMLValue.mapping([
            YAMLPair(key: "apiVersion", value: .string("v1")),
            YAMLPair(key: "kind", value: .string("ConfigMap")),
            YAMLPair(
                key: "metadata",
                value: .mapping([
                    YAMLPair(key: "name", value: .string(FlannelReader.configMapName)),
                    YAMLPair(key: "namespace", value: .string(FlannelPlan.namespace)),
                    YAMLPair(
                        key: "labels",
                        value: .mapping([
                            YAMLPair(key: "app", value: .string("flannel")),
                            YAMLPair(key: "k8s-app", value: .string("flannel")),
                            YAMLPair(key: "tier", value: .string("node")),
                        ])),
                ])),
            YAMLPair(
                key: "data",
                value: .mapping([
                    YAMLPair(key: "cni-conf.json", value: .string(cniConf)),
                    YAMLPair(key: "net-conf.json", value: .string(netConf(network: cluster.podSubnet, flannel))),
                ])),
        ])
        return Artifact(
            path: ArtifactPaths.flannelConfig, kind: .flannelConfig,
            contents: header + YAMLWriter.write(documents: [document]))
    }

    /// net-conf.json, indented as kube-flannel.yml writes it.
    static func netConf(network: IPv4Prefix, _ flannel: FlannelPlan) -> String {
        var backend = ["    \"Type\": \"\(flannel.backend.rawValue)\""]
        if flannel.backend != .hostGW { backend.append("    \"DirectRouting\": \(flannel.directRouting)") }
        return """
            {
              "Network": "\(network)",
              "Backend": {
            \(backend.joined(separator: ",\n"))
              }
            }

            """
    }

    /// The CNI configuration of kube-flannel.yml (flannel and portmap chained).
    static let cniConf = """
        {
          "name": "cbr0",
          "cniVersion": "0.3.1",
          "plugins": [
            {
              "type": "flannel",
              "delegate": {
                "hairpinMode": true,
                "isDefaultGateway": true
              }
            },
            {
              "type": "portmap",
              "capabilities": {
                "portMappings": true
              }
            }
          ]
        }

        """
}
