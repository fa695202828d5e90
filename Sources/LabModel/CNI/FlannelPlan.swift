/// Flannel's backend (`net-conf.json`'s `Backend.Type`).
public enum FlannelBackend: String, Hashable, Sendable, Codable, CaseIterable {
    case vxlan
    case hostGW = "host-gw"
    case ipip
}

/// `Flannel(...)` as written.
public struct FlannelSpec: Hashable, Sendable, Codable {
    public var backend: FlannelBackend
    /// `Backend.DirectRouting` (vxlan and ipip only): nodes on one subnet route directly, like host-gw.
    public var directRouting: Bool
    /// A Flannel release tag (`v0.28.10`); labgen's pinned default when nil.
    public var version: String?
    public var location: SourceLocation

    public init(backend: FlannelBackend, directRouting: Bool, version: String?, location: SourceLocation) {
        self.backend = backend
        self.directRouting = directRouting
        self.version = version
        self.location = location
    }
}

/// Flannel as the cluster's CNI: kube-flannel's manifest of a release, with the lab's net-conf.
/// The net-conf's `Network` is the cluster's pod subnet.
public struct FlannelPlan: Hashable, Sendable, Codable {
    public var backend: FlannelBackend
    public var directRouting: Bool
    public var version: String
    /// kube-flannel.yml of the release.
    public var manifest: String
    public var location: SourceLocation?

    public init(
        backend: FlannelBackend, directRouting: Bool, version: String, manifest: String, location: SourceLocation?
    ) {
        self.backend = backend
        self.directRouting = directRouting
        self.version = version
        self.manifest = manifest
        self.location = location
    }

    private enum CodingKeys: String, CodingKey { case backend, directRouting, version, manifest }

    /// The Flannel release labgen installs when the lab does not say (see README, "CNIs").
    public static let defaultVersion = "v0.28.10"

    /// Flannel's own manifest for `version`, as its README installs it (the release asset).
    public static func upstreamManifest(version: String) -> String {
        "https://github.com/flannel-io/flannel/releases/download/\(version)/kube-flannel.yml"
    }

    /// The namespace kube-flannel's manifest creates and runs in.
    public static let namespace = "kube-flannel"
    /// kube-controller-manager's default node CIDR mask (`--node-cidr-mask-size`), which Flannel's
    /// subnet manager (`kube-subnet-mgr`) takes the node pod subnets from.
    public static let nodeCIDRMaskSize = 24
}
