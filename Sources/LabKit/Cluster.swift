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
    public init(
        _ name: String, image: String? = nil, podSubnet: String? = nil, serviceSubnet: String? = nil,
        disableDefaultCNI: Bool = true, kubeProxyMode: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column,
        @ClusterBuilder _ content: () -> [ClusterComponent] = { [] }
    ) {
        var spec = ClusterSpec(
            name: name, image: image, podSubnet: podSubnet, serviceSubnet: serviceSubnet,
            disableDefaultCNI: disableDefaultCNI, kubeProxyMode: kubeProxyMode,
            location: Written(fileID, line, column).location)
        for component in content() {
            switch component {
            case .pool(let pool): spec.pools.append(pool)
            case .node(let node): spec.nodes.append(node)
            }
        }
        self.spec = spec
    }

    public var labComponent: LabComponent { LabComponent(kind: .cluster(spec)) }
}

/// Calico as the lab's CNI, with its IP pools.
public struct Calico: Sendable {
    let pools: [PodPoolSpec]

    public init(pool: PodPool) { pools = [pool.spec] }
    public init(pools: [PodPool]) { self.pools = pools.map(\.spec) }
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
