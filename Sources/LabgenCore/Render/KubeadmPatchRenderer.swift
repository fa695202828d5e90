import LabFormats
import LabModel

/// The kubeadm patch of one kind node: `InitConfiguration` for the first control-plane node,
/// `JoinConfiguration` for every other, with the kubelet's `node-ip` and `node-labels`.
///
/// The same document is embedded in kind.yaml (`kubeadmConfigPatches`) and written on its own:
/// as a document of the multi-document `kubeadm.yaml` (named by `nodeRegistration.name`), or, with
/// `Cluster(..., kubeadmPatches: .perNode)`, as `kubeadm/<node>.yaml`. Like the originals it has no `apiVersion`, so kind applies it
/// whatever kubeadm API version the node image uses.
enum KubeadmPatchRenderer {
    /// The node that runs `kubeadm init`: the first control-plane node. Computed once per
    /// render, not once per node (that was a scan of every node for every node).
    static func initNode(in plan: LabPlan) -> String? {
        plan.nodes.first { $0.role == .controlPlane }?.name
    }

    static func kind(for node: NodePlan, initNode: String?) -> String {
        node.name == initNode ? "InitConfiguration" : "JoinConfiguration"
    }

    static func kind(for node: NodePlan, in plan: LabPlan) -> String {
        kind(for: node, initNode: initNode(in: plan))
    }

    /// The patch, or nil when the node has nothing to patch (kind-only labs without labels).
    static func patch(for node: NodePlan, initNode: String?) -> YAMLValue? {
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
            YAMLPair(key: "kind", value: .string(kind(for: node, initNode: initNode))),
            YAMLPair(
                key: "nodeRegistration",
                value: .mapping([YAMLPair(key: "kubeletExtraArgs", value: .mapping(args))])),
        ])
    }

    static func patch(for node: NodePlan, in plan: LabPlan) -> YAMLValue? {
        patch(for: node, initNode: initNode(in: plan))
    }

    /// Every node's patch as YAML text (nil when it has none), in node order, written once:
    /// kind.yaml embeds these texts, and `kubeadm/<node>.yaml` (per-node layout) are the same texts.
    static func texts(for plan: LabPlan) -> [String?] {
        let initNode = initNode(in: plan)
        return plan.nodes.map { node in patch(for: node, initNode: initNode).map { YAMLWriter.write($0) } }
    }

    /// The standalone patches: one multi-document `kubeadm.yaml` (the default), or a file per node.
    static func artifacts(for plan: LabPlan, texts: [String?]) -> [Artifact] {
        switch plan.cluster?.kubeadmPatchLayout ?? .oneFile {
        case .perNode:
            return zip(plan.nodes, texts).compactMap { node, text in
                text.map {
                    Artifact(path: ArtifactPaths.kubeadmPatch(node: node.name), kind: .kubeadmPatch, contents: $0)
                }
            }
        case .oneFile:
            guard let file = oneFile(for: plan, texts: texts) else { return [] }
            return [Artifact(path: ArtifactPaths.kubeadmPatches, kind: .kubeadmPatch, contents: file)]
        }
    }

    static func artifacts(for plan: LabPlan) -> [Artifact] {
        artifacts(for: plan, texts: texts(for: plan))
    }

    /// `kubeadm.yaml`: each node's patch as one document, `---` between them, named by
    /// `nodeRegistration.name` (kubeadm's own field for the node's name, which kind gives the node
    /// container's name). nil when no node has a patch.
    ///
    /// The document is the node's patch text with the name inserted as the first key of
    /// `nodeRegistration` (the patch's first two lines are always `kind: ...` and `nodeRegistration:`);
    /// the name is written through the YAML writer's scalar rules, so it cannot inject YAML.
    static func oneFile(for plan: LabPlan, texts: [String?]) -> String? {
        var out = ""
        var first = true
        for (node, text) in zip(plan.nodes, texts) {
            guard let text else { continue }
            if !first { out += "---\n" }
            first = false
            let marker = "nodeRegistration:\n"
            guard let newline = text.utf8.firstIndex(of: UInt8(ascii: "\n")) else { continue }
            let rest = text[text.utf8.index(after: newline)...]
            precondition(rest.hasPrefix(marker), "a kubeadm patch is 'kind' then 'nodeRegistration'")
            let split = rest.utf8.index(rest.startIndex, offsetBy: marker.utf8.count)
            out += text[..<split]
            out += "  name: " + YAMLWriter.scalar(node.name) + "\n"
            out += text[split...]
        }
        return first ? nil : out
    }
}
