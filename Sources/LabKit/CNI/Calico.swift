import LabModel

/// Calico as the lab's CNI, with its IP pools and how it is installed.
///
/// ```swift
/// Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet))                    // operator, pinned release
/// Calico(pool: PodPool("10.244.0.0/16"), install: .operator(version: "v3.29.4"))
/// Calico(pool: PodPool("10.244.0.0/16"), install: .manifest(version: "v3.23.2")) // calico.yaml, as the originals
/// ```
public struct Calico: Sendable {
    let pools: [PodPoolSpec]
    let install: CalicoInstallSpec?
    let bgp: CalicoBGPSpec?

    /// - Parameters:
    ///   - install: how Calico gets into the cluster; the Tigera operator with labgen's pinned Calico
    ///     release when nil.
    ///   - bgp: peer every node with its rack's router (a `Router` with an AS) instead of the node-to-node mesh.
    public init(
        pool: PodPool, install: CalicoInstall? = nil, bgp: CalicoBGP? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        self.init(pools: [pool], install: install, bgp: bgp, fileID: fileID, line: line, column: column)
    }

    public init(
        pools: [PodPool], install: CalicoInstall? = nil, bgp: CalicoBGP? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        self.pools = pools.map(\.spec)
        self.bgp = bgp.map { CalicoBGPSpec(asn: $0.asn, location: Written(fileID, line, column).location) }
        self.install = install.map {
            CalicoInstallSpec(
                mode: $0.mode, version: $0.version, manifest: $0.manifest,
                location: Written(fileID, line, column).location)
        }
    }
}

/// How Calico is installed: `.operator(...)` (the Tigera operator and an `Installation`, written to
/// `calico/installation.yaml`) or `.manifest(...)` (Calico's `calico.yaml`, with the pool and IP
/// autodetection set through calico-node's environment by `calico/calico-node-patch.yaml`).
public struct CalicoInstall: Sendable, Hashable {
    let mode: CalicoInstallMode
    let version: String?
    let manifest: String?

    /// The Tigera operator.
    /// - Parameters:
    ///   - version: a Calico release tag (`v3.30.3`); labgen's pinned default when nil.
    ///   - manifest: the operator manifest: an `https://` URL or a local file (relative to the lab's
    ///     output folder) for offline labs; Calico's own `tigera-operator.yaml` of the release when nil.
    public static func `operator`(version: String? = nil, manifest: String? = nil) -> CalicoInstall {
        CalicoInstall(mode: .operator, version: version, manifest: manifest)
    }

    /// Calico's `calico.yaml` manifest (the way the hand-written originals install Calico).
    public static func manifest(version: String? = nil, manifest: String? = nil) -> CalicoInstall {
        CalicoInstall(mode: .manifest, version: version, manifest: manifest)
    }
}

/// A Calico IP pool for pod addresses (`projectcalico.org/v3` `IPPool`).
public struct PodPool: Sendable {
    let spec: PodPoolSpec

    /// - Parameters:
    ///   - cidr: the pool, for example `10.244.0.0/16`.
    ///   - name: the IPPool name; `default-ipv4-ippool` for the first pool (as calico-node names it).
    ///   - blockSize: Calico's block size (default 26).
    ///   - ipip / vxlan: encapsulation; at most one of them may be enabled.
    ///   - nodeSelector: a Calico selector; `all()` when nil.
    ///   - rack: pins the pool to one rack (`rack == "<rack>"`), the usual way to tie pod
    ///     addresses to racks.
    public init(
        _ cidr: String, name: String? = nil, blockSize: Int? = nil,
        ipip: EncapsulationMode = .never, vxlan: EncapsulationMode = .never,
        natOutgoing: Bool = true, nodeSelector: String? = nil, rack: String? = nil, disabled: Bool = false,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        spec = PodPoolSpec(
            name: name, cidr: cidr, blockSize: blockSize, ipipMode: ipip, vxlanMode: vxlan,
            natOutgoing: natOutgoing, nodeSelector: nodeSelector, rack: rack, disabled: disabled,
            location: Written(fileID, line, column).location)
    }
}

/// Calico's BGP with the racks' routers: node-to-node mesh off (`BGPConfiguration`), a `BGPPeer` per
/// rack to its router, and each node in its rack's AS (`Rack(..., asn:)`, else the rack router's AS).
public struct CalicoBGP: Sendable {
    let asn: Int?

    /// - Parameter asn: the cluster's default AS (`BGPConfiguration` `asNumber`); the first rack's AS when nil.
    public init(asn: Int? = nil) { self.asn = asn }
}
