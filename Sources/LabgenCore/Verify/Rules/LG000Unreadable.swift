import LabModel

extension RuleID {
    public static let unreadable: DiagnosticID = "LG000"
}

enum UnreadableRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.unreadable, summary: "every artifact parses (YAML, VyOS, TOML) and exists only once",
        explanation: """
            A file that looks like a lab artifact (kind config, containerlab topology, VyOS config, Calico or kubeadm
            document) must parse, and a lab folder holds one kind config and one containerlab topology. kind,
            containerlab and VyOS refuse a file that does not parse; with two candidates labgen cannot tell which
            one you deploy, so name it with --kind or --clab.
            """, severity: .error)

    /// Parse errors and duplicate artifacts are the readers' and discovery's (`LabFacts.readDiagnostics`).
    /// Here: node kinds and router configs labgen does not read, said in a note, never guessed.
    static func check(_ lab: LabView) -> [Diagnostic] {
        guard let clab = lab.facts.clab else { return [] }
        var diagnostics = DiagnosticList()
        let modeled: Set<String> = ["linux", "bridge", "ovs-bridge", "ext-container", "host"]
        for node in clab.nodes {
            let name = node.name.value
            if let kind = node.kind?.value, !modeled.contains(kind) {
                diagnostics.append(
                    Diagnostic(
                        RuleID.unreadable, .note,
                        "node \(name) is of kind '\(kind)', which labgen does not model: its configuration is "
                            + "not checked",
                        at: node.kind?.location))
                continue
            }
            for bind in node.binds {
                let target = bind.value.split(separator: ":", omittingEmptySubsequences: false).dropFirst().first ?? ""
                let what =
                    target.hasPrefix("/etc/frr")
                    ? "FRR"
                    : target.hasPrefix("/etc/vpp")
                        ? "VPP"
                        : target.hasPrefix("/etc/bird") ? "BIRD" : target.hasPrefix("/etc/gobgp") ? "GoBGP" : nil
                if let what {
                    diagnostics.append(
                        Diagnostic(
                            RuleID.unreadable, .note,
                            "node \(name) runs \(what) with the config mounted here; labgen does not read \(what) "
                                + "configs: its routing is not checked",
                            at: bind.location))
                }
            }
        }
        return diagnostics.all
    }
}
