/// How Calico gets into the cluster: the Tigera operator with an `Installation`, or Calico's
/// `calico.yaml` manifest with the pool set through calico-node's environment.
public struct CalicoInstallSpec: Hashable, Sendable, Codable {
    public var mode: CalicoInstallMode
    /// A Calico release tag such as `v3.30.3`; nil means labgen's pinned default.
    public var version: String?
    /// Where the operator or Calico manifest comes from: an `https://` URL or a local file
    /// (relative to the lab's output folder, or absolute); nil means Calico's own URL for the version.
    public var manifest: String?
    public var location: SourceLocation

    public init(mode: CalicoInstallMode, version: String?, manifest: String?, location: SourceLocation) {
        self.mode = mode
        self.version = version
        self.manifest = manifest
        self.location = location
    }
}

/// A Calico IP pool for pod addresses.
public struct PodPoolSpec: Hashable, Sendable, Codable {
    public var name: String?
    public var cidr: String
    public var blockSize: Int?
    public var ipipMode: EncapsulationMode
    public var vxlanMode: EncapsulationMode
    public var natOutgoing: Bool
    /// A Calico selector expression; nil means `all()` (or the rack's, see `rack`).
    public var nodeSelector: String?
    /// Pins the pool to one rack: `nodeSelector: rack == "<rack>"`.
    public var rack: String?
    public var disabled: Bool
    public var location: SourceLocation

    public init(
        name: String?, cidr: String, blockSize: Int?, ipipMode: EncapsulationMode, vxlanMode: EncapsulationMode,
        natOutgoing: Bool, nodeSelector: String?, rack: String?, disabled: Bool, location: SourceLocation
    ) {
        self.name = name
        self.cidr = cidr
        self.blockSize = blockSize
        self.ipipMode = ipipMode
        self.vxlanMode = vxlanMode
        self.natOutgoing = natOutgoing
        self.nodeSelector = nodeSelector
        self.rack = rack
        self.disabled = disabled
        self.location = location
    }
}
