import LabKit

// The "Calico IPIP CrossSubnet" lab as its deck describes it (2022): kind v1.23.4 nodes in two
// racks behind a VyOS 1.2.8 gateway, Calico encapsulating with IPIP only between racks.
let calicoIPIPCrossSubnet2022 = Lab("calico-ipip-crosssubnet-2022") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Topology(name: "calico-ipip-crosssubnet")
    Gateway("gw0", vyos: "1.2.8") {
        Masquerade(source: "10.1.0.0/16", outbound: "eth0")
    }
}
