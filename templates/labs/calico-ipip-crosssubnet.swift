import LabKit

// The "Calico IPIP CrossSubnet" lab as its repository has it today: VyOS 1.4, kind v1.27.3,
// full kind container names, and links with an MTU of 1500.
let calicoIPIPCrossSubnet = Lab("calico-ipip-crosssubnet") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Topology(mtu: 1500)
    Cluster("calico-ipip-crosssubnet", image: "burlyluo/kindest:v1.27.3", podSubnet: "10.244.0.0/16") {
        Calico(
            pool: PodPool("10.244.0.0/16", ipip: .crossSubnet, natOutgoing: true),
            install: .manifest(version: "v3.23.2"))  // the originals apply calico.yaml of v3.23.2
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
