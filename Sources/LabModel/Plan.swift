// The resolved lab: every default applied, every address allocated and parsed.
//
// A `LabPlan` is what the renderers turn into artifacts and what `lab.json` records.
// Source locations are kept for diagnostics but are not part of the serialized form,
// so moving a line in the lab file does not change `lab.json`.

public struct LabPlan: Hashable, Sendable, Codable {
    public var name: String
    public var registry: RegistryPlan?
    public var cluster: ClusterPlan?
    public var topology: TopologyPlan?
    public var gateways: [GatewayPlan]
    public var racks: [RackPlan]
    /// The link between the gateways, present when the lab has more than one gateway.
    public var transit: TransitPlan?
    /// Point-to-point links between routers, and plain hosts (see Fabric/FabricPlan.swift).
    public var links: [LinkPlan] = []
    public var hosts: [HostPlan] = []
    public var location: SourceLocation?

    public init(
        name: String, registry: RegistryPlan?, cluster: ClusterPlan?, topology: TopologyPlan?,
        gateways: [GatewayPlan], racks: [RackPlan], transit: TransitPlan? = nil, location: SourceLocation?
    ) {
        self.name = name
        self.registry = registry
        self.cluster = cluster
        self.topology = topology
        self.gateways = gateways
        self.racks = racks
        self.transit = transit
        self.location = location
    }

    // `topology` is stored as `containerlab`: a root object with `name` and `topology` is what
    // validators take for a containerlab file, and lab.json is not one.
    private enum CodingKeys: String, CodingKey {
        case name, registry, cluster
        case topology = "containerlab"
        case gateways, racks, transit, links, hosts
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        registry = try c.decodeIfPresent(RegistryPlan.self, forKey: .registry)
        cluster = try c.decodeIfPresent(ClusterPlan.self, forKey: .cluster)
        topology = try c.decodeIfPresent(TopologyPlan.self, forKey: .topology)
        gateways = try c.decode([GatewayPlan].self, forKey: .gateways)
        racks = try c.decode([RackPlan].self, forKey: .racks)
        transit = try c.decodeIfPresent(TransitPlan.self, forKey: .transit)
        links = try c.decodeIfPresent([LinkPlan].self, forKey: .links) ?? []
        hosts = try c.decodeIfPresent([HostPlan].self, forKey: .hosts) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(registry, forKey: .registry)
        try c.encodeIfPresent(cluster, forKey: .cluster)
        try c.encodeIfPresent(topology, forKey: .topology)
        try c.encode(gateways, forKey: .gateways)
        try c.encode(racks, forKey: .racks)
        try c.encodeIfPresent(transit, forKey: .transit)
        if !links.isEmpty { try c.encode(links, forKey: .links) }
        if !hosts.isEmpty { try c.encode(hosts, forKey: .hosts) }
    }

    /// Every kind node in kind's order (the order of `nodes:` in the kind config).
    public var nodes: [NodePlan] { cluster?.nodes ?? [] }
}

public struct RegistryPlan: Hashable, Sendable, Codable {
    public var host: String
    public var insecure: Bool

    public init(host: String, insecure: Bool) {
        self.host = host
        self.insecure = insecure
    }

    /// The containerd mirror endpoint.
    public var endpoint: String { (insecure ? "http://" : "https://") + host }
}

public struct ClusterPlan: Hashable, Sendable {
    public var name: String
    public var image: String?
    public var podSubnet: IPv4Prefix
    /// As written; nil means kind's default.
    public var serviceSubnet: IPv4Prefix?
    public var disableDefaultCNI: Bool
    public var kubeProxyMode: String?
    /// How the standalone kubeadm patches are written; nil (not recorded in lab.json) means `.oneFile`.
    public var kubeadmPatches: KubeadmPatchLayout?
    public var nodes: [NodePlan]
    /// The CNI the lab installs (Calico, Flannel or Cilium); nil when it declares none.
    public var cni: CNIPlan?

    public init(
        name: String, image: String?, podSubnet: IPv4Prefix, serviceSubnet: IPv4Prefix?, disableDefaultCNI: Bool,
        kubeProxyMode: String?, nodes: [NodePlan], cni: CNIPlan?
    ) {
        self.name = name
        self.image = image
        self.podSubnet = podSubnet
        self.serviceSubnet = serviceSubnet
        self.disableDefaultCNI = disableDefaultCNI
        self.kubeProxyMode = kubeProxyMode
        self.nodes = nodes
        self.cni = cni
    }

