import LabKit

// Flannel's vxlan backend with DirectRouting on the reference lab's racks: nodes of one rack route
// to each other directly, nodes of different racks (different subnets) through VXLAN.
let flannelVXLANDirectRouting = Lab("flannel-vxlan-directrouting") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Topology(mtu: 1500)
    Cluster("flannel-vxlan", image: "kindest/node:v1.27.3", podSubnet: "10.244.0.0/16") {
        Flannel(.vxlan, directRouting: true)
    }
    Gateway("gw0", vyos: "1.4.9") {
        Masquerade(source: "10.1.0.0/16", outbound: "eth0")
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
