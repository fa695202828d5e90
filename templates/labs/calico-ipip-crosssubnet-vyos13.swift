import LabKit

// The reference lab ("Calico IPIP CrossSubnet", as its repository has it today) on a VyOS 1.3
// (equuleus) gateway: config.boot in the 1.3 dialect (plain values bare, `system ntp`,
// `outbound-interface eth0` as a leaf, `// vyos-config-version` footer with 1.3's versions).
let calicoIPIPCrossSubnetVyOS13 = Lab("calico-ipip-crosssubnet-vyos13") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Topology(mtu: 1500)
    Cluster("calico-ipip-crosssubnet-vyos13", image: "burlyluo/kindest:v1.27.3", podSubnet: "10.244.0.0/16") {
        Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet, natOutgoing: true))
    }
    Gateway("gw0", vyos: "1.3.8") {
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
