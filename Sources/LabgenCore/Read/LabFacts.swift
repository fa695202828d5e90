import LabFormats
import LabModel

/// A `key=value` kubelet node label.
public struct NodeLabel: Hashable, Sendable {
    public var key: String
    public var value: String
}

/// What a kubeadm `InitConfiguration`/`JoinConfiguration` patch sets for the kubelet.
public struct KubeadmPatchFacts: Hashable, Sendable {
    /// `InitConfiguration` or `JoinConfiguration`.
    public var kind: Located<String>
    public var nodeIP: Located<IPv4Address>?
    public var nodeLabels: [Located<NodeLabel>]
    /// `nodeRegistration.name`: which node the document is for (each document of kubeadm.yaml has one).
    public var nodeName: Located<String>? = nil
    /// Where the document starts.
    public var location: SourceLocation
}

/// One entry of kind's `nodes`.
public struct KindNodeFacts: Hashable, Sendable {
    public var role: Located<String>
    public var image: Located<String>?
    public var patches: [KubeadmPatchFacts]
    /// The `- role: ...` item.
    public var location: SourceLocation
}

/// A containerd registry mirror from kind's `containerdConfigPatches`.
public struct RegistryMirrorFacts: Hashable, Sendable {
    public var host: String
    public var endpoints: [Located<String>]
    public var location: SourceLocation
}

/// The kind `Cluster` config.
public struct KindFacts: Hashable, Sendable {
    public var file: String
    public var name: Located<String>?
    public var nodes: [KindNodeFacts]
    /// Cluster-wide `kubeadmConfigPatches`.
    public var patches: [KubeadmPatchFacts]
    public var podSubnet: Located<IPv4Prefix>?
    public var serviceSubnet: Located<IPv4Prefix>?
    public var kubeProxyMode: Located<String>?
    public var disableDefaultCNI: Located<Bool>?
    public var mirrors: [RegistryMirrorFacts]
    public var location: SourceLocation

    /// kind's defaults when the config leaves them out.
    public static let defaultPodSubnet = Conventions.kindPodSubnet
    public static let defaultServiceSubnet = Conventions.kindServiceSubnet
}

/// `ip addr add A/L dev IF` in a containerlab `exec`.
public struct ExecAddress: Hashable, Sendable {
    public var interface: String
    public var address: IPv4Interface
    public var location: SourceLocation

    public init(interface: String, address: IPv4Interface, location: SourceLocation) {
        self.interface = interface
        self.address = address
        self.location = location
    }

    /// The interface a VLAN sub-interface (`net1.5`) sits on, and the VLAN; the interface itself otherwise.
    public var baseInterface: String {
        // Without a "." byte there is no "." Character: the interface itself (the usual case, without `split`).
        guard interface.utf8.contains(UInt8(ascii: ".")) else { return interface }
        return interface.split(separator: ".", maxSplits: 1).first.map(String.init) ?? interface
    }
    public var vlan: String? {
        guard interface.utf8.contains(UInt8(ascii: ".")) else { return nil }
        let parts = interface.split(separator: ".", maxSplits: 1)
        return parts.count == 2 ? String(parts[1]) : nil
    }
}

/// One node of a containerlab topology.
///
/// Its fields live in one shared, copy-on-write storage: the views and rules of `LabView` copy nodes
/// often, and a copy is one reference count instead of one per field (a tenth of the verification of
/// a 10,000-node lab was copying and destroying nodes).
public struct ClabNodeFacts: Hashable, Sendable {
    struct Fields: Hashable, Sendable {
        var name: Located<String>
        var kind: Located<String>?
        var image: Located<String>?
        var networkMode: Located<String>?
        var binds: [Located<String>]
        var addresses: [ExecAddress]
        var defaultRoutes: [Located<IPv4Address>]
        var exec: [Located<String>]
        var vrfs: Set<String>
        var masters: [String: String]
        var mtus: [String: Located<Int>]
    }

    private var storage: CopyOnWriteBox<Fields>

    init(
        name: Located<String>, kind: Located<String>?, image: Located<String>?, networkMode: Located<String>?,
        binds: [Located<String>], addresses: [ExecAddress], defaultRoutes: [Located<IPv4Address>],
        exec: [Located<String>] = [], vrfs: Set<String> = [], masters: [String: String] = [:],
        mtus: [String: Located<Int>] = [:]
    ) {
        storage = CopyOnWriteBox(
            Fields(
                name: name, kind: kind, image: image, networkMode: networkMode, binds: binds, addresses: addresses,
                defaultRoutes: defaultRoutes, exec: exec, vrfs: vrfs, masters: masters, mtus: mtus))
    }

