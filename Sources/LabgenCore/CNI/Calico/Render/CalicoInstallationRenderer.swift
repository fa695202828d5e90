import LabFormats
import LabModel

/// calico/installation.yaml: the Tigera operator's `operator.tigera.io/v1` `Installation` named
/// `default`, for labs that install Calico with the operator (`kubectl create -f tigera-operator.yaml`,
/// then `kubectl apply -f calico/installation.yaml`).
///
/// One `calicoNetwork.ipPools` entry per pod pool; `nodeAddressAutodetectionV4.cidrs` holds the rack
/// subnets (what `IP_AUTODETECTION_METHOD=cidr=...` does in manifest mode), and with a registry
/// mirror `registry`/`imagePath` make the operator pull Calico's images from it.
enum CalicoInstallationRenderer {
    static func render(_ plan: LabPlan) -> Artifact? {
        guard let cluster = plan.cluster, !cluster.pools.isEmpty, cluster.calicoInstall?.mode == .operator else {
            return nil
        }
        var spec: [YAMLPair] = []
        if let registry = plan.registry {
            // The operator wants the registry with a trailing '/', and the image path without one.
            spec.append(YAMLPair(key: "registry", value: .string(registry.host + "/")))
            spec.append(YAMLPair(key: "imagePath", value: .string("calico")))
        }
        var network: [YAMLPair] = [YAMLPair(key: "ipPools", value: .sequence(cluster.pools.map(pool)))]
        let subnets = plan.racks.map { YAMLValue.string($0.subnet.description) }
        if !subnets.isEmpty {
            network.append(
                YAMLPair(
                    key: "nodeAddressAutodetectionV4",
                    value: .mapping([YAMLPair(key: "cidrs", value: .sequence(subnets))])))
        }
        spec.append(YAMLPair(key: "calicoNetwork", value: .mapping(network)))
        let document: YAMLValue = .mapping([
            YAMLPair(key: "apiVersion", value: .string("operator.tigera.io/v1")),
            YAMLPair(key: "kind", value: .string("Installation")),
            YAMLPair(key: "metadata", value: .mapping([YAMLPair(key: "name", value: .string("default"))])),
            YAMLPair(key: "spec", value: .mapping(spec)),
        ])
        return Artifact(
            path: ArtifactPaths.calicoInstallation, kind: .calicoInstallation, contents: YAMLWriter.write(document))
    }

    static func pool(_ pool: PodPoolPlan) -> YAMLValue {
        var pairs: [YAMLPair] = [
            YAMLPair(key: "name", value: .string(pool.name)),
            YAMLPair(key: "cidr", value: .string(pool.cidr.description)),
            YAMLPair(key: "blockSize", value: .int(pool.blockSize)),
            YAMLPair(key: "encapsulation", value: .string(encapsulation(ipip: pool.ipipMode, vxlan: pool.vxlanMode))),
            YAMLPair(key: "natOutgoing", value: .string(pool.natOutgoing ? "Enabled" : "Disabled")),
            YAMLPair(key: "nodeSelector", value: .string(pool.nodeSelector)),
        ]
        if pool.disabled { pairs.append(YAMLPair(key: "disableNewAllocations", value: .bool(true))) }
        return .mapping(pairs)
    }

    /// The operator's one `encapsulation` field for the IPPool's two modes (at most one is enabled).
    static func encapsulation(ipip: EncapsulationMode, vxlan: EncapsulationMode) -> String {
        switch (ipip, vxlan) {
        case (.always, _): "IPIP"
        case (.crossSubnet, _): "IPIPCrossSubnet"
        case (_, .always): "VXLAN"
        case (_, .crossSubnet): "VXLANCrossSubnet"
        default: "None"
        }
    }
}
