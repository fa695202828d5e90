import LabModel

extension RuleID {
    public static let patchKind: DiagnosticID = "LG019"
}

enum PatchKindRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.patchKind, summary: "kubeadm patch kinds reach their node",
        explanation: """
            kind applies an InitConfiguration patch only to the first control-plane node and JoinConfiguration
            patches only to the others. A patch of the other kind is silently ignored: the node keeps kind's default
            node-ip (its docker address) and no labels.
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        // Patches embedded in the kind config, per node.
        for node in lab.kindNodes {
            let wanted = node.patchKind
            for patch in node.facts.patches where patch.kind.value != wanted {
                let which = node.isFirstControlPlane ? "the first control-plane node" : "this node"
                diagnostics.error(
                    RuleID.patchKind,
                    "\(patch.kind.value) patch of kind node '\(node.name)' is ignored: kind applies "
                        + "\(wanted) to \(which)",
                    at: patch.kind.location)
            }
        }
        // Standalone patches (kubeadm.yaml, kubeadm/<node>.yaml).
        for (file, patch, target) in lab.standalonePatchTargets {
            guard case .node(let index) = target else { continue }
            let node = lab.kindNodes[index]
            if patch.kind.value != node.patchKind {
                diagnostics.error(
                    RuleID.patchKind,
                    "\(file) is a \(patch.kind.value) patch, but kind node '\(node.name)' takes \(node.patchKind)",
                    at: patch.kind.location)
            }
        }
        return diagnostics.all
    }
}
