import LabModel

/// One BGP peering of the nodes' BGP speaker (Calico's BIRD, Cilium's BGP control plane) with a router:
/// a Calico `BGPPeer`, or a neighbor of a Cilium `CiliumBGPPeeringPolicy` virtual router
/// (`cilium.io/v2alpha1`) or of a `CiliumBGPClusterConfig` BGP instance (its successor).
public struct NodeBGPPeerFacts: Hashable, Sendable, CustomStringConvertible {
    public enum Source: String, Hashable, Sendable {
        case calicoBGPPeer = "Calico BGPPeer"
        case ciliumPeeringPolicy = "CiliumBGPPeeringPolicy"
        case ciliumClusterConfig = "CiliumBGPClusterConfig"
    }

    public var source: Source
    public var file: String
    /// `metadata.name` of the resource.
    public var name: String
    /// Calico `peerIP` (`IP` or `IP:port`), Cilium `peerAddress` (a CIDR in v2alpha1, an address later), as written.
    public var peerAddress: Located<String>?
    /// The peer's AS: Calico `asNumber`, Cilium `peerASN`.
    public var peerAS: Located<String>?
    /// The nodes' own AS for this peering: Cilium `localASN`, Calico `localASNumber` (nil: the node's AS).
    public var localAS: Located<String>?
    /// Calico `node:` (one node by name).
    public var node: Located<String>?
    /// Calico `nodeSelector` (Calico's selector syntax).
    public var calicoSelector: Located<String>?
    /// Cilium `nodeSelector.matchLabels`; nil when the policy has no nodeSelector (every node).
    public var matchLabels: [String: String]?
    /// A selector labgen does not evaluate (Cilium `matchExpressions`).
    public var selectorUnreadable = false
    public var location: SourceLocation

    /// The peer address without a prefix length or port.
    public var peerIP: IPv4Address? {
        guard let text = peerAddress?.value else { return nil }
        let host = text.split(separator: "/").first.map(String.init) ?? text
        return IPv4Address(host) ?? IPv4Address(String(host.split(separator: ":").first ?? ""))
    }

    /// How messages name it: `Calico BGPPeer 'rack0-tor'`.
    public var description: String { "\(source.rawValue) '\(name)'" }
}

/// Calico's `BGPConfiguration` (`default`, or `node.<name>` for one node).
public struct CalicoBGPConfigurationFacts: Hashable, Sendable {
    public var file: String
    public var name: String
    /// `asNumber`: the default AS of every node (Calico's default 64512).
    public var asNumber: Located<String>?
    public var nodeToNodeMesh: Located<Bool>?
    public var location: SourceLocation

    public static let defaultAS = "64512"
}
