import LabFormats
import LabModel

/// cilium/values.yaml: Helm values for the cilium/cilium chart of the lab's Cilium release:
/// routing (native or tunnel), IPAM, kube-proxy replacement, and the MTU when the topology sets one.
/// Installed by `helm install cilium cilium/cilium --version V -n kube-system -f cilium/values.yaml`.
enum CiliumValuesRenderer {
    static func render(_ plan: LabPlan) -> Artifact? {
        guard let cluster = plan.cluster, let cilium = cluster.cilium else { return nil }
        let header =
            "# Helm values of Cilium \(cilium.version) for lab \(plan.name):\n"
            + "# helm install cilium cilium/cilium --version \(cilium.version) -n kube-system -f cilium/values.yaml\n"
        var values: [YAMLPair] = [YAMLPair(key: "routingMode", value: .string(cilium.routingMode.rawValue))]
        if let proto = cilium.tunnelProtocol {
            values.append(YAMLPair(key: "tunnelProtocol", value: .string(proto.rawValue)))
        }
        if let cidr = cilium.nativeRoutingCIDR {
            values.append(YAMLPair(key: "ipv4NativeRoutingCIDR", value: .string(cidr.description)))
        }
        if cilium.routingMode == .native {
            values.append(YAMLPair(key: "autoDirectNodeRoutes", value: .bool(cilium.autoDirectNodeRoutes)))
        }
        var ipam: [YAMLPair] = [YAMLPair(key: "mode", value: .string(cilium.ipamMode.rawValue))]
        if let pool = cilium.clusterPoolCIDR, let mask = cilium.clusterPoolMaskSize {
            ipam.append(
                YAMLPair(
                    key: "operator",
                    value: .mapping([
                        YAMLPair(key: "clusterPoolIPv4PodCIDRList", value: .sequence([.string(pool.description)])),
                        YAMLPair(key: "clusterPoolIPv4MaskSize", value: .int(mask)),
                    ])))
        }
        values.append(YAMLPair(key: "ipam", value: .mapping(ipam)))
        values.append(YAMLPair(key: "kubeProxyReplacement", value: .bool(cilium.kubeProxyReplacement)))
        if let host = cilium.k8sServiceHost { values.append(YAMLPair(key: "k8sServiceHost", value: .string(host))) }
        if let port = cilium.k8sServicePort { values.append(YAMLPair(key: "k8sServicePort", value: .int(port))) }
        // The chart's `MTU` is the underlying network's ("Configure the underlying network MTU to
        // overwrite auto-detected MTU", values.yaml); Cilium itself takes the tunnel's 50 bytes off it
        // for the pods' route MTU (pkg/mtu: route MTU = base MTU - TunnelOverhead in tunnel mode).
        if let linkMTU = plan.topology?.mtu {
            values.append(YAMLPair(key: "MTU", value: .int(linkMTU)))
        }
        if cilium.bgp != nil {
            values.append(
                YAMLPair(key: "bgpControlPlane", value: .mapping([YAMLPair(key: "enabled", value: .bool(true))])))
            if cilium.ipamMode == .kubernetes {
                // The agent waits for its node's pod CIDR, which it announces over BGP.
                values.append(
                    YAMLPair(key: "k8s", value: .mapping([YAMLPair(key: "requireIPv4PodCIDR", value: .bool(true))])))
            }
        }
        // One operator replica: a kind lab may have a single node.
        values.append(YAMLPair(key: "operator", value: .mapping([YAMLPair(key: "replicas", value: .int(1))])))
        return Artifact(
            path: ArtifactPaths.ciliumValues, kind: .ciliumValues,
            contents: header + YAMLWriter.write(documents: [.mapping(values)]))
    }
}
