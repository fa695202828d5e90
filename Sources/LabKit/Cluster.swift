import LabModel

/// The kind cluster. Its body holds the CNI (`Calico`, `Flannel` or `Cilium`), and for a kind-only lab its nodes.
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
            case .calicoBGP(let bgp): spec.calicoBGPs.append(bgp)
            case .node(let node): spec.nodes.append(node)
            case .flannel(let flannel): spec.flannels.append(flannel)
            case .cilium(let cilium): spec.ciliums.append(cilium)
            }
        }
        self.spec = spec
    }

    public var labComponent: LabComponent { LabComponent(kind: .cluster(spec)) }
}