    private var fields: Fields {
        get { storage.value }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = CopyOnWriteBox(storage.value) }
            yield &storage.value
        }
    }

    public var name: Located<String> {
        get { storage.value.name }
        set { fields.name = newValue }
    }
    public var kind: Located<String>? {
        get { storage.value.kind }
        set { fields.kind = newValue }
    }
    public var image: Located<String>? {
        get { storage.value.image }
        set { fields.image = newValue }
    }
    /// The value of `network-mode`, e.g. `container:worker2`.
    public var networkMode: Located<String>? {
        get { storage.value.networkMode }
        set { fields.networkMode = newValue }
    }
    public var binds: [Located<String>] {
        get { storage.value.binds }
        _modify { yield &fields.binds }
    }
    public var addresses: [ExecAddress] {
        get { storage.value.addresses }
        _modify { yield &fields.addresses }
    }
    /// `ip route replace|add default via GW`.
    public var defaultRoutes: [Located<IPv4Address>] {
        get { storage.value.defaultRoutes }
        _modify { yield &fields.defaultRoutes }
    }
    /// Every `exec` command as written (what `labgen emulate` runs verbatim).
    public var exec: [Located<String>] {
        get { storage.value.exec }
        _modify { yield &fields.exec }
    }
    /// VRFs the exec commands create (`ip link add X type vrf`).
    public var vrfs: Set<String> {
        get { storage.value.vrfs }
        _modify { yield &fields.vrfs }
    }
    /// `ip link set X master Y` of the exec commands.
    public var masters: [String: String] {
        get { storage.value.masters }
        _modify { yield &fields.masters }
    }
    /// `ip link set [dev] X mtu N` of the exec commands, by interface (the last one wins).
    public var mtus: [String: Located<Int>] {
        get { storage.value.mtus }
        _modify { yield &fields.mtus }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.value == rhs.storage.value
    }

    public func hash(into hasher: inout Hasher) { storage.value.hash(into: &hasher) }

    /// The VRF an interface is in through its masters (a bridge enslaved to a VRF included).
    public func vrf(of device: String) -> String? {
        var current = device
        for _ in 0..<8 {
            if vrfs.contains(current) { return current }
            guard let master = masters[current] else { return nil }
            current = master
        }
        return nil
    }

    public var isBridge: Bool {
        guard let kind = kind?.value else { return false }
        return kind == "bridge" || kind == "ovs-bridge"
    }
}

/// One `node:interface` of a link.
public struct ClabEndpoint: Hashable, Sendable {
    public let node: String
    public let interface: String
    public var location: SourceLocation
    /// `node:interface`, as containerlab writes an endpoint: made once, when the topology is read
    /// (verification looks every endpoint up by it several times).
    public let key: String

    public init(node: String, interface: String, location: SourceLocation) {
        self.node = node
        self.interface = interface
        self.location = location
        self.key = "\(node):\(interface)"
    }
}

/// One link of a containerlab topology.
public struct ClabLinkFacts: Hashable, Sendable {
    public var endpoints: [ClabEndpoint]
    public var mtu: Located<Int>?
    public var location: SourceLocation
}

/// The containerlab topology.
public struct ClabFacts: Hashable, Sendable {
    public var file: String
    public var name: Located<String>?
    public var nodes: [ClabNodeFacts]
    public var links: [ClabLinkFacts]
    /// containerlab's default link MTU.
    public static let defaultMTU = Conventions.containerlabLinkMTU
}

/// One VyOS interface (`interfaces ethernet eth1 { ... }`).
public struct VyOSInterfaceFacts: Hashable, Sendable {
    public var type: String
    public var name: Located<String>
    public var addresses: [Located<IPv4Interface>]
    public var mtu: Located<Int>?
    /// `vif N` sub-interfaces.
    public var vifs: [VyOSVifFacts] = []
    /// For a bridge: its `member interface X` ports.
    public var members: [String] = []
    /// `vrf NAME`: the interface is in that VRF.
    public var vrf: String?

    /// Every address of the interface and its vifs.
    public var allAddresses: [Located<IPv4Interface>] { addresses + vifs.flatMap(\.addresses) }
}

/// One `protocols static route PREFIX` with its next hops.
public struct StaticRouteFacts: Hashable, Sendable {
    public var destination: Located<IPv4Prefix>
    public var nextHops: [Located<IPv4Address>]
}

/// One `nat source rule N`.
public struct NATRuleFacts: Hashable, Sendable {
    public var number: Located<String>
    public var outboundInterface: Located<String>?
    public var source: Located<IPv4Prefix>?
    public var masquerade: Bool
}

/// A VyOS configuration, config.boot or `set` commands.
public struct VyOSFacts: Hashable, Sendable {
    public var file: String
    public var isSetCommands: Bool
    public var interfaces: [VyOSInterfaceFacts]
    public var natRules: [NATRuleFacts]
    public var staticRoutes: [StaticRouteFacts] = []
    /// Every leaf value, by its path with tag values (`interfaces ethernet eth1 address`), in file order.
    public var settings: [String: [Located<String>]] = [:]
    /// The release the file says it is in (footer, or `# Release version:` of set commands); see
    /// `VyOSFactsReader+Release.swift`.
    public var release: Located<VyOSReleaseEvidence>?
    /// The nodes whose syntax differs between releases (LG146).
    public var releaseSyntax: [Located<VyOSReleaseSyntax>] = []
    public var bgp: RoutingProtocolFacts?
    public var ospf: RoutingProtocolFacts?
}

