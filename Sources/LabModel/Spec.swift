// The lab as the user described it: the serialized form of the DSL.
//
// Values are kept as the user wrote them (strings), together with the place they were
// written, so that resolution can report `file:line:col: error:` at the user's line.
// LabKit builds a `LabSpec`; a lab program serializes it as JSON; labgen decodes it and
// resolves it into a `LabPlan`. Nothing here knows an output format.

/// A whole lab: racks, nodes, gateways and pools.
public struct LabSpec: Hashable, Sendable, Codable {
    public var name: String
    public var location: SourceLocation
    public var registries: [RegistrySpec] = []
    public var clusters: [ClusterSpec] = []
    public var gateways: [GatewaySpec] = []
    public var racks: [RackSpec] = []
    public var nodePools: [NodePoolSpec] = []
    /// The link between the gateways of a multi-gateway lab (at most one).
    public var transits: [TransitSpec] = []
    public var topologies: [TopologySpec] = []
    /// Point-to-point links between routers, their subnet pool, and plain hosts (see Fabric/).
    public var links: [LinkSpec] = []
    public var linkPools: [LinkPoolSpec] = []
    public var hosts: [HostSpec] = []
    /// Elements written where they do not belong, found only at run time.
    public var misplaced: [MisplacedSpec] = []

    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }
}

/// An element of the DSL that was written in the wrong place (for example a second `Cluster`).
public struct MisplacedSpec: Hashable, Sendable, Codable {
    public var element: String
    public var message: String
    public var location: SourceLocation

    public init(element: String, message: String, location: SourceLocation) {
        self.element = element
        self.message = message
        self.location = location
    }
}

/// A private image registry that the lab pulls from, and that kind's containerd mirrors.
public struct RegistrySpec: Hashable, Sendable, Codable {
    /// `host:port`, for example `192.168.2.100:5000`.
    public var mirror: String
    /// Plain HTTP (an `http://` endpoint) rather than HTTPS.
    public var insecure: Bool
    public var location: SourceLocation

    public init(mirror: String, insecure: Bool, location: SourceLocation) {
        self.mirror = mirror
        self.insecure = insecure
        self.location = location
    }
}

/// containerlab topology settings.
public struct TopologySpec: Hashable, Sendable, Codable {
    /// The topology name; defaults to the lab name.
    public var name: String?
    /// MTU written on every link; containerlab's default is 9500 when unset.
    public var mtu: Int?
    /// Image of the server containers that join the kind nodes' namespaces.
    public var serverImage: String?
    public var location: SourceLocation

    public init(name: String?, mtu: Int?, serverImage: String?, location: SourceLocation) {
        self.name = name
        self.mtu = mtu
        self.serverImage = serverImage
        self.location = location
    }
}

/// The kind cluster.
public struct ClusterSpec: Hashable, Sendable, Codable {
    public var name: String
    /// kind node image, for example `kindest/node:v1.23.4`.
    public var image: String?
    public var podSubnet: String?
    public var serviceSubnet: String?
    public var disableDefaultCNI: Bool
    public var kubeProxyMode: String?
    /// How the standalone kubeadm patches are written; nil means `.oneFile`.
    public var kubeadmPatches: KubeadmPatchLayout?
    public var pools: [PodPoolSpec] = []
    /// How Calico is installed (`Calico(..., install:)`); every one written, to report more than one.
    public var calicoInstalls: [CalicoInstallSpec] = []
    /// `Calico(..., bgp:)`: Calico peers BGP with the racks' routers.
    public var calicoBGPs: [CalicoBGPSpec] = []
    /// `Flannel(...)` and `Cilium(...)` as written (more than one CNI is reported).
    public var flannels: [FlannelSpec] = []
    public var ciliums: [CiliumSpec] = []
    /// Nodes of a kind-only lab (no racks): they get no node-ip and no rack label.
    public var nodes: [NodeSpec] = []
    public var location: SourceLocation

    public init(
        name: String, image: String?, podSubnet: String?, serviceSubnet: String?, disableDefaultCNI: Bool,
        kubeProxyMode: String?, location: SourceLocation
    ) {
        self.name = name
        self.image = image
        self.podSubnet = podSubnet
        self.serviceSubnet = serviceSubnet
        self.disableDefaultCNI = disableDefaultCNI
        self.kubeProxyMode = kubeProxyMode
        self.location = location
    }
}

