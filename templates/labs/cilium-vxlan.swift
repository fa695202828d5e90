import LabKit

// Cilium with a VXLAN tunnel across two racks: the network needs no pod routes; the MTU in the Helm
// values leaves the 50 bytes of VXLAN on the 1500-byte links.
let ciliumVXLAN = Lab("cilium-vxlan") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Topology(mtu: 1500)
    Cluster("cilium-vxlan", image: "kindest/node:v1.27.3", podSubnet: "10.244.0.0/16") {
        Cilium(routing: .tunnel(.vxlan))
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
