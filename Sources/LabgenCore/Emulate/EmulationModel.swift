import LabModel

/// How a packet between two pods travels: inside IPIP (protocol 4), VXLAN (UDP, the CNI's port),
/// Geneve (UDP 6081), or as is.
public enum Encapsulation: String, Hashable, Sendable {
    case none = "plain"
    case ipip = "IPIP"
    case vxlan = "VXLAN"
    case geneve = "Geneve"

    /// Bytes the outer headers take from the link MTU.
    public var overhead: Int {
        switch self {
        case .none: 0
        case .ipip: 20
        case .vxlan, .geneve: 50
        }
    }
}

/// A route as `ip route add` takes it.
public struct EmuRoute: Hashable, Sendable {
    public var destination: IPv4Prefix
    public var via: IPv4Address?
    public var device: String?
    public var onlink = false
    public var blackhole = false
    /// `scope link` (a pod's /32 on its veth).
    public var linkScope = false
    /// The route's MTU (Cilium's pod routes in tunnel mode).
    public var mtu: Int?

    public var ipArguments: [String] {
        if blackhole { return ["blackhole", destination.description] }
        var words = [destination.length == 0 ? "default" : destination.description]
        if let via { words += ["via", via.description] }
        if let device { words += ["dev", device] }
        if onlink { words.append("onlink") }
        if linkScope { words += ["scope", "link"] }
        if let mtu { words += ["mtu", String(mtu)] }
        return words
    }

    public var description: String { ipArguments.joined(separator: " ") }
}

/// A masquerade rule (VyOS `nat source ... masquerade`, Calico's natOutgoing).
public struct EmuMasquerade: Hashable, Sendable {
    public var sources: [IPv4Prefix]
    public var exceptDestinations: [IPv4Prefix] = []
    public var outInterface: String?
    /// Why it exists, e.g. `gw0 nat source rule 100` or `natOutgoing of pool default-ipv4-ippool`.
    public var origin: String

    /// The nftables rule (in a `nat` chain hooked at postrouting).
    public var nftRule: String {
        var words: [String] = []
        if let outInterface { words.append("oifname \"\(outInterface)\"") }
        if !sources.isEmpty { words.append("ip saddr { \(sources.map(\.description).joined(separator: ", ")) }") }
        if !exceptDestinations.isEmpty {
            words.append("ip daddr != { \(exceptDestinations.map(\.description).joined(separator: ", ")) }")
        }
        return (words + ["masquerade"]).joined(separator: " ")
    }
}

/// One interface of a namespace as the lab's files say it should be.
public struct EmuInterface: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case veth, bridge, ipip, vxlan, geneve, loopback }
    public var name: String
    public var kind: Kind
    public var addresses: [IPv4Interface] = []
    public var mtu: Int?
    /// The layer-2 segment it is on (a bridge, or the two ends of a veth): `bridge:br-pool0`, `veth:…`.
    public var segment: String?
    /// The bridge it is a port of (interfaces of the host namespace).
    public var master: String?
    /// Answers ARP for any address (a Calico workload veth on the node side).
    public var proxyARP = false
    /// The node side of a pod's veth (Calico's `caliN`, Flannel's `vethN` on cni0, Cilium's `lxcN`).
    public var podVeth = false

    /// A tunnel device the CNI creates (IPIP, VXLAN, Geneve).
    public var isTunnel: Bool { kind == .ipip || kind == .vxlan || kind == .geneve }
}

/// One network namespace of the emulation.
public struct EmuNamespace: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable { case host, node, pod, gateway, outside, other }
    /// Short id, unique in the plan (`host`, `n0`, `n0p1`, `g0`, `out`); the namespace is `<prefix>-<id>`.
    public var id: String
    /// What it stands for: a kind node, a pod (`node/pod0`), a gateway, `host`, `outside`.
    public var label: String
    public var role: Role
    public var interfaces: [EmuInterface] = []
    /// Routes the emulator adds (not the verbatim `exec` commands, whose effect is in `execRoutes`).
    public var routes: [EmuRoute] = []
    /// The effect of the verbatim `exec` commands on routes, as read back (for `--trace`).
    public var execRoutes: [EmuRoute] = []
    public var masquerades: [EmuMasquerade] = []
    public var forwarding = false

    public func interface(_ name: String) -> EmuInterface? { interfaces.first { $0.name == name } }
    public var addresses: [IPv4Address] { interfaces.flatMap { $0.addresses.map(\.address) } }
}

/// A veth pair of a containerlab link (or of the emulator's own wiring).
public struct EmuLink: Hashable, Sendable {
    public var namespaceA: String
    public var interfaceA: String
    public var namespaceB: String
    public var interfaceB: String
    public var mtu: Int
    /// The topology line it comes from (`file:line:col`), or nil for the emulator's own links.
    public var origin: String?
}

/// An IPAM block of a pool, affine to a node.
public struct EmuBlock: Hashable, Sendable {
    public var pool: String
    public var prefix: IPv4Prefix
}

/// A pod of the emulation (a namespace with a /32 on eth0, as Calico's CNI plugin sets it up).
public struct EmuPod: Hashable, Sendable {
    public var name: String
    public var namespace: String
    public var address: IPv4Address
    public var pool: String
    /// The node side of its veth (`cali0`, `cali1`).
    public var hostInterface: String
}

