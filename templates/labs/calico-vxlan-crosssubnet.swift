import LabKit

// The reference lab with VXLAN instead of IPIP: two racks behind one VyOS 1.4 gateway, and
// Calico encapsulating (VXLAN) only between nodes in different racks. Only the pool differs
// from calico-ipip-crosssubnet; compare the two labs' out/ folders to see exactly that.
let calicoVXLANCrossSubnet = Lab("calico-vxlan-crosssubnet") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Topology(mtu: 1500)
    Cluster("calico-vxlan-crosssubnet", image: "burlyluo/kindest:v1.27.3", podSubnet: "10.244.0.0/16") {
        Calico(pool: PodPool("10.244.0.0/16", vxlan: .crossSubnet, natOutgoing: true))
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
