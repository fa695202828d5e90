import LabFormats
import LabModel

/// kind.yaml: the kind `Cluster` (`kind.x-k8s.io/v1alpha4`).
enum KindConfigRenderer {
    static let apiVersion = Conventions.kindAPIVersion

    static func render(_ plan: LabPlan) -> Artifact? {
        render(plan, patches: KubeadmPatchRenderer.texts(for: plan))
    }

    /// `patches`: `KubeadmPatchRenderer.texts(for: plan)`, rendered once for kind.yaml and kubeadm/.
    static func render(_ plan: LabPlan, patches: [String?]) -> Artifact? {
        guard let cluster = plan.cluster else { return nil }
        var networking: [YAMLPair] = [YAMLPair(key: "disableDefaultCNI", value: .bool(cluster.disableDefaultCNI))]
        networking.append(YAMLPair(key: "podSubnet", value: .string(cluster.podSubnet.description)))
        if let service = cluster.serviceSubnet {
            networking.append(YAMLPair(key: "serviceSubnet", value: .string(service.description)))
        }
        if let mode = cluster.kubeProxyMode {
            networking.append(YAMLPair(key: "kubeProxyMode", value: .string(mode)))
        }
        let nodes: [YAMLValue] = zip(cluster.nodes, patches).map { node, patch in
            var fields = [YAMLPair(key: "role", value: .string(node.role.rawValue))]
            if let image = cluster.image {
                fields.append(YAMLPair(key: "image", value: .string(image)))
            }
            if let patch {
                fields.append(YAMLPair(key: "kubeadmConfigPatches", value: .sequence([.string(patch)])))
            }
            return .mapping(fields)
        }
        var document: [YAMLPair] = [
            YAMLPair(key: "kind", value: .string("Cluster")),
            YAMLPair(key: "apiVersion", value: .string(apiVersion)),
            YAMLPair(key: "name", value: .string(cluster.name)),
            YAMLPair(key: "networking", value: .mapping(networking)),
            YAMLPair(key: "nodes", value: .sequence(nodes)),
        ]
        if let registry = plan.registry {
            document.append(
                YAMLPair(key: "containerdConfigPatches", value: .sequence([.string(containerdPatch(registry))])))
        }
        return Artifact(
            path: ArtifactPaths.kindConfig, kind: .kindConfig, contents: YAMLWriter.write(.mapping(document)))
    }

    /// The containerd registry mirror for the lab's registry, as TOML without a final newline.
    static func containerdPatch(_ registry: RegistryPlan) -> String {
        let mirror = TOMLTable([("endpoint", .array([.string(registry.endpoint)]))])
        let root = TOMLTable([
            (
                "plugins",
                .table(
                    TOMLTable([
                        (
                            "io.containerd.grpc.v1.cri",
                            .table(
                                TOMLTable([
                                    (
                                        "registry",
                                        .table(
                                            TOMLTable([
                                                ("mirrors", .table(TOMLTable([(registry.host, .table(mirror))])))
                                            ]))
                                    )
                                ]))
                        )
                    ]))
            )
        ])
        var text = TOMLWriter.write(root)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
