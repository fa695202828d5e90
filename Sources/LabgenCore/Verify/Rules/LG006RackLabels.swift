import LabModel

extension RuleID {
    public static let rackLabels: DiagnosticID = "LG006"
}

enum RackLabelsRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.rackLabels, summary: "node-labels rack labels agree with bridge membership",
        explanation: """
            Nodes on one rack bridge must carry the same rack label (node-labels `rack=...` or
            `topology.kubernetes.io/zone=...`), and nodes on different bridges different ones. Workloads scheduled by
            rack (nodeSelector, topology spread, the lab's cross-rack ping tests) otherwise land in the wrong rack.
            """, severity: .error)

    static func isRackLabel(_ key: String) -> Bool {
        key == "rack" || key.hasSuffix("/rack") || key == "topology.kubernetes.io/zone"
    }

    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        var byBridge: [String: Located<NodeLabel>] = [:]
        var bridgeOfValue: [String: (bridge: String, label: Located<NodeLabel>)] = [:]
        for server in lab.servers {
            guard let segment = server.bridge, let kindIndex = server.kindNode else { continue }
            let kindNode = lab.kindNodes[kindIndex]
            // Servers wired straight to ports of one router share that router's rack.
            let bridge =
                lab.directSegments[segment] != nil ? String(segment.split(separator: ":").first ?? "") : segment
            for label in kindNode.labels where isRackLabel(label.value.key) {
                let key = label.value.key
                let bridgeKey = bridge + "\u{0}" + key
                if let first = byBridge[bridgeKey], first.value.value != label.value.value {
                    diagnostics.error(
                        RuleID.rackLabels,
                        "kind node '\(kindNode.name)' is labelled \(key)=\(label.value.value) but is on \(bridge) "
                            + "with nodes labelled \(key)=\(first.value.value)",
                        at: label.location,
                        notes: [Diagnostic.Note("\(key)=\(first.value.value) here", at: first.location)])
                    continue
                }
                if byBridge[bridgeKey] == nil { byBridge[bridgeKey] = label }
                let valueKey = key + "=" + label.value.value
                if let other = bridgeOfValue[valueKey], other.bridge != bridge {
                    diagnostics.error(
                        RuleID.rackLabels,
                        "kind node '\(kindNode.name)' on \(bridge) has \(valueKey), like the nodes on \(other.bridge)",
                        at: label.location,
                        notes: [Diagnostic.Note("\(valueKey) on \(other.bridge)", at: other.label.location)])
                } else if bridgeOfValue[valueKey] == nil {
                    bridgeOfValue[valueKey] = (bridge, label)
                }
            }
        }
        return diagnostics.all
    }
}
