import LabKit

// Calico without encapsulation on a plain kind cluster (no racks, no gateway): pod routes are
// exchanged over Calico's BGP full mesh, and packets go unencapsulated across the one layer-2
// network. As wcni-kind's calico/5-kind-calico-fullmesh sets it up (IPIP and VXLAN Never).
let calicoBGPFullMesh = Lab("calico-bgp-fullmesh") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Cluster("calico-bgp-fullmesh", image: "kindest/node:v1.23.4") {
        Calico(pool: PodPool("10.244.0.0/16", ipip: .never, vxlan: .never, natOutgoing: true))
        Node(.controlPlane)
        Node(.worker)
        Node(.worker)
    }
}
