import LabModel

extension RuleID {
    public static let nodeIP: DiagnosticID = "LG002"
}

enum NodeIPRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.nodeIP, summary: "kubeadm node-ip of each kind node equals the address its server assigns",
        explanation: """
            The kubelet's node-ip (kubeletExtraArgs in the node's kubeadm patch) must be the address the server
            assigns with `ip addr add A/L dev IF` on the interface linked to the rack bridge. Otherwise the node
            registers an InternalIP that is not on the rack (kind's docker address, or nothing), so Calico's
            CrossSubnet decision, `kubectl get nodes -o wide` and the lab's story disagree with the wiring, and
            kube-proxy/NodePort traffic takes the docker network instead of the rack. A server may also be wired
            straight to a gateway port (no bridge). A kind node whose node-ip no containerlab node assigns (its
            server was deleted, while other servers join their nodes) is an error too: the kubelet cannot use
            the address and the node never becomes Ready.
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        for server in lab.servers {
            guard let kindIndex = server.kindNode else { continue }
            let name = server.node.name.value
            let kindNode = lab.kindNodes[kindIndex]
            // The node-ip may be any address the server assigns (multi-homed servers, links to routers
            // labgen does not model).
            let assigned = server.node.addresses.first { $0.address.address == kindNode.nodeIP?.value }
            switch (assigned ?? server.rackAddress ?? server.node.addresses.first, kindNode.nodeIP) {
            case (let address?, let nodeIP?) where address.address.address != nodeIP.value:
                diagnostics.error(
                    RuleID.nodeIP,
                    "\(name) assigns \(address.address) but kind node '\(kindNode.name)' has node-ip \(nodeIP.value)",
                    at: address.location, notes: [Diagnostic.Note("node-ip is set here", at: nodeIP.location)])
            case (let address?, nil):
                diagnostics.warning(
                    RuleID.nodeIP,
                    "kind node '\(kindNode.name)' has no node-ip, so the kubelet registers kind's docker address "
                        + "instead of \(address.address.address)",
                    at: kindNode.facts.location,
                    notes: [Diagnostic.Note("\(name) assigns the rack address here", at: address.location)])
            case (nil, let nodeIP?):
                diagnostics.error(
                    RuleID.nodeIP,
                    "\(name) assigns no IPv4 address in its exec ('ip addr add A/L dev IF'), but kind node "
                        + "'\(kindNode.name)' has node-ip \(nodeIP.value)",
                    at: server.node.name.location, notes: [Diagnostic.Note("node-ip is set here", at: nodeIP.location)])
            default: break
            }
        }
        diagnostics.append(contentsOf: unassignedNodeIPs(lab))
        return diagnostics.all
    }

    /// A kind node's node-ip that no containerlab node assigns (its server was deleted).
    private static func unassignedNodeIPs(_ lab: LabView) -> [Diagnostic] {
        guard let clab = lab.facts.clab, lab.servers.contains(where: { $0.kindNode != nil }) else { return [] }
        var diagnostics = DiagnosticList()
        let joined = Set(lab.servers.compactMap(\.kindNode))
        let assigned = Set(clab.nodes.flatMap { $0.addresses.map(\.address.address) })
        for (index, node) in lab.kindNodes.enumerated() where !joined.contains(index) {
            guard let nodeIP = node.nodeIP, !assigned.contains(nodeIP.value) else { continue }
            diagnostics.error(
                RuleID.nodeIP,
                "kind node '\(node.name)' has node-ip \(nodeIP.value), but no containerlab node joins it "
                    + "(network-mode: container:\(node.name)) and nothing in the topology assigns \(nodeIP.value): "
                    + "the kubelet cannot use that address and the node never becomes Ready",
                at: nodeIP.location,
                notes: [Diagnostic.Note("the topology", at: SourceLocation(file: clab.file, line: 1, column: 1))])
        }
        return diagnostics.all
    }
}
