import LabKit

// Calico in IPIP Always mode on a plain kind cluster (no racks, no gateway): every pod packet
// between nodes is IPIP-encapsulated, even though all nodes share kind's docker network.
// As wcni-kind's calico/1-kind-calico-ipip sets it up (CALICO_IPV4POOL_IPIP=Always).
let calicoIPIP = Lab("calico-ipip") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Cluster("calico-ipip", image: "kindest/node:v1.23.4") {
        Calico(pool: PodPool("10.244.0.0/16", ipip: .always, natOutgoing: true))
        Node(.controlPlane)
        Node(.worker)
        Node(.worker)
    }
}
