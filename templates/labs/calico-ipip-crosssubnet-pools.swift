import LabKit

// calico-ipip-crosssubnet written with pools only: no subnet, gateway or node address is
// spelled out, and labgen allocates exactly the reference lab's plan.
//
// - The racks take slots 5 and 8 of the node pool's /24s (10.1.5.0/24 and 10.1.8.0/24, which
//   are not consecutive); without `slot:` they would take 10.1.0.0/24 and 10.1.1.0/24.
// - Each rack's gateway is its first host (.1), nodes count up from host 10.
// - The masquerade rule defaults to the node pool (10.1.0.0/16), bridges to br-pool<n> and
//   servers to server<n>.
// Topology and cluster keep the reference's names, so this is the same lab: deploy one or the other.
let calicoIPIPCrossSubnetPools = Lab("calico-ipip-crosssubnet-pools") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Topology(name: "calico-ipip-crosssubnet", mtu: 1500)
    NodePool("10.1.0.0/16", rackPrefix: 24)
    Cluster("calico-ipip-crosssubnet", image: "burlyluo/kindest:v1.27.3") {
        Calico(
            pool: PodPool("10.244.0.0/16", ipip: .crossSubnet, natOutgoing: true),
            install: .manifest(version: "v3.23.2"))  // as the reference lab it reproduces
    }
    Gateway("gw0", vyos: "1.4.9")
    Rack("rack0", slot: 5) {
        Node(.controlPlane)
        Node(.worker)
    }
    Rack("rack1", slot: 8) {
        Node(.worker)
        Node(.worker)
    }
}
