import LabKit

// Three racks behind two VyOS gateways: gw0 routes rack0 and rack1, gw1 routes rack2. The
// gateways share a transit bridge (br-transit) on the highest free /29 of the node pool
// (10.1.255.248/29: gw0 .249, gw1 .250), and each has a static route to the other's racks
// via the other's transit address, so nodes in every rack reach one another. Calico IPIP
// CrossSubnet encapsulates between racks. gw1 runs the 2022 release (1.2.8), so the lab
// exercises both config.boot dialects.
let calicoIPIPCrossSubnet2GW = Lab("calico-ipip-crosssubnet-2gw") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Topology(mtu: 1500)
    NodePool("10.1.0.0/16", rackPrefix: 24)
    Cluster("calico-ipip-crosssubnet-2gw", image: "burlyluo/kindest:v1.27.3", kubeadmPatches: .perNode) {
        Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet, natOutgoing: true))
    }
    Gateway("gw0", vyos: "1.4.9")
    Gateway("gw1", vyos: "1.2.8")
    Rack("rack0", router: "gw0") {
        Node(.controlPlane)
        Node(.worker)
    }
    Rack("rack1", router: "gw0") {
        Node(.worker)
        Node(.worker)
    }
    Rack("rack2", router: "gw1") {
        Node(.worker)
        Node(.worker)
    }
}
