import LabFormats
import LabModel

/// A read-only view of a routed fabric, built once from the verification's model of the lab: the VyOS
/// routers with their AS numbers and connected subnets, who owns each address, the racks (segments whose
/// hosts route via a router port) and the kind nodes on them. The fabric rules (LG050-LG056, files under
/// `Verify/Rules/`) are pure functions of this view.
struct FabricView {
    /// An address of the lab and what has it.
    enum Owner: Hashable {
        case router(String, interface: String)
        case host(String)
    }

    /// A kind node (or a server with a default route) on a rack.
    struct RackNode {
        var name: String
        /// The kind node's labels (`rack=rack0`); empty for plain hosts.
        var labels: [String: String]
        /// Its address on the rack, and the kubelet node-ip when it has another one (an array: one or two
        /// addresses, and 10,000 nodes in a large lab).
        var addresses: [IPv4Address]
        var rackAddress: ExecAddress
        var segment: String
        var isKindNode: Bool
    }

    /// A segment whose hosts route via a router port: its subnet and the router ports on it.
    struct Rack {
        var segment: String
        var subnet: IPv4Prefix
        var ports: [GatewayPort]
        var nodes: [RackNode]
    }

    var routers: [String: VyOSFacts] = [:]
    /// The clab image of each router (the release when its config names none).
    var routerImages: [String: String] = [:]
    var owners: [IPv4Address: Owner] = [:]
    var racks: [Rack] = []
    var clab: ClabFacts?
    var clabNodes: [String: ClabNodeFacts] = [:]
    var facts: LabFacts

    /// The routers that speak BGP.
    var bgpRouters: [(name: String, vyos: VyOSFacts, bgp: RoutingProtocolFacts)] {
        routers.sorted { $0.key < $1.key }.compactMap { name, vyos in vyos.bgp.map { (name, vyos, $0) } }
    }

    /// The connected subnets of a router, with the interface.
    func connected(_ router: String) -> [(subnet: IPv4Prefix, interface: String, address: Located<IPv4Interface>)] {
        guard let vyos = routers[router] else { return [] }
        var result: [(IPv4Prefix, String, Located<IPv4Interface>)] = []
        for interface in vyos.interfaces {
            for address in interface.addresses { result.append((address.value.subnet, interface.name.value, address)) }
            for vif in interface.vifs {
                for address in vif.addresses {
                    result.append((address.value.subnet, "\(interface.name.value).\(vif.vlan.value)", address))
                }
            }
        }
        return result
    }

    /// The AS a router's BGP runs in (`protocols bgp <asn>` or `system-as`).
    func asn(_ router: String) -> Located<String>? { routers[router]?.bgp?.asn }

    /// The VyOS release series of a router (`1.2`, `1.4`, ...): its config's footer, else its image tag.
    func releaseSeries(_ router: String) -> VyOSDialect? {
        if let dialect = routers[router]?.release?.value.dialect { return dialect }
        guard let image = routerImages[router], let tag = image.split(separator: ":").last else { return nil }
        if tag.hasPrefix("1.2") { return .crux }
        if tag.hasPrefix("1.3") { return .equuleus }
        if tag.hasPrefix("1.4") { return .sagitta }
        if tag.hasPrefix("1.5") { return .circinus }
        return nil
    }

    /// The kind nodes (and routed hosts) a label selection applies to.
    var rackNodes: [RackNode] { racks.flatMap(\.nodes) }
}

extension LabView {
    /// The fabric view of this lab (`fabricView`), built by `build([.fabric])`: once per verification, in the
    /// rules' stage, for the rules that read it.
    func makeFabricView() -> FabricView {
        var view = FabricView(facts: facts)
        view.routers = gateways
        view.clab = facts.clab
        view.clabNodes = clabNodes
        for (name, _) in gateways { view.routerImages[name] = clabNodes[name]?.image?.value }
        for (name, vyos) in gateways {
            for interface in vyos.interfaces {
                for address in interface.allAddresses {
                    view.owners[address.value.address] = .router(name, interface: interface.name.value)
                }
            }
        }
        view.owners.reserveCapacity(facts.clab?.nodes.count ?? 0)
        for node in facts.clab?.nodes ?? [] where gateways[node.name.value] == nil {
            for address in node.addresses where view.owners[address.address.address] == nil {
                view.owners[address.address.address] = .host(node.name.value)
            }
        }
        var nodesBySegment: [String: [FabricView.RackNode]] = [:]
        for server in servers {
            guard let address = server.rackAddress, let segment = server.bridge else { continue }
            var node = FabricView.RackNode(
                name: server.node.name.value, labels: [:], addresses: [address.address.address], rackAddress: address,
                segment: segment, isKindNode: false)
            if let index = server.kindNode {
                let kindNode = kindNodes[index]
                node.name = kindNode.name
                node.isKindNode = true
                for label in kindNode.labels { node.labels[label.value.key] = label.value.value }
                if let ip = kindNode.nodeIP?.value, !node.addresses.contains(ip) { node.addresses.append(ip) }
            }
            nodesBySegment[segment, default: []].append(node)
        }
        for segment in gatewayPorts.keys.sorted() {
            guard let ports = gatewayPorts[segment], let first = ports.first else { continue }
            view.racks.append(
                FabricView.Rack(
                    segment: segment, subnet: first.address.value.subnet, ports: ports,
                    nodes: nodesBySegment[segment] ?? []))
        }
        return view
    }

    /// The gateways whose FRR announces a BGP `network` only when it is a route of the router: VyOS 1.3 and
    /// later (bgp network import-check), by the config's footer or the image tag.
    var importCheckingRouters: Set<String> {
        var view = FabricView(facts: facts)
        view.routers = gateways
        for (name, _) in gateways { view.routerImages[name] = clabNodes[name]?.image?.value }
        return Set(gateways.keys.filter { view.releaseSeries($0).map { $0 != .crux } ?? false })
    }
}