/// A Calico pool: an `IPPool` document, or the pool calico-node creates from its
/// `CALICO_IPV4POOL_*` environment (then `cidr` is nil when it takes kubeadm's podSubnet).
public struct IPPoolFacts: Hashable, Sendable {
    public var file: String
    public var name: String
    public var cidr: Located<IPv4Prefix>?
    public var blockSize: Located<Int>?
    public var ipipMode: Located<String>?
    public var vxlanMode: Located<String>?
    public var disabled: Bool
    public var fromEnvironment: Bool
    public var location: SourceLocation
    /// `natOutgoing` (calico-node's `CALICO_IPV4POOL_NAT_OUTGOING`, default true for its own pool).
    public var natOutgoing: Bool = false
    /// `nodeSelector`; nil means `all()`.
    public var nodeSelector: Located<String>? = nil

    public var effectiveBlockSize: Int { blockSize?.value ?? Conventions.calicoBlockSize }
    public var ipip: String { ipipMode?.value ?? "Never" }
    public var vxlan: String { vxlanMode?.value ?? "Never" }
}

/// calico-node's IP autodetection, from the calico-node patch or a Calico manifest.
public struct CalicoNodeFacts: Hashable, Sendable {
    public var file: String
    /// `IP_AUTODETECTION_METHOD`; nil when unset (Calico then uses `first-found`).
    public var autodetection: Located<String>?
    public var location: SourceLocation
    /// `CALICO_IPV4POOL_*` of a calico-node patch (not a full DaemonSet, whose environment is a pool
    /// of its own), by variable name: the pool calico-node creates, to agree with the IPPool file.
    public var poolEnvironment: [String: Located<String>] = [:]
}

/// Bridges created by a shell script (`ip link add NAME type bridge`, `brctl addbr NAME`,
/// or a `BRIDGES='a b'` list).
public struct BridgeScriptFacts: Hashable, Sendable {
    public var file: String
    public var bridges: [Located<String>]
    /// False when the script creates a bridge whose name the reader could not resolve.
    public var complete: Bool = true
}

/// A container image reference and whether it is pulled inside the cluster (by containerd in a
/// kind node) or by the host's container engine (containerlab).
public struct ImageReference: Hashable, Sendable {
    public var reference: Located<String>
    public var pulledInCluster: Bool

    /// The registry host when the reference names a private one (`HOST:PORT/…`, an IP address,
    /// `localhost`); nil for Docker Hub and names without a registry part.
    public var privateRegistry: String? {
        let text = reference.value
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let host = String(text[..<slash])
        if host.contains(":") || host == "localhost" { return host }
        if IPv4Address(host) != nil { return host }
        return nil
    }
}

/// Everything read from a lab's artifacts, with positions: the input of the `Verifier`.
public struct LabFacts: Sendable {
    public var kind: KindFacts?
    /// Standalone kubeadm patches (the documents of `kubeadm.yaml`, or `kubeadm/<node>.yaml` files).
    public var kubeadmPatches: [(file: String, patch: KubeadmPatchFacts)] = []
    public var clab: ClabFacts?
    /// Every VyOS configuration found, keyed by file.
    public var vyos: [String: VyOSFacts] = [:]
    public var pools: [IPPoolFacts] = []
    public var calicoNode: [CalicoNodeFacts] = []
    public var bridgeScripts: [BridgeScriptFacts] = []
    /// kube-flannel net-confs (flannel/net-conf.yaml, or the ConfigMap of a kube-flannel.yml).
    public var flannel: [FlannelFacts] = []
    /// Cilium's Helm values (values files, `--set` flags of install commands in scripts).
    public var cilium: [CiliumFacts] = []
    public var images: [ImageReference] = []
    /// `veth_mtu` of Calico's calico-config ConfigMap, when set (not 0 = auto).
    public var vethMTU: Located<Int>?
    /// Files of the lab (as shown in diagnostics), to resolve bind sources.
    public var files: Set<String> = []
    /// Addresses the lab's scripts put on host interfaces (a host bridge as a gateway).
    public var hostAddresses: Set<IPv4Address> = []
    /// Further kind configs found (another cluster of a multi-cluster lab); `kind` is the one checked.
    public var otherKindConfigs: [KindFacts] = []
    /// The nodes' BGP peerings with routers: Calico `BGPPeer`s, Cilium peering policies and cluster configs.
    public var nodeBGPPeers: [NodeBGPPeerFacts] = []
    /// Calico `BGPConfiguration`s.
    public var calicoBGPConfigurations: [CalicoBGPConfigurationFacts] = []
    /// Nodes' Calico AS numbers, by node name: a Calico `Node`'s `spec.bgp.asNumber`, or
    /// `kubectl annotate node NAME projectcalico.org/ASNumber=N` in a script.
    public var nodeASNumbers: [String: Located<String>] = [:]
    /// The kind cluster name given on kind's command line (`kind create cluster --name`).
    public var clusterName: String?
    /// Problems found while reading (unreadable files, unknown fields, wrong types).
    public var readDiagnostics = DiagnosticList()

    public init() {}
}