/// A VyOS router that is the default gateway of one or more racks.
public struct GatewaySpec: Hashable, Sendable, Codable {
    public var name: String
    /// VyOS release, for example `1.2.8`, `1.3.8`, `1.4.9` or `1.5.0`; nil takes it from the image tag.
    public var vyos: String?
    public var image: String?
    /// The gateway's address on the transit link; allocated from the transit subnet when nil.
    public var transitAddress: String?
    public var masquerades: [MasqueradeSpec] = []
    public var staticRoutes: [StaticRouteSpec] = []
    /// A router's BGP (`Router(..., asn:)`); nil for a gateway with static routes only.
    public var bgp: RouterBGPSpec?
    /// MTU of every ethernet interface of the router (a link's own MTU wins); VyOS's 1500 when nil.
    public var mtu: Int?
    public var location: SourceLocation

    public init(name: String, vyos: String?, image: String?, transitAddress: String? = nil, location: SourceLocation) {
        self.name = name
        self.vyos = vyos
        self.image = image
        self.transitAddress = transitAddress
        self.location = location
    }
}

/// A source NAT masquerade rule on a gateway.
public struct MasqueradeSpec: Hashable, Sendable, Codable {
    /// Source prefix; nil means the lab's node pool, else every rack subnet of the gateway.
    public var source: String?
    public var outbound: String
    public var rule: Int?
    public var location: SourceLocation

    public init(source: String?, outbound: String, rule: Int?, location: SourceLocation) {
        self.source = source
        self.outbound = outbound
        self.rule = rule
        self.location = location
    }
}

/// A static route on a gateway.
public struct StaticRouteSpec: Hashable, Sendable, Codable {
    public var destination: String
    public var nextHop: String
    public var location: SourceLocation

    public init(destination: String, nextHop: String, location: SourceLocation) {
        self.destination = destination
        self.nextHop = nextHop
        self.location = location
    }
}

/// The transit link of a lab with more than one gateway: a Linux bridge that every gateway
/// joins with one interface, over which the gateways route to one another's racks.
public struct TransitSpec: Hashable, Sendable, Codable {
    /// The transit subnet; nil means the highest free /29 of the node pool.
    public var subnet: String?
    /// The host bridge; defaults to `br-transit`.
    public var bridge: String?
    public var location: SourceLocation

    public init(subnet: String?, bridge: String?, location: SourceLocation) {
        self.subnet = subnet
        self.bridge = bridge
        self.location = location
    }
}

/// A lab-wide pool of rack subnets.
public struct NodePoolSpec: Hashable, Sendable, Codable {
    public var cidr: String
    public var rackPrefix: Int
    public var location: SourceLocation

    public init(cidr: String, rackPrefix: Int, location: SourceLocation) {
        self.cidr = cidr
        self.rackPrefix = rackPrefix
        self.location = location
    }
}

/// A rack: one layer-2 segment (a Linux bridge) with its subnet and its nodes.
public struct RackSpec: Hashable, Sendable, Codable {
    public var name: String
    public var subnet: String?
    /// Prefix length of the subnet taken from the node pool when `subnet` is nil.
    public var prefixLength: Int?
    /// Position of the rack's subnet in the node pool, counted in subnets of the rack's size
    /// from 0 (slot 5 of `10.1.0.0/16` with /24 racks is `10.1.5.0/24`); nil means the next free one.
    public var slot: Int?
    /// The gateway's address on this rack; defaults to the first host of the subnet.
    public var gatewayAddress: String?
    /// The gateway (by name) that routes this rack; defaults to the only gateway.
    public var gateway: String?
    public var bridge: String?
    /// First host index handed out to nodes without an explicit address (default 10).
    public var firstHost: Int?
    /// The AS number of the rack's nodes when the CNI peers BGP with the rack's router; the router's when nil.
    public var asn: Int?
    public var nodes: [NodeSpec] = []
    public var location: SourceLocation

    public init(
        name: String, subnet: String?, prefixLength: Int?, gatewayAddress: String?, gateway: String?,
        bridge: String?, firstHost: Int?, slot: Int? = nil, location: SourceLocation
    ) {
        self.name = name
        self.subnet = subnet
        self.prefixLength = prefixLength
        self.slot = slot
        self.gatewayAddress = gatewayAddress
        self.gateway = gateway
        self.bridge = bridge
        self.firstHost = firstHost
        self.location = location
    }
}

/// A kind node, and the containerlab server that wires it into its rack.
public struct NodeSpec: Hashable, Sendable, Codable {
    public var role: NodeRole
    public var address: String?
    public var server: String?
    public var serverImage: String?
    /// Extra node labels, in order (the rack label is added by labgen).
    public var labels: [Label] = []
    public var location: SourceLocation

    public init(role: NodeRole, address: String?, server: String?, serverImage: String?, location: SourceLocation) {
        self.role = role
        self.address = address
        self.server = server
        self.serverImage = serverImage
        self.location = location
    }
}

/// A Kubernetes node label.
public struct Label: Hashable, Sendable, Codable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}
