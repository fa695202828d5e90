import LabModel

extension RuleID {
    public static let linkEndpoints: DiagnosticID = "LG014"
}

enum LinkEndpointsRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.linkEndpoints, summary: "every link endpoint names an existing node; no endpoint is used twice",
        explanation: """
            Each `node:interface` of a link must name a node of the topology, and be used by one link only.
            containerlab refuses unknown nodes and cannot create an interface twice. Several macvlan (or macvtap)
            links on one parent interface (`macvlan:ens256`) are fine: each makes its own child interface.
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        guard let clab = lab.facts.clab else { return [] }
        var diagnostics = DiagnosticList()
        var used: [String: SourceLocation] = [:]
        used.reserveCapacity(2 * clab.links.count)
        let special: Set<String> = ["host", "mgmt-net", "macvlan", "macvtap", "vxlan", "vxlan-stitch", "dummy"]
        for link in clab.links {
            if link.endpoints.count != 2 && !(link.endpoints.count == 1) {
                diagnostics.error(
                    RuleID.linkEndpoints, "a link needs two endpoints, this one has \(link.endpoints.count)",
                    at: link.location)
            }
            for endpoint in link.endpoints {
                if lab.clabNodes[endpoint.node] == nil && !special.contains(endpoint.node) {
                    var message =
                        "link endpoint '\(endpoint.key)' names node '\(endpoint.node)', which the topology does "
                        + "not define"
                    if let suggestion = Suggestions.closest(
                        to: endpoint.node, in: lab.clabNodes.keys.sorted(), tolerance: .name)
                    {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    diagnostics.error(RuleID.linkEndpoints, message, at: endpoint.location)
                }
                // Many children on one parent are fine.
                if endpoint.node == "macvlan" || endpoint.node == "macvtap" { continue }
                let key = endpoint.key
                if let first = used[key] {
                    diagnostics.error(
                        RuleID.linkEndpoints, "endpoint '\(endpoint.key)' is used by two links", at: endpoint.location,
                        notes: [Diagnostic.Note("first used here", at: first)])
                } else {
                    used[key] = endpoint.location
                }
            }
        }
        return diagnostics.all
    }
}
