import LabKit

// Flannel's host-gw backend across two racks behind one gateway. host-gw routes pod subnets only to
// nodes on the same layer 2, so the gateway routes each node's pod /24 to the node (as the lab
// flannel/2-flannel-host-gw/3-manual-host-gateway does by hand). The /24s assume
// kube-controller-manager's allocation in kind's node order: control plane 10.244.0.0/24, then the
// workers 10.244.1.0/24, 10.244.2.0/24, 10.244.3.0/24 (LG041).
let flannelHostGW = Lab("flannel-host-gw") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Topology(mtu: 1500)
    Cluster("flannel-host-gw", image: "kindest/node:v1.27.3", podSubnet: "10.244.0.0/16") {
        Flannel(.hostGW)
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
