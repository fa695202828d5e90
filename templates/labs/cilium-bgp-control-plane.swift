import LabKit

// The lab cilium/cilium-1.14.0-rc.0/cilium-bgp-control-plane-features: a spine/leaf fabric of four
// VyOS routers in eBGP (each its own AS), a rack behind each leaf, and Cilium's BGP control plane
// peering every node with its leaf (iBGP in the leaf's AS; the leaf reflects the rack's routes).
// Native routing: the pod CIDRs travel in BGP, nothing is encapsulated. Corrections of the original
// (README, "Deliberate corrections"): spine0's MTU is the fabric's 9000, spine1 has no router-id of
// its own rather than leaf1's, and leaf1 announces its own link subnets.
let ciliumBGPControlPlane = Lab("cilium-bgp-control-plane") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Topology(name: "cilium-bgp", mtu: 9000)
    Cluster("cilium-bgp", image: "kindest/node:v1.27.3", podSubnet: "10.98.0.0/16") {
        Cilium(
            routing: .native(cidr: "10.0.0.0/8"), version: "1.14.0-rc.0",
            bgp: CiliumBGP(announceServices: true, gracefulRestart: 120))
    }
    Router("spine0", asn: 500, vyos: "1.4.7", mtu: 9000)
    Router("spine1", asn: 800, vyos: "1.4.7", mtu: 9000)
    Router("leaf0", asn: 65005, vyos: "1.4.7", routerID: "10.1.5.1", mtu: 9000, routeReflector: true) {
        Masquerade(source: "10.1.0.0/16", outbound: "eth0")
    }
    Router("leaf1", asn: 65008, vyos: "1.4.7", routerID: "10.1.8.1", mtu: 9000, routeReflector: true) {
        Masquerade(source: "10.1.0.0/16", outbound: "eth0")
    }
    Link("leaf0", "spine0", subnet: "10.1.10.0/24")
    Link("leaf0", "spine1", subnet: "10.1.12.0/24")
    Link("leaf1", "spine0", subnet: "10.1.34.0/24")
    Link("leaf1", "spine1", subnet: "10.1.11.0/24")
    Rack("rack0", subnet: "10.1.5.0/24", bridge: "br-leaf0", router: "leaf0") {
        Node(.controlPlane, address: "10.1.5.10", server: "server1")
        Node(.worker, address: "10.1.5.11", server: "server2")
    }
    Rack("rack1", subnet: "10.1.8.0/24", bridge: "br-leaf1", router: "leaf1") {
        Node(.worker, address: "10.1.8.10", server: "server3")
        Node(.worker, address: "10.1.8.11", server: "server4")
    }
}
