import LabModel

extension RuleID {
    public static let addresses: DiagnosticID = "LG012"
}

enum AddressesRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.addresses, summary: "no duplicate addresses; no network or broadcast address",
        explanation: """
            Node and gateway interface addresses must be unique and must not be the network or broadcast address of
            their subnet. Uniqueness is per scope: the same address in different VLANs (`vif N`, `net1.N`), inside
            a VRF on different routers (an EVPN distributed anycast gateway), or on an interface a node makes for
            itself in exec (loopback, tunnel, dummy) is not a duplicate. Duplicates cause ARP flapping and intermittent loss; Linux accepts a network/broadcast
            address on an interface but traffic to it is treated as broadcast and dropped.
            """, severity: .error)

    /// Addresses must be unique within one L2/L3 scope: the same address in different VLANs (vif N,
    /// `net1.N`) or inside a VRF on different routers (an EVPN anycast gateway) is not a duplicate.
    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        // Keyed by address and scope (was the string "<address> <scope>": the same pairs, without formatting).
        struct Key: Hashable {
            var address: IPv4Address
            var scope: String
        }
        var seen: [Key: (String, SourceLocation)] = [:]
        var entries: [(owner: String, address: IPv4Interface, location: SourceLocation, scope: String)] = []
        let links = lab.facts.clab?.links ?? []
        var linkedInterfaces = Set<String>(minimumCapacity: 2 * links.count)
        for link in links { for endpoint in link.endpoints { linkedInterfaces.insert(endpoint.key) } }
        entries.reserveCapacity(lab.facts.clab?.nodes.count ?? 0)
        for node in lab.facts.clab?.nodes ?? [] {
            let name = node.name.value
            for address in node.addresses {
                let scope: String
                if let vrf = node.vrf(of: address.interface) ?? node.vrf(of: address.baseInterface) {
                    scope = "node \(name) vrf \(vrf)"
                } else if address.interface == "lo" || !linkedInterfaces.contains("\(name):\(address.baseInterface)") {
                    // Loopbacks, tunnels, dummies and bridges made in exec: only the node's own.
                    scope = "node \(name) own"
                } else if let vlan = address.vlan {
                    scope = "vlan \(vlan)"
                } else {
                    scope = ""
                }
                entries.append((name, address.address, address.location, scope))
            }
        }
        for (name, vyos) in lab.gateways.sorted(by: { $0.key < $1.key }) {
            for interface in vyos.interfaces {
                let own =
                    interface.vrf.map { "node \(name) vrf \($0)" }
                    ?? (interface.type == "loopback" ? "node \(name) lo" : "")
                for address in interface.addresses {
                    entries.append(("\(name) \(interface.name.value)", address.value, address.location, own))
                }
                for vif in interface.vifs {
                    let scope =
                        vif.vrf.map { "node \(name) vrf \($0)" } ?? interface.vrf.map { "node \(name) vrf \($0)" }
                        ?? "vlan \(vif.vlan.value)"
                    for address in vif.addresses {
                        entries.append(
                            (
                                "\(name) \(interface.name.value) vif \(vif.vlan.value)", address.value,
                                address.location, scope
                            ))
                    }
                }
            }
        }
        seen.reserveCapacity(entries.count)
        for (owner, address, location, scope) in entries {
            let key = Key(address: address.address, scope: scope)
            if let (firstOwner, firstLocation) = seen[key] {
                diagnostics.error(
                    RuleID.addresses, "\(owner) uses \(address.address), which \(firstOwner) uses too", at: location,
                    notes: [Diagnostic.Note("\(firstOwner) has it here", at: firstLocation)])
            } else {
                seen[key] = (owner, location)
            }
            if address.length <= 30, address.subnet.isNetworkOrBroadcast(address.address) {
                let which = address.address == address.subnet.network ? "network" : "broadcast"
                diagnostics.error(
                    RuleID.addresses, "\(owner) uses \(address), the \(which) address of \(address.subnet)",
                    at: location)
            }
        }
        return diagnostics.all
    }
}