    /// A Calico cluster (no CNI when `pools` is empty).
    public init(
        name: String, image: String?, podSubnet: IPv4Prefix, serviceSubnet: IPv4Prefix?, disableDefaultCNI: Bool,
        kubeProxyMode: String?, nodes: [NodePlan], pools: [PodPoolPlan], calicoInstall: CalicoInstallPlan? = nil
    ) {
        self.init(
            name: name, image: image, podSubnet: podSubnet, serviceSubnet: serviceSubnet,
            disableDefaultCNI: disableDefaultCNI, kubeProxyMode: kubeProxyMode, nodes: nodes,
            cni: pools.isEmpty ? nil : .calico(CalicoPlan(pools: pools, install: calicoInstall)))
    }

    /// kind's default service subnet.
    public static let kindDefaultServiceSubnet = Conventions.kindServiceSubnet
    /// kind's default pod subnet.
    public static let kindDefaultPodSubnet = Conventions.kindPodSubnet

    public var effectiveServiceSubnet: IPv4Prefix { serviceSubnet ?? Self.kindDefaultServiceSubnet }
    public var kubeadmPatchLayout: KubeadmPatchLayout { kubeadmPatches ?? .oneFile }
}

public struct TopologyPlan: Hashable, Sendable, Codable {
    public var name: String
    public var mtu: Int?

    public init(name: String, mtu: Int?) {
        self.name = name
        self.mtu = mtu
    }
}

/// The VyOS release of a gateway and the config dialect it implies.
public struct VyOSRelease: Hashable, Sendable, TextCodable {
    public var version: String
    public var major: Int
    public var minor: Int

    /// Parses `1.2.8`, `1.4`, `1.4.9`, `1.4-rolling-202307070317`.
    public init?(_ version: String) {
        let head = version.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let parts = head.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let major = Int(parts[0]), let minor = Int(parts[1]) else { return nil }
        let rest = version.dropFirst(head.count)
        guard rest.isEmpty || rest.first == "-" else { return nil }
        self.version = version
        self.major = major
        self.minor = minor
    }

    /// `1.2`, `1.4`.
    public var series: String { "\(major).\(minor)" }
    public var description: String { version }

    public init?(parsing text: String) { self.init(text) }
    public static let textDescription = "a VyOS release"

}

public struct GatewayPlan: Hashable, Sendable, Codable {
    public var name: String
    public var release: VyOSRelease
    public var image: String
    public var interfaces: [GatewayInterfacePlan]
    public var masquerades: [MasqueradePlan]
    public var staticRoutes: [StaticRoutePlan]
    /// BGP on a router (`Router(..., asn:)`).
    public var bgp: BGPRouterPlan? = nil
    public var location: SourceLocation?

    public init(
        name: String, release: VyOSRelease, image: String, interfaces: [GatewayInterfacePlan],
        masquerades: [MasqueradePlan], staticRoutes: [StaticRoutePlan], location: SourceLocation?
    ) {
        self.name = name
        self.release = release
        self.image = image
        self.interfaces = interfaces
        self.masquerades = masquerades
        self.staticRoutes = staticRoutes
        self.location = location
    }

    private enum CodingKeys: String, CodingKey { case name, release, image, interfaces, masquerades, staticRoutes, bgp }
}

/// A gateway interface on a rack bridge (`eth1` on `br-pool0`), or on a link to another gateway.
public struct GatewayInterfacePlan: Hashable, Sendable, Codable {
    public var name: String
    public var address: IPv4Interface
    public var rack: String?
    /// The bridge and port of a rack or transit interface; nil for a point-to-point link or a host (`peer`).
    public var bridge: String?
    public var bridgePort: String?
    /// The router or host at the other end of a point-to-point interface.
    public var peer: InterfacePeer? = nil
    /// `mtu` of the interface; VyOS's default 1500 when nil.
    public var mtu: Int? = nil

    public init(name: String, address: IPv4Interface, rack: String?, bridge: String, bridgePort: String) {
        self.name = name
        self.address = address
        self.rack = rack
        self.bridge = bridge
        self.bridgePort = bridgePort
    }

    public init(name: String, address: IPv4Interface, peer: InterfacePeer, mtu: Int?) {
        self.name = name
        self.address = address
        self.rack = nil
        self.bridge = nil
        self.bridgePort = nil
        self.peer = peer
        self.mtu = mtu
    }
}

