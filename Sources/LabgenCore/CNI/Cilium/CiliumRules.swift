import LabModel

extension Rule {
    static let ciliumRules: [Rule] = [
        Rule(
            id: RuleID.ciliumPodCIDR,
            summary: "Cilium's pod CIDRs agree with kind's podSubnet, the nodes and ipv4NativeRoutingCIDR",
            explanation: """
                With ipam.mode kubernetes, Cilium uses the node podCIDRs kube-controller-manager allocates from kind's
                podSubnet. With cluster-pool, Cilium's operator allocates from ipam.operator.clusterPoolIPv4PodCIDRList,
                which must not overlap the node (rack) subnets or the service subnet: pods would shadow nodes or
                Services. In native routing, ipv4NativeRoutingCIDR must hold the pod CIDRs, or Cilium masquerades
                pod-to-pod traffic to the pods outside it (and it must be set at all). Values are read from a Helm
                values file or from --set flags of `cilium install` / `helm install ... cilium/cilium` in a script.
                """, severity: .error),
        Rule(
            id: RuleID.ciliumNativeRoutes,
            summary:
                "Cilium native routing: node pod CIDRs are routed (autoDirectNodeRoutes on one L2, else gateway "
                + "routes)",
            explanation: """
                In native routing Cilium does not encapsulate: the network must route every node's pod CIDR to that
                node.
                autoDirectNodeRoutes installs those routes on each node, but only to nodes on the same layer-2 segment.
                Across racks behind a gateway (or without autoDirectNodeRoutes), the gateways must route each node's pod
                CIDR to the node (static routes, as labgen assumes kube-controller-manager's /24 per node in kind's node
                order) or learn them by BGP. With cluster-pool IPAM the node CIDRs are unknown before the lab runs, so
                only BGP (or tunnel routing) works across racks.
                """, severity: .error),
        Rule(
            id: RuleID.ciliumMTU, summary: "Cilium's MTU (the underlying network's) fits the node links",
            explanation: """
                The chart's MTU value is the underlying network's MTU, not the pods': Cilium takes the tunnel's
                50 bytes (outer IPv4 20, UDP 8, VXLAN/Geneve 8, inner Ethernet 14) off it itself for the pods'
                route MTU in tunnel mode. It must not exceed the smallest node link (containerlab's link MTU, 9500
                when unset); otherwise full-size pod packets are dropped between nodes while small ones (ping) pass.
                """, severity: .error),
        Rule(
            id: RuleID.ciliumKubeProxy,
            summary:
                "Cilium kube-proxy replacement: kind runs no kube-proxy, k8sServiceHost/Port name the control plane",
            explanation: """
                kubeProxyReplacement: true makes Cilium serve Services; kind must then not install kube-proxy
                (networking.kubeProxyMode: none), or both program Service rules. Without kube-proxy the kubernetes
                Service itself is not reachable before Cilium runs, so Cilium needs the API server's real address:
                k8sServiceHost the control-plane node (its rack address, or its kind container name) and
                k8sServicePort 6443. kubeProxyMode: none without the replacement leaves Services unserved.
                """, severity: .error),
    ]
}
