import LabModel

extension RuleID {
    public static let standalonePatch: DiagnosticID = "LG020"
}

enum StandalonePatchRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.standalonePatch, summary: "standalone kubeadm patch files agree with the kind config",
        explanation: """
            A kubeadm patch written on its own (a document of kubeadm.yaml, named by its nodeRegistration.name,
            or kubeadm/<node>.yaml) must be for a node of the kind config and set the same node-ip and node-labels
            as the patch embedded in the kind config for that node; otherwise someone applying one or the other
            gets a different cluster.
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        for (file, patch, target) in lab.standalonePatchTargets {
            switch target {
            case .none: continue
            case .unknownName(let name):
                var message = "\(file) has a patch for node '\(name.value)', which the kind config does not have"
                if let suggestion = Suggestions.closest(
                    to: name.value, in: lab.kindNodes.map(\.name), tolerance: .name)
                {
                    message += "; did you mean '\(suggestion)'?"
                }
                diagnostics.error(RuleID.standalonePatch, message, at: name.location)
            case .node(let index):
                let node = lab.kindNodes[index]
                if let ip = patch.nodeIP, let embedded = node.nodeIP, ip.value != embedded.value {
                    diagnostics.error(
                        RuleID.standalonePatch,
                        "\(file) sets node-ip \(ip.value) but the kind config gives '\(node.name)' \(embedded.value)",
                        at: ip.location, notes: [Diagnostic.Note("node-ip in the kind config", at: embedded.location)])
                }
                if !sameLabels(patch.nodeLabels, node.labels), let first = patch.nodeLabels.first ?? node.labels.first {
                    diagnostics.error(
                        RuleID.standalonePatch,
                        "\(file) sets node-labels that differ from the kind config's for '\(node.name)'",
                        at: patch.nodeLabels.first?.location ?? patch.location,
                        notes: [
                            Diagnostic.Note(
                                "node-labels in the kind config", at: node.labels.first?.location ?? first.location)
                        ])
                }
            }
        }
        return diagnostics.all
    }

    /// Whether two label lists set the same labels (as sets); the same list in the same order, the usual
    /// case, is answered without building sets.
    private static func sameLabels(_ a: [Located<NodeLabel>], _ b: [Located<NodeLabel>]) -> Bool {
        if a.count == b.count && zip(a, b).allSatisfy({ $0.value == $1.value }) { return true }
        return Set(a.map(\.value)) == Set(b.map(\.value))
    }
}
