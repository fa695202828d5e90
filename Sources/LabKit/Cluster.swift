import LabModel

/// The kind cluster. Its body holds the Calico pools, and for a kind-only lab its nodes.
public struct Cluster: LabElement, Sendable {
    let spec: ClusterSpec

    /// - Parameters:
    ///   - name: the kind cluster name; node containers are named `<name>-control-plane`, `<name>-worker2`, ...
    ///   - image: the kind node image, for example `kindest/node:v1.23.4`.
    ///   - podSubnet: kubeadm's pod subnet; defaults to the first Calico pool's cidr, else kind's `10.244.0.0/16`.
    ///   - serviceSubnet: the service subnet; kind's default `10.96.0.0/16` when nil.
    ///   - disableDefaultCNI: true unless the lab uses kind's own kindnet.
    ///   - kubeProxyMode: `iptables`, `ipvs` or `none`; kind's default when nil.
    ///   - kubeadmPatches: the standalone kubeadm patches as one multi-document `kubeadm.yaml` (`.oneFile`,
    ///     the default) or as `kubeadm/<node>.yaml` per node (`.perNode`); kind.yaml embeds them either way.
    public init(
        _ name: String, image: String? = nil, podSubnet: String? = nil, serviceSubnet: String? = nil,
        disableDefaultCNI: Bool = true, kubeProxyMode: String? = nil, kubeadmPatches: KubeadmPatchLayout = .oneFile,
        fileID: String = #fileID, line: Int = #line, column: Int = #column,
        @ClusterBuilder _ content: () -> [ClusterComponent] = { [] }
    ) {
        var spec = ClusterSpec(
            name: name, image: image, podSubnet: podSubnet, serviceSubnet: serviceSubnet,
            disableDefaultCNI: disableDefaultCNI, kubeProxyMode: kubeProxyMode,
            location: Written(fileID, line, column).location)
        spec.kubeadmPatches = kubeadmPatches == .oneFile ? nil : kubeadmPatches
        for component in content() {
            switch component {
            case .pool(let pool): spec.pools.append(pool)
            case .calicoInstall(let install): spec.calicoInstalls.append(install)
            case .node(let node): spec.nodes.append(node)
            }
        }
        self.spec = spec
    }

    public var labComponent: LabComponent { LabComponent(kind: .cluster(spec)) }
}

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

    /// - Parameter install: how Calico gets into the cluster; the Tigera operator with labgen's
    ///   pinned Calico release when nil.
    public init(
        pool: PodPool, install: CalicoInstall? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        self.init(pools: [pool], install: install, fileID: fileID, line: line, column: column)
    }

    public init(
        pools: [PodPool], install: CalicoInstall? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) {
        self.pools = pools.map(\.spec)
        self.install = install.map {
            CalicoInstallSpec(
                mode: $0.mode, version: $0.version, manifest: $0.manifest, location: Written(fileID, line, column).location)
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