/// A kind node (with the containerlab server that joins its network namespace).
public struct EmuNode: Hashable, Sendable {
    public var name: String
    public var namespace: String
    public var server: String?
    /// The rack bridge its server's link is on (the lab's rack), nil when it has none.
    public var rackBridge: String?
    /// The rack label (`rack=rack0`) when set, else the bridge.
    public var rack: String?
    public var labels: [String: String]
    /// kubelet's node-ip from the kubeadm patch.
    public var nodeIP: IPv4Address?
    /// The CNI's address of the node and the interface it is on: calico-node's after IP
    /// autodetection, Flannel's public IP (the default route's interface), Cilium's node IP.
    public var calicoAddress: IPv4Interface?
    public var calicoInterface: String?
    public var blocks: [EmuBlock] = []
    public var pods: [EmuPod] = []
    public var ipipTunnelAddress: IPv4Address?
    public var vxlanTunnelAddress: IPv4Address?
    public var vxlanMAC: String?
    /// MTU of the pods' veths (Calico: the host interface MTU minus the encapsulation overhead).
    public var podMTU: Int
    /// The MTU of the interface that holds calicoAddress.
    public var hostMTU: Int
    /// The verbatim `exec` commands of its server.
    public var exec: [Located<String>] = []
}

/// A Calico IP pool as the emulator uses it.
public struct EmuPool: Hashable, Sendable {
    public var name: String
    public var cidr: IPv4Prefix
    public var blockSize: Int
    public var ipipMode: String
    public var vxlanMode: String
    public var natOutgoing: Bool
    public var nodeSelector: String
    /// Cilium's Geneve tunnel: `Always` (the other CNIs: `Never`).
    public var geneveMode = "Never"
    /// How the report names the mode (nil: Calico's `ipip M, vxlan M`).
    public var modeDescription: String?

    public var describedMode: String { modeDescription ?? "ipip \(ipipMode), vxlan \(vxlanMode)" }
}

/// A VyOS gateway, configured from its config as read back.
public struct EmuGateway: Hashable, Sendable {
    public var name: String
    public var namespace: String
    public var configFile: String
    /// Its interfaces on rack bridges (where the capture runs), with the bridge.
    public var rackInterfaces: [(interface: String, bridge: String)]

    public static func == (a: EmuGateway, b: EmuGateway) -> Bool {
        a.name == b.name && a.namespace == b.namespace && a.configFile == b.configFile
            && a.rackInterfaces.map(\.interface) == b.rackInterfaces.map(\.interface)
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// A VXLAN peer entry of a node: neighbour (VTEP address -> MAC) and FDB (MAC -> node address).
public struct EmuVXLANPeer: Hashable, Sendable {
    public var vtep: IPv4Address
    public var mac: String
    public var nodeAddress: IPv4Address
}

/// Everything `labgen emulate` builds, computed from the lab's files without touching the system.
public struct EmulationPlan: Sendable {
    public var labName: String
    /// The CNI whose datapath is emulated (`Calico`, `Flannel`, `Cilium`).
    public var cni = "Calico"
    /// The CNI's VXLAN device, VNI and UDP port (Calico: vxlan.calico 4096 4789; Flannel:
    /// flannel.1 1 8472; Cilium: cilium_vxlan, port 8472).
    public var vxlanDevice = "vxlan.calico"
    public var vxlanVNI = 4096
    public var vxlanPort = 4789
    /// Cilium's Geneve port and the VNI the emulation sends.
    public var genevePort = 6081
    public var geneveVNI = 2
    /// What the real lab shows when pods cannot reach pods on other racks without encapsulation
    /// (the CNI's wording; nil: Calico's).
    public var crossRackHint: String?
    public var namespaces: [EmuNamespace] = []
    public var links: [EmuLink] = []
    public var nodes: [EmuNode] = []
    public var gateways: [EmuGateway] = []
    public var pools: [EmuPool] = []
    /// The bridge script (path inside the lab folder) run verbatim in the host namespace.
    public var bridgeScript: String?
    /// The bridges the topology expects (containerlab `kind: bridge` nodes).
    public var topologyBridges: [String] = []
    /// VXLAN peers per node namespace id.
    public var vxlanPeers: [String: [EmuVXLANPeer]] = [:]
    /// calico-node's IP_AUTODETECTION_METHOD as used.
    public var autodetection: String
    /// Where the "outside" (internet) answers pings: behind the gateways' eth0.
    public var outsideAddress = IPv4Address(198, 51, 100, 1)
    /// Observations worth showing with the report (e.g. first-found picked eth0).
    public var notes: [String] = []

    public func namespace(_ id: String) -> EmuNamespace? { namespaces.first { $0.id == id } }
    public func node(named name: String) -> EmuNode? { nodes.first { $0.name == name } }

    /// The pool that holds an address.
    public func pool(of address: IPv4Address) -> EmuPool? { pools.first { $0.cidr.contains(address) } }

    /// The encapsulation with the most overhead any pool uses (what the pods' MTU leaves room for).
    public var largestEncapsulation: Encapsulation {
        if pools.contains(where: { $0.vxlanMode != "Never" }) { return .vxlan }
        if pools.contains(where: { $0.geneveMode != "Never" }) { return .geneve }
        if pools.contains(where: { $0.ipipMode != "Never" }) { return .ipip }
        return .none
    }

    /// The encapsulation the pool's mode asks for between two nodes of the lab's design: racks
    /// are subnets, so CrossSubnet encapsulates exactly between racks.
    public func designEncapsulation(from a: EmuNode, to b: EmuNode, pool: EmuPool) -> Encapsulation {
        let crossRack = a.rackBridge != b.rackBridge
        if pool.ipipMode == "Always" || (pool.ipipMode == "CrossSubnet" && crossRack) { return .ipip }
        if pool.vxlanMode == "Always" || (pool.vxlanMode == "CrossSubnet" && crossRack) { return .vxlan }
        if pool.geneveMode == "Always" || (pool.geneveMode == "CrossSubnet" && crossRack) { return .geneve }
        return .none
    }
}

/// Why a lab cannot be emulated (not a failing check: the files do not describe enough).
public struct EmulationPlanError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
