import LabKit

// The lab flannel/2-flannel-host-gw/3-manual-host-gateway: no kind cluster, two VyOS routers on a
// point-to-point link, each with a plain host behind it and a static route to the other's subnet
// over the link. It shows by hand what Flannel's host-gw does: route a subnet to the host that has it.
let flannelManualHostGateway = Lab("flannel-manual-host-gateway") {
    Registry(mirror: "192.168.2.100:5000", insecure: true)
    Topology(name: "host-gw", mtu: 1500, serverImage: "192.168.2.100:5000/nettool")
    Router("gw0", vyos: "1.4.9") {
        Masquerade(source: "10.1.0.0/16", outbound: "eth0")
        StaticRoute("10.1.8.0/24", via: "172.18.0.3")
    }
    Router("gw1", vyos: "1.4.9") {
        Masquerade(source: "10.1.0.0/16", outbound: "eth0")
        StaticRoute("10.1.5.0/24", via: "172.18.0.2")
    }
    Link(
        LinkEnd("gw0", interface: "eth2", address: "172.18.0.2"), LinkEnd("gw1", interface: "eth2", address: "172.18.0.3"),
        subnet: "172.18.0.0/24")
    PlainHost("server1", address: "10.1.5.10/24", router: "gw0")
    PlainHost("server2", address: "10.1.8.10/24", router: "gw1")
}
