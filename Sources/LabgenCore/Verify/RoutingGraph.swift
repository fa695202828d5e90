import LabModel

/// The routes that BGP and OSPF give the gateways: which router announces a subnet (a `network`
/// statement, or `redistribute connected|static`) and which routers learn it over sessions between
/// routers (a BGP session configured on both ends with remote-as agreeing with the other end's AS, an
/// OSPF adjacency on a shared subnet both run OSPF on), hop by hop.
struct RoutingGraph {
    let gateways: [String: VyOSFacts]
    private(set) var peers: [String: Set<String>] = [:]
    /// Routers whose `network` statements FRR's import check filters (VyOS 1.3 and later).
    var importChecking: Set<String> = []
    /// Gateways with a BGP neighbor that is neither a gateway nor a host (an FRR or other router labgen
    /// does not read): assumed to learn every route from it, so no false LG022.
    private(set) var externallyPeered: Set<String> = []

    /// `hosts`: addresses of servers and kind nodes (a BGP neighbor there is a node, not a router).
    init(gateways: [String: VyOSFacts], hosts: Set<IPv4Address> = []) {
        self.gateways = gateways
        var owner: [IPv4Address: String] = [:]
        for (name, vyos) in gateways {
            for interface in vyos.interfaces {
                for address in interface.allAddresses { owner[address.value.address] = name }
            }
        }
        // BGP: R1 names an address of R2 and R2 names an address of R1 (or an interface: unnumbered).
        for (name, vyos) in gateways {
            if vyos.bgp?.inVRF == true { externallyPeered.insert(name) }
            for neighbor in vyos.bgp?.neighbors ?? [] {
                guard let address = neighbor.address?.value else { continue }
                guard let peer = owner[address] else {
                    if !hosts.contains(address) { externallyPeered.insert(name) }
                    continue
                }
                guard peer != name, let other = gateways[peer]?.bgp else { continue }
                // A session whose remote-as is not the other end's AS is refused (LG051): no routes over it.
                let ownAS = vyos.bgp?.asn?.value
                guard Self.remoteASAgrees(neighbor.remoteAS?.value, peerAS: other.asn?.value, ownAS: ownAS) else {
                    continue
                }
                let answers = other.neighbors.contains { n in
                    (n.interface != nil || n.address.map { owner[$0.value] == name } == true)
                        && Self.remoteASAgrees(n.remoteAS?.value, peerAS: ownAS, ownAS: other.asn?.value)
                }
                if answers { connect(name, peer) }
            }
        }
        // OSPF: routers with an OSPF-enabled address in the same subnet.
        var bySubnet: [IPv4Prefix: Set<String>] = [:]
        for (name, vyos) in gateways {
            for (subnet, _) in Self.ospfSubnets(vyos) { bySubnet[subnet, default: []].insert(name) }
        }
        for routers in bySubnet.values where routers.count > 1 {
            let sorted = routers.sorted()
            for a in sorted { for b in sorted where a < b { connect(a, b) } }
        }
    }

    /// Whether a neighbor's remote-as accepts the peer's AS; true when either is unknown.
    static func remoteASAgrees(_ remote: String?, peerAS: String?, ownAS: String?) -> Bool {
        guard let remote, let peerAS else { return true }
        switch remote {
        case "external": return ownAS.map { $0 != peerAS } ?? true
        case "internal": return ownAS.map { $0 == peerAS } ?? true
        default: return remote == peerAS
        }
    }

    private mutating func connect(_ a: String, _ b: String) {
        peers[a, default: []].insert(b)
        peers[b, default: []].insert(a)
    }

    /// The connected subnets of a router that OSPF announces: an address inside an area's `network`,
    /// or on an interface listed under `protocols ospf interface`.
    static func ospfSubnets(_ vyos: VyOSFacts) -> [(IPv4Prefix, String)] {
        guard let ospf = vyos.ospf else { return [] }
        var result: [(IPv4Prefix, String)] = []
        for interface in vyos.interfaces {
            let listed = ospf.interfaces.contains(interface.name.value)
            for address in interface.addresses
            where listed || ospf.networks.contains(where: { $0.value.contains(address.value.address) }) {
                result.append((address.value.subnet, interface.name.value))
            }
            for vif in interface.vifs {
                let vifListed = ospf.interfaces.contains("\(interface.name.value).\(vif.vlan.value)")
                for address in vif.addresses
                where vifListed || ospf.networks.contains(where: { $0.value.contains(address.value.address) }) {
                    result.append((address.value.subnet, interface.name.value))
                }
            }
        }
        return result
    }

    /// Whether a router puts `subnet` (or a prefix covering it) into BGP or OSPF.
    /// `importCheck`: the router's FRR announces a BGP `network` only when it is a route of the router
    /// (bgp network import-check, VyOS 1.3 and later).
    func announces(_ vyos: VyOSFacts, _ subnet: IPv4Prefix, importCheck: Bool = false) -> Bool {
        let connected = vyos.interfaces.flatMap { $0.allAddresses.map(\.value.subnet) }
        let statics = vyos.staticRoutes.map(\.destination.value)
        for routing in [vyos.bgp, vyos.ospf].compactMap({ $0 }) {
            if routing.redistributeConnected, connected.contains(where: { $0.contains(subnet) }) { return true }
            if routing.redistributeStatic, statics.contains(where: { $0.contains(subnet) }) { return true }
        }
        let networks = vyos.bgp?.networks.map(\.value).filter { $0.contains(subnet) } ?? []
        if networks.contains(where: { !importCheck || connected.contains($0) || statics.contains($0) }) { return true }
        return Self.ospfSubnets(vyos).contains { $0.0.contains(subnet) }
    }

    /// The routers that have a route to `subnet` through the protocols (its announcers included).
    func learners(of subnet: IPv4Prefix) -> Set<String> {
        let announcers = gateways.filter { announces($0.value, subnet, importCheck: importChecking.contains($0.key)) }
        var reached = Set(announcers.map(\.key)).union(externallyPeered)
        var queue = Array(reached)
        while let router = queue.popLast() {
            for peer in peers[router] ?? [] where reached.insert(peer).inserted { queue.append(peer) }
        }
        return reached
    }
}
