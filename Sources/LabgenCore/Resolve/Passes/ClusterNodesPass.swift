import LabModel

/// Nodes written directly in the Cluster (kind-only labs), after the racks' nodes.
struct ClusterNodesPass: ResolverPass {
    let cluster: ResolvedCluster?

    func run(_ context: inout ResolveContext) -> [NodePlan] {
        guard let cluster, !cluster.spec.nodes.isEmpty else { return [] }
        let written = cluster.spec.nodes
        guard context.spec.racks.isEmpty else {
            context.diagnostics.error(
                .misplacedElement,
                "a lab with racks declares its nodes inside the racks; "
                    + "Node inside Cluster { ... } is for kind-only labs",
                at: written[0].location)
            return []
        }
        var nodes: [NodePlan] = []
        let names = Names.kindContainerNames(cluster: cluster.name, roles: written.map(\.role))
        for (node, name) in zip(written, names) {
            NodeChecks.checkHostName(name, at: node.location, &context)
            if node.address != nil || node.server != nil {
                context.diagnostics.error(
                    .misplacedElement, "a node outside a rack has no address or server; put it in a Rack to wire it up",
                    at: node.location)
            }
            let labels = NodeChecks.checkedLabels(node, &context)
            nodes.append(
                NodePlan(name: name, role: node.role, attachment: nil, labels: labels, location: node.location))
        }
        return nodes
    }
}

/// A cluster needs nodes, and at least one control-plane node among them.
struct ControlPlaneCheck: ResolverPass {
    let cluster: ResolvedCluster?
    let nodes: [NodePlan]

    func run(_ context: inout ResolveContext) {
        guard let cluster = cluster?.spec else { return }
        if !nodes.isEmpty && !nodes.contains(where: { $0.role == .controlPlane }) {
            context.diagnostics.error(
                .noControlPlane, "cluster '\(cluster.name)' has no control-plane node; kind needs at least one",
                at: cluster.location)
        }
        // With other errors, the nodes may be missing because of them.
        if nodes.isEmpty && !context.diagnostics.hasErrors {
            context.diagnostics.error(
                .noControlPlane,
                "cluster '\(cluster.name)' has no nodes; add racks with nodes, or Node(.controlPlane) in the cluster",
                at: cluster.location)
        }
    }
}

/// Checks of a kind node that racks and kind-only clusters share.
enum NodeChecks {
    /// A kind node's container name is its host name: at most 63 characters.
    static func checkHostName(_ name: String, at location: SourceLocation, _ context: inout ResolveContext) {
        if name.utf8.count > 63 {
            context.diagnostics.error(
                .invalidName,
                "kind node name '\(name)' has \(name.utf8.count) characters; "
                    + "host names have at most 63 (shorten the cluster name)",
                at: location)
        }
    }

    /// The node's labels that are valid Kubernetes labels kubelet accepts, each key once.
    /// The key's checks, once per key and lab.
    static func verdict(_ key: String, _ context: inout ResolveContext) -> LabelKeyVerdict {
        if let known = context.labelKeyVerdicts[key] { return known }
        let verdict: LabelKeyVerdict =
            if !Names.isLabelKey(key) {
                .notALabelKey
            } else if let problem = ToolGrammars.kubeletLabelProblem(key) {
                .refusedByKubelet(problem)
            } else {
                .valid
            }
        context.labelKeyVerdicts[key] = verdict
        return verdict
    }

    static func checkedLabels(_ node: NodeSpec, _ context: inout ResolveContext) -> [Label] {
        var result: [Label] = []
        var keys = Claims<String>(check: .invalidLabel)
        for label in node.labels {
            let first = keys.claim(label.key, at: node.location, into: &context.diagnostics) { _ in
                ("label key '\(label.key.debugEscaped)' is set twice on this node; a node has one value per key", nil)
            }
            if !first {
                continue
            } else if label.key == "rack" {
                context.diagnostics.error(
                    .invalidLabel, "the 'rack' label is set by labgen from the node's rack", at: node.location)
            } else if case .notALabelKey = verdict(label.key, &context) {
                context.diagnostics.error(
                    .invalidLabel, "label key '\(label.key.debugEscaped)' is not a valid Kubernetes label key",
                    at: node.location)
            } else if case .refusedByKubelet(let problem) = verdict(label.key, &context) {
                context.diagnostics.error(.kubeletRefusedLabel, problem, at: node.location)
            } else if !Names.isLabelValue(label.value) {
                context.diagnostics.error(
                    .invalidLabel,
                    "label value '\(label.value.debugEscaped)' is not a valid Kubernetes "
                        + "label value (at most 63 letters, digits, '-', '_', '.')",
                    at: node.location)
            } else {
                result.append(label)
            }
        }
        return result
    }
}