public struct MasqueradePlan: Hashable, Sendable, Codable {
    public var rule: Int
    public var source: IPv4Prefix
    public var outbound: String

    public init(rule: Int, source: IPv4Prefix, outbound: String) {
        self.rule = rule
        self.source = source
        self.outbound = outbound
    }
}

/// The transit link between the gateways: one bridge, one interface per gateway on it.
/// Each gateway's interface on it is the `GatewayInterfacePlan` whose `rack` is nil.
public struct TransitPlan: Hashable, Sendable, Codable {
    public var subnet: IPv4Prefix
    public var bridge: String
    /// Where each address came from, by gateway name, in gateway order.
    public var members: [TransitMember]

    public init(subnet: IPv4Prefix, bridge: String, members: [TransitMember]) {
        self.subnet = subnet
        self.bridge = bridge
        self.members = members
    }
}

/// One gateway on the transit link.
public struct TransitMember: Hashable, Sendable, Codable {
    public var gateway: String
    public var address: IPv4Address
    public var addressOrigin: AddressOrigin

    public init(gateway: String, address: IPv4Address, addressOrigin: AddressOrigin) {
        self.gateway = gateway
        self.address = address
        self.addressOrigin = addressOrigin
    }
}

public struct StaticRoutePlan: Hashable, Sendable, Codable {
    public var destination: IPv4Prefix
    public var nextHop: IPv4Address

    public init(destination: IPv4Prefix, nextHop: IPv4Address) {
        self.destination = destination
        self.nextHop = nextHop
    }
}

public struct RackPlan: Hashable, Sendable, Codable {
    public var name: String
    public var subnet: IPv4Prefix
    public var gatewayAddress: IPv4Address?
    public var gateway: String?
    public var bridge: String
    /// Where the subnet came from: written, a node-pool slot, or the next free one of the pool.
    public var subnetOrigin: SubnetOrigin? = nil
    /// The nodes' AS number when the CNI peers BGP with the rack's router.
    public var asn: Int? = nil
    /// Names of the rack's nodes (kind container names), in order.
    public var nodeNames: [String]
    public var location: SourceLocation?

    public init(
        name: String, subnet: IPv4Prefix, gatewayAddress: IPv4Address?, gateway: String?, bridge: String,
        subnetOrigin: SubnetOrigin? = nil, nodeNames: [String], location: SourceLocation?
    ) {
        self.name = name
        self.subnet = subnet
        self.subnetOrigin = subnetOrigin
        self.gatewayAddress = gatewayAddress
        self.gateway = gateway
        self.bridge = bridge
        self.nodeNames = nodeNames
        self.location = location
    }

    private enum CodingKeys: String, CodingKey {
        case name, subnet, subnetOrigin, gatewayAddress, gateway, bridge, asn, nodeNames
    }
}

/// A kind node with its place in the rack.
public struct NodePlan: Hashable, Sendable, Codable {
    /// kind's container name: `<cluster>-control-plane`, `<cluster>-worker2`, ...
    public var name: String
    public var role: NodeRole
    /// Present when the node sits in a rack.
    public var attachment: RackAttachment?
    public var labels: [Label]
    public var location: SourceLocation?

    public init(name: String, role: NodeRole, attachment: RackAttachment?, labels: [Label], location: SourceLocation?) {
        self.name = name
        self.role = role
        self.attachment = attachment
        self.labels = labels
        self.location = location
    }

    private enum CodingKeys: String, CodingKey { case name, role, attachment, labels }
}

/// How a kind node is wired into its rack by a containerlab server.
public struct RackAttachment: Hashable, Sendable, Codable {
    public var rack: String
    public var address: IPv4Interface
    public var addressOrigin: AddressOrigin
    public var defaultGateway: IPv4Address?
    public var server: String
    public var serverImage: String
    /// The server's interface on the rack bridge (`net0`).
    public var interface: String
    public var bridge: String
    public var bridgePort: String

    public init(
        rack: String, address: IPv4Interface, addressOrigin: AddressOrigin, defaultGateway: IPv4Address?,
        server: String, serverImage: String, interface: String, bridge: String, bridgePort: String
    ) {
        self.rack = rack
        self.address = address
        self.addressOrigin = addressOrigin
        self.defaultGateway = defaultGateway
        self.server = server
        self.serverImage = serverImage
        self.interface = interface
        self.bridge = bridge
        self.bridgePort = bridgePort
    }
}
