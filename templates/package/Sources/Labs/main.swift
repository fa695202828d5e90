import LabKit

// A lab of the user's own: one kind cluster in two racks behind a VyOS gateway, Calico with
// IPIP between racks only. Each `Lab` this program creates is built into out/<lab name>/.
let lab = Lab("my-lab") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Topology(mtu: 1500)
    Cluster("my-lab", image: "kindest/node:v1.27.3", podSubnet: "10.244.0.0/16") {
        Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet, natOutgoing: true))
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
    }
}
