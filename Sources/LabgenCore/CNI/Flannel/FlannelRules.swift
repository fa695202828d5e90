import LabModel

extension Rule {
    static let flannelRules: [Rule] = [
        Rule(
            id: RuleID.flannelNetwork, summary: "kube-flannel's net-conf Network equals kind's podSubnet",
            explanation: """
                flanneld (kube-subnet-mgr) takes each node's pod subnet from the node's spec.podCIDR, which
                kube-controller-manager allocates from kubeadm's podSubnet (kind's networking.podSubnet).
                net-conf.json's
                Network must be that subnet: a node podCIDR outside Network makes flanneld exit ("subnet ... is not in
                the network"), and the node never becomes Ready. The net-conf is read from a kube-flannel-cfg ConfigMap
                (labgen's flannel/net-conf.yaml or the one inside kube-flannel.yml).
                """, severity: .error),
        Rule(
            id: RuleID.flannelHostGateway,
            summary: "Flannel host-gw across racks: the gateways route each node's pod subnet to that node",
            explanation: """
                host-gw installs, on every node, a route to each other node's pod subnet via that node's address. The
                kernel accepts such a route only when the next hop is on a connected subnet, so host-gw needs every
                node on one layer-2 segment. With nodes in racks behind a gateway, the routes to nodes in other racks
                are missing and pod traffic follows the default route to the gateway, which must then route each node's
                pod subnet to the node (StaticRoute(podCIDR, via: node address) on the gateway of the node's rack; other
                gateways route it towards that gateway). labgen assumes kube-controller-manager's default allocation:
                podSubnet split into /24s handed out in kind's node order (control plane first); check
                `kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR` in a running lab.
                """, severity: .error),
        Rule(
            id: RuleID.flannelDirectRouting, summary: "Flannel DirectRouting applies only within a subnet",
            explanation: """
                With the vxlan or ipip backend, DirectRouting: true makes flanneld route to nodes on the same subnet
                directly (as host-gw) and encapsulate only to nodes on other subnets. In a lab whose racks are separate
                subnets, cross-rack traffic stays encapsulated: this note says so, so that a capture between racks is
                not a surprise. With host-gw, DirectRouting has no effect (a warning).
                """, severity: .note),
    ]
}
