import LabKit

// A spine/leaf fabric with Calico in BGP mode: two spines sharing AS 65000, a leaf per rack in an
// AS of its own, point-to-point /31 links taken from a LinkPool, and ECMP across the spines
// (multipath-relax). Calico's node-to-node mesh is off: each node peers with its leaf (eBGP, its
// rack's AS), announces its pod blocks, and the fabric carries them; nothing is encapsulated.
let calicoBGPSpineLeaf = Lab("calico-bgp-spine-leaf") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Topology(mtu: 1500)
    Cluster("calico-bgp-spine-leaf", image: "kindest/node:v1.33.1", podSubnet: "10.244.0.0/16") {
        Calico(pool: PodPool("10.244.0.0/16", natOutgoing: true), bgp: CalicoBGP())
    }
    LinkPool("10.1.255.0/24", prefixLength: 31)
    Router("spine0", asn: 65000, vyos: "1.4.9")
    Router("spine1", asn: 65000, vyos: "1.4.9")
    Router("leaf0", asn: 65001, vyos: "1.4.9") {
        Masquerade(source: "10.1.0.0/16", outbound: "eth0")
    }
    Router("leaf1", asn: 65002, vyos: "1.4.9") {
        Masquerade(source: "10.1.0.0/16", outbound: "eth0")
    }
    Link("leaf0", "spine0")
    Link("leaf0", "spine1")
    Link("leaf1", "spine0")
    Link("leaf1", "spine1")
    Rack("rack0", subnet: "10.1.5.0/24", router: "leaf0", asn: 64601) {
        Node(.controlPlane, address: "10.1.5.10")
        Node(.worker, address: "10.1.5.11")
    }
    Rack("rack1", subnet: "10.1.8.0/24", router: "leaf1", asn: 64602) {
        Node(.worker, address: "10.1.8.10")
        Node(.worker, address: "10.1.8.11")
    }
}
