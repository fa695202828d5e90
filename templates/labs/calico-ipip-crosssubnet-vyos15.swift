import LabKit

// The reference lab ("Calico IPIP CrossSubnet", as its repository has it today) on a VyOS 1.5
// (circinus) gateway. The release comes from the image tag: config.boot is written in the 1.5
// dialect (values quoted, `service ntp`, `outbound-interface { name }`, 1.5 component versions).
let calicoIPIPCrossSubnetVyOS15 = Lab("calico-ipip-crosssubnet-vyos15") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Topology(mtu: 1500)
    Cluster("calico-ipip-crosssubnet-vyos15", image: "burlyluo/kindest:v1.27.3", podSubnet: "10.244.0.0/16") {
        Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet, natOutgoing: true))
    }
    Gateway("gw0", image: "192.168.2.100:5000/vyos/vyos:1.5.0") {
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
