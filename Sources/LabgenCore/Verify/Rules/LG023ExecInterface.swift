import LabModel

extension RuleID {
    public static let execInterface: DiagnosticID = "LG023"
}

enum ExecInterfaceRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.execInterface, summary: "an exec 'ip addr add ... dev IF' names an interface the node has",
        explanation: """
            containerlab creates a node's interfaces from its links (plus eth0 for management and lo). An address
            added in `exec` (`ip addr add`, `ip a a`, `ip -4 a add`) on an interface that no link of the node, or of
            the container whose network namespace it joins, creates and that no other exec command creates
            (`ip link add`, `vconfig add`, ...) fails: `ip` answers "Cannot find device", the exec step fails and
            the node has no address. Usually a link was renamed (net0 -> net1) and the exec was not.
            """, severity: .error)

    /// `ip addr add A dev IF` in exec on an interface the node does not have.
    static func check(_ lab: LabView) -> [Diagnostic] {
        guard let clab = lab.facts.clab else { return [] }
        var diagnostics = DiagnosticList()
        // `node:interface` of every endpoint, and the nodes with one: one set each, not a set per node.
        var linked = Set<String>(minimumCapacity: 2 * clab.links.count)
        var linkedNodes = Set<String>(minimumCapacity: clab.nodes.count)
        for link in clab.links {
            for endpoint in link.endpoints {
                linked.insert(endpoint.key)
                linkedNodes.insert(endpoint.node)
            }
        }
        // Each node's interfaces, made for the first node with an address on none of its own (rare).
        var interfacesByNode: [String: Set<String>]?
        for node in clab.nodes where (node.kind?.value ?? "linux") == "linux" && !node.addresses.isEmpty {
            let name = node.name.value
            // The node's interfaces, and those of the container whose namespace it joins; the union
            // and the exec texts are made only for a node with an address on neither (rare).
            var joined: ClabNodeFacts?
            if let mode = node.networkMode?.value {
                guard mode.hasPrefix("container:") else { continue }  // host, none: not containerlab's interfaces
                let target = String(mode.dropFirst("container:".count))
                if let other = lab.clabNodes[target] {
                    joined = other
                } else if lab.kindByName[target] == nil {
                    continue  // a container labgen does not know
                }
            }
            let joinedName = joined.map(\.name.value)
            guard linkedNodes.contains(name) || joinedName.map(linkedNodes.contains) == true else { continue }
            func has(_ device: String) -> Bool {
                linked.contains("\(name):\(device)") || joinedName.map { linked.contains("\($0):\(device)") } == true
            }
            guard node.addresses.contains(where: { !has($0.interface) }) else { continue }
            if interfacesByNode == nil {
                var byNode: [String: Set<String>] = [:]
                for link in clab.links {
                    for endpoint in link.endpoints { byNode[endpoint.node, default: []].insert(endpoint.interface) }
                }
                interfacesByNode = byNode
            }
            let own = (interfacesByNode?[name] ?? []).union(joinedName.flatMap { interfacesByNode?[$0] } ?? [])
            let execTexts = node.exec.map(\.value) + (joined?.exec.map(\.value) ?? [])
            var reported = Set<String>()
            for address in node.addresses {
                let device = address.interface
                guard !own.contains(device), !["lo", "eth0"].contains(device), !device.contains("."),
                    !device.contains("@"),
                    !device.contains("$"), reported.insert(device).inserted
                else { continue }
                // Created or renamed by another command (ip link add, vconfig, ip tunnel, ...)?
                let mentioned = execTexts.contains { text in
                    let rest = text.replacingOccurrences(of: "dev \(device)", with: " ")
                    return rest.split(whereSeparator: { !($0.isLetter || $0.isNumber || "-_.".contains($0)) }).contains
                    { $0 == device }
                }
                guard !mentioned else { continue }
                diagnostics.error(
                    RuleID.execInterface,
                    "\(name) adds \(address.address) on \(device), but \(name) has no interface \(device): its links "
                        + "give it \(own.sorted().joined(separator: ", ")) (ip answers 'Cannot find device')",
                    at: address.location)
            }
        }
        return diagnostics.all
    }
}
