import LabKit

// Cilium in native routing with kube-proxy replacement across two racks: autoDirectNodeRoutes
// routes between the nodes of a rack, the gateway routes each node's pod /24 (kube-controller-manager's
// allocation in kind's node order, LG044). kind runs no kube-proxy (kubeProxyMode none is implied).
let ciliumNativeRouting = Lab("cilium-native-routing") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Topology(mtu: 1500)
    Cluster("cilium-native", image: "kindest/node:v1.27.3", podSubnet: "10.244.0.0/16") {
        Cilium(routing: .native(cidr: "10.244.0.0/16", autoDirectNodeRoutes: true), kubeProxyReplacement: true)
    }
    Gateway("gw0", vyos: "1.4.9") {
        Masquerade(source: "10.1.0.0/16", outbound: "eth0")
        StaticRoute("10.244.0.0/24", via: "10.1.5.10")
        StaticRoute("10.244.1.0/24", via: "10.1.5.11")
        StaticRoute("10.244.2.0/24", via: "10.1.8.10")
        StaticRoute("10.244.3.0/24", via: "10.1.8.11")
    }
    Rack("rack0", subnet: "10.1.5.0/24", gateway: "10.1.5.1", bridge: "br-pool0") {
        Node(.controlPlane, address: "10.1.5.10", server: "server1")
        Node(.worker, address: "10.1.5.11", server: "server2")
    }
    Rack("rack1", subnet: "10.1.8.0/24", gateway: "10.1.8.1", bridge: "br-pool1") {
        Node(.worker, address: "10.1.8.10", server: "server3")
        Node(.worker, address: "10.1.8.11", server: "server4")
    }
}
