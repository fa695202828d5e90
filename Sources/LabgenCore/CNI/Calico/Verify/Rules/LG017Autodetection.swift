import LabModel

extension RuleID {
    public static let autodetection: DiagnosticID = "LG017"
}

enum AutodetectionRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.autodetection, summary: "Calico IP autodetection is pinned to the rack interfaces",
        explanation: """
            kind nodes in these labs have two interfaces: kind's eth0 on the docker network and the rack's net0.
            Calico's default autodetection (first-found) picks eth0, so every node appears in one subnet, CrossSubnet
            never encapsulates and tunnels bypass the gateway. IP_AUTODETECTION_METHOD (calico-node patch or
            manifest) must select the rack address of every node, e.g. cidr=<rack subnets>. Unset with CrossSubnet
            is a warning; a method that misses a node's rack address is an error.
            """, severity: .warning)

    static func check(_ lab: LabView) -> [Diagnostic] {
        let facts = lab.facts
        let pools = facts.pools.filter { !$0.disabled }
        guard !pools.isEmpty, !lab.servers.isEmpty else { return [] }
        var diagnostics = DiagnosticList()
        let method = facts.calicoNode.last { $0.autodetection != nil }?.autodetection
        let crossSubnet = pools.lazy.compactMap { pool in
            [pool.ipipMode, pool.vxlanMode].compactMap { $0 }.first { $0.value == "CrossSubnet" }
        }.first
        let subnetCount = Set(lab.nodeSubnets.map(\.0)).count
        guard let method, method.value != Conventions.calicoAutodetection else {
            if let crossSubnet, subnetCount >= 2 {
                let cidrs = lab.nodeSubnets.map { $0.0.description }.sorted().joined(separator: ",")
                diagnostics.warning(
                    RuleID.autodetection,
                    "CrossSubnet with Calico's default IP autodetection (first-found): it picks kind's eth0 on the "
                        + "docker network, so every node looks like one subnet and nothing is encapsulated; set "
                        + "IP_AUTODETECTION_METHOD=cidr=\(cidrs) on calico-node",
                    at: method?.location ?? crossSubnet.location)
            }
            return diagnostics.all
        }
        let value = method.value
        if value.hasPrefix("cidr=") {
            let cidrs = value.dropFirst(5).split(separator: ",").compactMap { IPv4Prefix($0.labTrimming(" ")) }
            for server in lab.servers {
                guard let address = server.rackAddress else { continue }
                if !cidrs.contains(where: { $0.contains(address.address.address) }) {
                    diagnostics.error(
                        RuleID.autodetection,
                        "IP_AUTODETECTION_METHOD=\(value) does not contain \(address.address.address) of "
                            + "\(server.node.name.value): Calico picks another address for that node",
                        at: method.location,
                        notes: [Diagnostic.Note("rack address assigned here", at: address.location)])
                }
            }
        } else if value.hasPrefix("interface=") {
            let pattern = String(value.dropFirst("interface=".count))
            guard let regex = try? Regex(pattern) else { return diagnostics.all }
            for server in lab.servers {
                guard let address = server.rackAddress else { continue }
                if (try? regex.firstMatch(in: address.interface)) == nil {
                    diagnostics.error(
                        RuleID.autodetection,
                        "IP_AUTODETECTION_METHOD=\(value) does not match the rack interface \(address.interface) of "
                            + "\(server.node.name.value)",
                        at: method.location,
                        notes: [Diagnostic.Note("rack address assigned here", at: address.location)])
                }
            }
        }
        return diagnostics.all
    }
}
