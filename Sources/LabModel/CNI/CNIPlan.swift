/// The CNI a cluster installs. Each case's model, renderers, readers and rules live in their own
/// folder (`Sources/LabgenCore/CNI/<Name>/`), so a CNI is added beside the others.
public enum CNIPlan: Hashable, Sendable {
    case calico(CalicoPlan)
    case flannel(FlannelPlan)
    case cilium(CiliumPlan)

    /// The CNI's name as the README and messages write it.
    public var name: String {
        switch self {
        case .calico: "Calico"
        case .flannel: "Flannel"
        case .cilium: "Cilium"
        }
    }
}

extension ClusterPlan {
    /// Calico's plan, when Calico is the CNI.
    public var calico: CalicoPlan? {
        if case .calico(let plan) = cni { return plan }
        return nil
    }

    public var flannel: FlannelPlan? {
        if case .flannel(let plan) = cni { return plan }
        return nil
    }

    public var cilium: CiliumPlan? {
        if case .cilium(let plan) = cni { return plan }
        return nil
    }

    /// Calico's pools; empty unless Calico is the CNI.
    public var pools: [PodPoolPlan] {
        get { calico?.pools ?? [] }
        set {
            cni = newValue.isEmpty && calico == nil ? cni : .calico(CalicoPlan(pools: newValue, install: calicoInstall))
        }
    }
    /// How Calico is installed; nil unless Calico is the CNI.
    public var calicoInstall: CalicoInstallPlan? { calico?.install }
}

// lab.json keeps the form it had before the CNI seam: Calico's `pools` and `calicoInstall` at the
// cluster's level (so Calico labs' lab.json is unchanged), `flannel` or `cilium` beside them.
extension ClusterPlan: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, image, podSubnet, serviceSubnet, disableDefaultCNI, kubeProxyMode, kubeadmPatches, nodes, pools
        case calicoInstall, calicoBGP
        case flannel, cilium
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        image = try c.decodeIfPresent(String.self, forKey: .image)
        podSubnet = try c.decode(IPv4Prefix.self, forKey: .podSubnet)
        serviceSubnet = try c.decodeIfPresent(IPv4Prefix.self, forKey: .serviceSubnet)
        disableDefaultCNI = try c.decode(Bool.self, forKey: .disableDefaultCNI)
        kubeProxyMode = try c.decodeIfPresent(String.self, forKey: .kubeProxyMode)
        kubeadmPatches = try c.decodeIfPresent(KubeadmPatchLayout.self, forKey: .kubeadmPatches)
        nodes = try c.decode([NodePlan].self, forKey: .nodes)
        if let flannel = try c.decodeIfPresent(FlannelPlan.self, forKey: .flannel) {
            cni = .flannel(flannel)
        } else if let cilium = try c.decodeIfPresent(CiliumPlan.self, forKey: .cilium) {
            cni = .cilium(cilium)
        } else {
            let pools = try c.decodeIfPresent([PodPoolPlan].self, forKey: .pools) ?? []
            let install = try c.decodeIfPresent(CalicoInstallPlan.self, forKey: .calicoInstall)
            var calico = CalicoPlan(pools: pools, install: install)
            calico.bgp = try c.decodeIfPresent(CalicoBGPPlan.self, forKey: .calicoBGP)
            cni = pools.isEmpty ? nil : .calico(calico)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(image, forKey: .image)
        try c.encode(podSubnet, forKey: .podSubnet)
        try c.encodeIfPresent(serviceSubnet, forKey: .serviceSubnet)
        try c.encode(disableDefaultCNI, forKey: .disableDefaultCNI)
        try c.encodeIfPresent(kubeProxyMode, forKey: .kubeProxyMode)
        try c.encodeIfPresent(kubeadmPatches, forKey: .kubeadmPatches)
        try c.encode(nodes, forKey: .nodes)
        switch cni {
        case .flannel(let plan): try c.encode(plan, forKey: .flannel)
        case .cilium(let plan): try c.encode(plan, forKey: .cilium)
        case .calico(let plan):
            try c.encode(plan.pools, forKey: .pools)
            try c.encodeIfPresent(plan.install, forKey: .calicoInstall)
            try c.encodeIfPresent(plan.bgp, forKey: .calicoBGP)
        case nil: try c.encode([PodPoolPlan](), forKey: .pools)
        }
    }
}
