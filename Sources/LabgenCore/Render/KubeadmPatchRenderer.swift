import LabFormats
import LabModel

/// The kubeadm patch of one kind node: `InitConfiguration` for the first control-plane node,
/// `JoinConfiguration` for every other, with the kubelet's `node-ip` and `node-labels`.
///
/// The same document is embedded in kind.yaml (`kubeadmConfigPatches`) and written on its own
/// as `kubeadm/<node>.yaml`. Like the originals it has no `apiVersion`, so kind applies it
/// whatever kubeadm API version the node image uses.
enum KubeadmPatchRenderer {
    static func kind(for node: NodePlan, in plan: LabPlan) -> String {
        let firstControlPlane = plan.nodes.first { $0.role == .controlPlane }
        return node.name == firstControlPlane?.name ? "InitConfiguration" : "JoinConfiguration"
    }

    /// The patch, or nil when the node has nothing to patch (kind-only labs without labels).
    static func patch(for node: NodePlan, in plan: LabPlan) -> YAMLValue? {
        var args: [YAMLPair] = []
        if let attachment = node.attachment {
            args.append(YAMLPair(key: "node-ip", value: .string(attachment.address.address.description)))
        }
        if !node.labels.isEmpty {
            let labels = node.labels.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            args.append(YAMLPair(key: "node-labels", value: .string(labels)))
        }
        guard !args.isEmpty else { return nil }
        return .mapping([
            YAMLPair(key: "kind", value: .string(kind(for: node, in: plan))),
            YAMLPair(
                key: "nodeRegistration",
                value: .mapping([YAMLPair(key: "kubeletExtraArgs", value: .mapping(args))])),
        ])
    }

    static func artifacts(for plan: LabPlan) -> [Artifact] {
        plan.nodes.compactMap { node in
            patch(for: node, in: plan).map {
                Artifact(path: ArtifactPaths.kubeadmPatch(node: node.name), kind: .kubeadmPatch, contents: YAMLWriter.write($0))
            }
        }
    }
}
