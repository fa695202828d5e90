import LabFormats
import LabModel

/// A VLAN sub-interface (`ethernet eth1 vif 5 { address ... }`, also on bridges and bonds).
public struct VyOSVifFacts: Hashable, Sendable {
    public var vlan: Located<String>
    public var addresses: [Located<IPv4Interface>]
    public var vrf: String?
}

/// A BGP neighbor: an address, or an interface for unnumbered BGP (`neighbor eth1 { interface ... }`).
public struct BGPNeighborFacts: Hashable, Sendable {
    public var address: Located<IPv4Address>?
    public var interface: Located<String>?
    /// `remote-as N` (or `external`/`internal`) of the neighbor, of its `interface { }` block (unnumbered),
    /// else of its peer group.
    public var remoteAS: Located<String>?
    /// `peer-group NAME` (on the neighbor or in its `interface { }` block).
    public var peerGroup: Located<String>? = nil
    /// `address-family ipv4-unicast route-reflector-client` (on the neighbor or its peer group).
    public var routeReflectorClient = false
    /// `ebgp-multihop N` or `disable-connected-check` (on the neighbor or its peer group): the peer may be
    /// more than one hop away.
    public var multihop = false
    /// `update-source ADDRESS|IF`.
    public var updateSource: String? = nil
}

extension BGPNeighborFacts {
    /// Where the neighbor is written (its address, or its interface).
    public var location: SourceLocation? { address?.location ?? interface?.location }
    /// How messages name it.
    public var name: String { address.map { $0.value.description } ?? interface?.value ?? "?" }
}

/// What a router announces and with whom it speaks, for one protocol (BGP or OSPF).
public struct RoutingProtocolFacts: Hashable, Sendable {
    /// `bgp` or `ospf`.
    public var name: String
    /// The BGP AS: `protocols bgp <asn>` (1.2) or `system-as` (1.4).
    public var asn: Located<String>?
    public var neighbors: [BGPNeighborFacts] = []
    /// `network P` (BGP: announced as is; OSPF: the interfaces whose subnet lies in P take part).
    public var networks: [Located<IPv4Prefix>] = []
    /// OSPF `interface ethN { area ... }` (1.4): those interfaces take part.
    public var interfaces: [String] = []
    public var redistributeConnected = false
    public var redistributeStatic = false
    /// The router also runs routing protocols inside a VRF, which labgen does not follow.
    public var inVRF = false
    /// BGP `parameters router-id`.
    public var routerID: Located<String>? = nil
    /// BGP `parameters bestpath as-path multipath-relax`.
    public var multipathRelax = false
    /// BGP `maximum-paths ebgp|ibgp N` (1.2: under `bgp <asn>`; 1.4: under `address-family ipv4-unicast`).
    public var maximumPaths: Int? = nil
    public var location: SourceLocation
}

/// Reads the parts of a VyOS config that make routes and L2 gateways, in every dialect labgen meets
/// (1.2 `protocols bgp <asn>`, 1.4 `protocols bgp { system-as }`): BGP, OSPF, vif sub-interfaces,
/// bridge members and VRF bindings.
extension VyOSFactsReader {
    static func routing(_ config: VyOSConfig, file: String) -> (bgp: RoutingProtocolFacts?, ospf: RoutingProtocolFacts?)
    {
        func location(_ node: VyOSNode, value: Bool = true) -> SourceLocation {
            let position = value ? (node.valuePosition ?? node.position) : node.position
            return SourceLocation(file: file, line: position.line, column: position.column)
        }
        func networks(_ node: VyOSNode) -> [Located<IPv4Prefix>] {
            var result: [Located<IPv4Prefix>] = []
            for child in node.children ?? [] where child.name != "neighbor" && child.name != "vrf" {
                if child.name == "network", let value = child.value, let prefix = IPv4Prefix(value) {
                    result.append(Located(prefix, at: location(child)))
                }
                result += networks(child)
            }
            return result
        }
        func redistributes(_ node: VyOSNode, _ what: String) -> Bool {
            for child in node.children ?? [] where child.name != "neighbor" && child.name != "vrf" {
                if child.name == "redistribute", child[what].isEmpty == false || child.value == what { return true }
                if redistributes(child, what) { return true }
            }
            return false
        }
        var bgp: RoutingProtocolFacts?
        var ospf: RoutingProtocolFacts?
        for protocols in config["protocols"] {
            for node in protocols["bgp"] {
                var facts = bgp ?? RoutingProtocolFacts(name: "bgp", location: location(node, value: false))
                if let asn = node.value {
                    facts.asn = Located(asn, at: location(node))
                } else if let asn = node["system-as"].first, let value = asn.value {
                    facts.asn = Located(value, at: location(asn))
                } else if let asn = node["local-as"].first, let value = asn.value {
                    facts.asn = Located(value, at: location(asn))
                }
                facts.neighbors += bgpNeighbors(node, file: file)
                bgpParameters(node, file: file, into: &facts)
                facts.networks += networks(node)
                facts.redistributeConnected = facts.redistributeConnected || redistributes(node, "connected")
                facts.redistributeStatic = facts.redistributeStatic || redistributes(node, "static")
                bgp = facts
            }
            for node in protocols["ospf"] {
                var facts = ospf ?? RoutingProtocolFacts(name: "ospf", location: location(node, value: false))
                facts.networks += networks(node)
                facts.interfaces += node["interface"].compactMap(\.value)
                facts.redistributeConnected = facts.redistributeConnected || redistributes(node, "connected")
                facts.redistributeStatic = facts.redistributeStatic || redistributes(node, "static")
                ospf = facts
            }
        }
        // Routing inside VRFs (`vrf name X protocols ...`) is not followed: recorded so that LG022 does not
        // blame a router whose routes come from there.
        for vrf in config["vrf"] {
            for name in vrf["name"] where !name["protocols"].isEmpty {
                var facts = bgp ?? RoutingProtocolFacts(name: "bgp", location: location(name, value: false))
                facts.inVRF = true
                bgp = facts
            }
        }
        return (bgp, ospf)
    }

    /// The vif sub-interfaces, bridge members and VRF of one `interfaces <type> <name>` node.
    static func subInterfaces(_ node: VyOSNode, file: String, into interface: inout VyOSInterfaceFacts) {
        func location(_ node: VyOSNode) -> SourceLocation {
            let position = node.valuePosition ?? node.position
            return SourceLocation(file: file, line: position.line, column: position.column)
        }
        for vif in node["vif"] {
            guard let vlan = vif.value else { continue }
            let addresses = vif["address"].compactMap { a in
                a.value.flatMap(IPv4Interface.init).map { Located($0, at: location(a)) }
            }
            interface.vifs.append(
                VyOSVifFacts(vlan: Located(vlan, at: location(vif)), addresses: addresses, vrf: vif["vrf"].first?.value)
            )
        }
        for member in node["member"] {
            interface.members += member["interface"].compactMap(\.value)
        }
        interface.vrf = node["vrf"].first?.value
    }

    /// A setting path written the same way in every dialect: `outbound-interface { name eth0 }` (1.4)
    /// and `outbound-interface eth0` (1.2) are one setting.
    static func dialectNeutralPath(_ path: String) -> String {
        for word in ["outbound-interface", "inbound-interface"] where path.hasSuffix(word + " name") {
            return String(path.dropLast(" name".count))
        }
        return path
    }
}
