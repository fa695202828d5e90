import LabModel

extension RuleID {
    public static let networkMode: DiagnosticID = "LG001"
}

enum NetworkModeRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.networkMode,
        summary: "network-mode container:<name> names a kind node container, one server per node",
        explanation: """
            A containerlab node with `network-mode: container:<name>` joins that container's network namespace: it is
            how the rack interface (net0) gets into a kind node. kind names its node containers
            <cluster>-control-plane, <cluster>-control-plane2, ..., <cluster>-worker, <cluster>-worker2, ... counted
            per role in order, with the cluster name from `kind create cluster --name`, else the config's name:,
            else "kind". A name that is no kind node makes `containerlab deploy` fail ("container not found").
            A short name (container:worker2) that only resolves through containerlab's old `clab-<topology>-`
            prefixing is a warning: releases before 2022 always added the prefix, releases from 2022 try the
            prefixed name and then the bare one, and short names broke in late 2023 (containerlab issue 1731).
            Write the full container name. Two servers joining one kind node fight over its interfaces and routes.
            """, severity: .error)

    /// Each server's `network-mode: container:<name>` against kind's node containers (`LabView.joinKindNodes`).
    static func check(_ lab: LabView) -> [Diagnostic] {
        guard let kind = lab.facts.kind else { return [] }
        var diagnostics = DiagnosticList()
        let topology = lab.facts.clab?.name?.value ?? ""
        var joinedBy: [Int: ClabNodeFacts] = [:]
        for server in lab.servers {
            let node = server.node
            guard let mode = node.networkMode else { continue }
            let target = server.joinTarget
            if server.joinsByPrefix, let prefixed = server.kindNode {
                diagnostics.warning(
                    RuleID.networkMode,
                    "\(node.name.value) joins 'container:\(target)', which is kind node 'clab-\(topology)-\(target)' "
                        + "only through containerlab's 'clab-\(topology)-' prefixing: releases up to 2022 always add "
                        + "the prefix and releases from 2022 to late 2023 try the prefixed name first, but short names "
                        + "broke in late 2023 (containerlab issue 1731); write 'container:clab-\(topology)-\(target)'",
                    at: mode.location,
                    notes: [
                        Diagnostic.Note(
                            "kind names the node 'clab-\(topology)-\(target)' from cluster '\(lab.clusterName)'",
                            at: lab.kindNodes[prefixed].facts.role.location)
                    ])
            }
            guard let kindIndex = server.kindNode else {
                var message =
                    "\(node.name.value) joins 'container:\(target)', but the kind cluster '\(lab.clusterName)' has no "
                    + "node container of that name"
                if let suggestion = Suggestions.closest(
                    to: target, in: lab.kindByName.keys.sorted(), tolerance: .name)
                {
                    message += "; did you mean '\(suggestion)'?"
                }
                let known = lab.kindNodes.map(\.name).prefix(6).joined(separator: ", ")
                let source =
                    lab.facts.clusterName != nil
                    ? "the command line" : kind.name != nil ? "the config's name:" : "kind's default"
                diagnostics.error(
                    RuleID.networkMode, message, at: mode.location,
                    notes: [
                        Diagnostic.Note(
                            "kind's node containers: \(known)\(lab.kindNodes.count > 6 ? ", ..." : "") "
                                + "(cluster name from \(source))",
                            at: kind.name?.location ?? kind.location)
                    ])
                continue
            }
            if let first = joinedBy[kindIndex] {
                diagnostics.error(
                    RuleID.networkMode,
                    "\(node.name.value) and \(first.name.value) both join kind node '\(lab.kindNodes[kindIndex].name)'",
                    at: mode.location,
                    notes: [Diagnostic.Note("\(first.name.value) joins it here", at: first.networkMode?.location)])
            } else {
                joinedBy[kindIndex] = node
            }
        }
        return diagnostics.all
    }
}
