import Foundation
import LabKit
import LabModel
import Testing

@testable import LabgenCore

// The broken-lab corpus: one mistake per lab, written with the DSL as a user would. Each entry
// names the one diagnostic the mistake must produce and the line it must point at
// (`#line + n`, n being how many lines below the entry's first line the faulty element is).
// The tests below resolve each lab, then build it with `labgen build --model` over an `out/`
// holding a previous good build, and check the exit status and that `out/` is untouched.

/// One invalid lab of the corpus.
struct BrokenLab: Sendable, CustomTestStringConvertible {
    let title: String
    let id: DiagnosticID
    let line: Int
    /// Usually one lab; two for mistakes between labs (two labs with one name).
    let specs: [LabSpec]

    var testDescription: String { "\(id) \(title)" }
}

/// A broken lab named `corpus`, the content written at the call site.
func broken(
    _ title: String, _ id: DiagnosticID, at line: Int, @LabBuilder _ content: () -> [LabComponent]
) -> BrokenLab {
    BrokenLab(title: title, id: id, line: line, specs: [Lab("corpus", content).spec])
}

/// A broken lab whose mistake is in the `Lab(...)` line itself, so it is written at the call site.
func broken(_ title: String, _ id: DiagnosticID, at line: Int, labs: Lab...) -> BrokenLab {
    BrokenLab(title: title, id: id, line: line, specs: labs.map(\.spec))
}

/// The good lab whose earlier build fills `out/` before each broken build.
let goodCorpusLab = Lab("corpus") {
    Cluster("corpus") { Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet)) }
    Gateway("gw0", vyos: "1.4.9")
    Rack("rack0", subnet: "10.1.5.0/24") {
        Node(.controlPlane, address: "10.1.5.10")
        Node(.worker, address: "10.1.5.11")
    }
    Rack("rack1", subnet: "10.1.8.0/24") { Node(.worker, address: "10.1.8.10") }
}

enum Corpus {
    static let cases: [BrokenLab] =
        [
            // MARK: LG100 names that kind, DNS, Linux or VyOS would reject
            broken(
                "lab name that escapes the output folder", "LG100", at: #line + 1,
                labs: Lab("../etc") {
                    Cluster("corpus")
                    Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
                }),
            broken(
                "lab name with an upper-case letter", "LG100", at: #line + 1,
                labs: Lab("Corpus") {
                    Cluster("corpus")
                    Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
                }),
            broken("rack name with a space", "LG100", at: #line + 2) {
                Cluster("corpus")
                Rack("Rack 0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("kind cluster name with an underscore", "LG100", at: #line + 1) {
                Cluster("test_cluster")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("kind node name longer than a host name", "LG100", at: #line + 3) {
                Cluster(String(repeating: "c", count: 50))
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane)
                }
            },
            broken("gateway name that VyOS cannot use as host-name", "LG100", at: #line + 2) {
                Cluster("corpus")
                Gateway("gw_0", vyos: "1.4.9")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("server name with a dot", "LG100", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, server: "server.1")
                }
            },
            broken("topology name with a space", "LG100", at: #line + 2) {
                Cluster("corpus")
                Topology(name: "my lab")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("registry mirror with a scheme", "LG100", at: #line + 1) {
                Registry(mirror: "http://192.168.2.100:5000")
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("unknown kube-proxy mode", "LG100", at: #line + 1) {
                Cluster("corpus", kubeProxyMode: "userspace")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("pool name with an underscore", "LG100", at: #line + 2) {
                Cluster("corpus") {
                    PodPool("10.244.0.0/16", name: "pool_a")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("node selector with a newline", "LG100", at: #line + 2) {
                Cluster("corpus") {
                    PodPool("10.244.0.0/16", nodeSelector: "all()\nrack == 'x'")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },

            // MARK: LG101 addresses
            broken("look-alike character in an address (U+012D)", "LG101", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, address: "10.ĭ.5.10")
                }
            },
            broken("Cyrillic o instead of zero", "LG101", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, address: "1\u{043E}.1.5.10")
                }
            },
            broken("octet greater than 255", "LG101", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, address: "10.1.5.300")
                }
            },
            broken("octet with a leading zero", "LG101", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, address: "10.1.5.010")
                }
            },
            broken("gateway address with three parts", "LG101", at: #line + 3) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9")
                Rack("rack0", subnet: "10.1.5.0/24", gateway: "10.1.5") { Node(.controlPlane) }
            },
            broken("static route with a bad next hop", "LG101", at: #line + 3) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9") {
                    StaticRoute("192.168.0.0/16", via: "10.1.5.")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },

            // MARK: LG102 prefixes
            broken("subnet with host bits set", "LG102", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.1/24") { Node(.controlPlane) }
            },
            broken("subnet without a prefix length", "LG102", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0") { Node(.controlPlane) }
            },
            broken("prefix length 33", "LG102", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/33") { Node(.controlPlane) }
            },
            broken("rack without subnet and no node pool", "LG102", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0") { Node(.controlPlane) }
            },
            broken("pod pool with a trailing space", "LG102", at: #line + 2) {
                Cluster("corpus") {
                    PodPool("10.244.0.0/16 ")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("service subnet with a look-alike slash", "LG102", at: #line + 1) {
                Cluster("corpus", serviceSubnet: "10.96.0.0\u{2215}16")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },

            // MARK: LG103 addresses outside their subnet
            broken("node address outside its rack", "LG103", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, address: "10.1.6.10")
                }
            },
            broken("gateway address outside its rack", "LG103", at: #line + 3) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9")
                Rack("rack0", subnet: "10.1.5.0/24", gateway: "10.1.50.1") { Node(.controlPlane) }
            },

            // MARK: LG104 duplicate addresses
            broken("two nodes with one address", "LG104", at: #line + 4) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, address: "10.1.5.10")
                    Node(.worker, address: "10.1.5.10")
                }
            },
            broken("node on the gateway's address", "LG104", at: #line + 4) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, address: "10.1.5.1")
                }
            },

            // MARK: LG105 duplicate names
            broken("two racks with one name", "LG105", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
                Rack("rack0", subnet: "10.1.6.0/24") { Node(.worker) }
            },
            broken("two pod pools with one name", "LG105", at: #line + 3) {
                Cluster("corpus") {
                    PodPool("10.244.0.0/17", name: "pods")
                    PodPool("10.244.128.0/17", name: "pods")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("server named like the gateway", "LG105", at: #line + 4) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, server: "gw0")
                }
            },
            broken("NAT rule number used twice", "LG105", at: #line + 4) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9") {
                    Masquerade(source: "10.1.5.0/24", rule: 100)
                    Masquerade(source: "10.1.6.0/24", rule: 100)
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken(
                "two labs with one name", "LG105", at: #line + 5,
                labs: Lab("corpus") {
                    Cluster("corpus")
                    Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
                },
                Lab("corpus") {
                    Cluster("other")
                    Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
                }),

            // MARK: LG106 overlapping racks
            broken("rack inside another rack", "LG106", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane, address: "10.1.5.10") }
                Rack("rack1", subnet: "10.1.5.128/25") { Node(.worker, address: "10.1.5.130") }
            },

            // MARK: LG107 pools overlapping
            broken("pod pool over a rack", "LG107", at: #line + 3) {
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
                Cluster("corpus") {
                    PodPool("10.1.0.0/16")
                }
            },
            broken("service subnet over the pod pool (reported at the later pool)", "LG107", at: #line + 2) {
                Cluster("corpus", serviceSubnet: "10.244.128.0/20") {
                    PodPool("10.244.0.0/16")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("pod pool outside the pod subnet", "LG107", at: #line + 2) {
                Cluster("corpus", podSubnet: "10.244.0.0/16") {
                    PodPool("10.245.0.0/16")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("two pod pools overlapping", "LG107", at: #line + 3) {
                Cluster("corpus", podSubnet: "10.244.0.0/16") {
                    PodPool("10.244.0.0/17", name: "a")
                    PodPool("10.244.64.0/18", name: "b")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },

            // MARK: LG108 network and broadcast addresses
            broken("node on the broadcast address", "LG108", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, address: "10.1.5.255")
                }
            },
            broken("node on the network address", "LG108", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, address: "10.1.5.0")
                }
            },
            broken("gateway on the network address", "LG108", at: #line + 3) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9")
                Rack("rack0", subnet: "10.1.5.0/24", gateway: "10.1.5.0") { Node(.controlPlane) }
            },

            // MARK: LG109 Linux interface names
            broken("bridge name longer than 15 characters", "LG109", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24", bridge: "br-very-long-name") { Node(.controlPlane) }
            },
            broken("bridge port name longer than 15 characters", "LG109", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24", bridge: "br-rack-zero") { Node(.controlPlane) }
            },
            broken("bridge name with a slash", "LG109", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24", bridge: "br/0") { Node(.controlPlane) }
            },
            broken("masquerade out of a too long interface", "LG109", at: #line + 3) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9") {
                    Masquerade(outbound: "eth0.vlan-uplink-1")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },

            // MARK: LG110 missing or ambiguous gateway
            broken("rack names a gateway that does not exist", "LG110", at: #line + 3) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9")
                Rack("rack0", subnet: "10.1.5.0/24", router: "gw1") { Node(.controlPlane) }
            },
            broken("two gateways and a rack that names neither", "LG110", at: #line + 4) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9")
                Gateway("gw1", vyos: "1.4.9")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("gateway address but no Gateway", "LG110", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24", gateway: "10.1.5.1") { Node(.controlPlane) }
            },
            broken("pod pool pinned to a rack that does not exist", "LG110", at: #line + 2) {
                Cluster("corpus") {
                    PodPool("10.244.0.0/16", rack: "rack9")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },

            // MARK: LG111 - LG114 structure and pools
            broken("rack with no nodes", "LG111", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
                Rack("rack1", subnet: "10.1.6.0/24") {}
            },
            broken("cluster with no control-plane node", "LG112", at: #line + 1) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.worker) }
            },
            broken("kind-only cluster with no nodes at all", "LG112", at: #line + 1) {
                Cluster("corpus")
            },
            broken("IPIP and VXLAN both enabled", "LG113", at: #line + 2) {
                Cluster("corpus") {
                    PodPool("10.244.0.0/16", ipip: .always, vxlan: .crossSubnet)
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("pool smaller than its block", "LG114", at: #line + 2) {
                Cluster("corpus") {
                    PodPool("10.244.0.0/28")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("block size outside 20...32", "LG114", at: #line + 2) {
                Cluster("corpus") {
                    PodPool("10.244.0.0/16", blockSize: 19)
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },

            // MARK: LG115 misplaced elements
            broken("a second Cluster", "LG115", at: #line + 2) {
                Cluster("corpus")
                Cluster("second")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("a second Registry", "LG115", at: #line + 2) {
                Registry(mirror: "registry.local:5000")
                Registry(mirror: "registry.local:5001")
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("a Node in the Cluster of a lab with racks", "LG115", at: #line + 2) {
                Cluster("corpus") {
                    Node(.worker)
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("a node outside a rack with an address", "LG115", at: #line + 2) {
                Cluster("corpus") {
                    Node(.controlPlane, address: "10.1.5.10")
                }
            },
            broken("a pod pool with rack: and nodeSelector:", "LG115", at: #line + 2) {
                Cluster("corpus") {
                    PodPool("10.244.0.0/16", nodeSelector: "all()", rack: "rack0")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },

            // MARK: LG116 - LG118
            broken("VyOS release without stock configuration", "LG116", at: #line + 2) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.1.8")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("VyOS release neither written nor in the image tag", "LG116", at: #line + 2) {
                Cluster("corpus")
                Gateway("gw0", image: "vyos/vyos")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("VyOS release whose series differs from the image tag's", "LG145", at: #line + 2) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9", image: "vyos/vyos:1.5.0")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("VyOS release that is not a version", "LG116", at: #line + 2) {
                Cluster("corpus")
                Gateway("gw0", vyos: "latest")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("rack that runs out of addresses", "LG117", at: #line + 5) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/29", firstHost: 5) {
                    Node(.controlPlane)
                    Node(.worker)
                    Node(.worker)
                }
            },
            broken("node pool that runs out of racks", "LG117", at: #line + 5) {
                NodePool("10.1.0.0/23", rackPrefix: 24)
                Cluster("corpus")
                Rack("rack0") { Node(.controlPlane) }
                Rack("rack1") { Node(.worker) }
                Rack("rack2") { Node(.worker) }
            },
            broken(
                "lab without a Cluster", "LG118", at: #line + 1,
                labs: Lab("corpus") {
                    Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
                }),

            // MARK: LG119 labels
            broken("node sets the rack label itself", "LG119", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, labels: ["rack": "rack1"])
                }
            },
            broken("label key with a space", "LG119", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, labels: ["node role": "edge"])
                }
            },
            broken("label value with a colon", "LG119", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, labels: ["zone": "eu:west"])
                }
            },

            // MARK: LG120 numbers
            broken("link MTU below IPv4's minimum", "LG120", at: #line + 2) {
                Cluster("corpus")
                Topology(mtu: 50)
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("NAT rule number above 9999", "LG120", at: #line + 3) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9") {
                    Masquerade(source: "10.1.5.0/24", rule: 10000)
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("rack prefix /31 taken from the node pool", "LG120", at: #line + 3) {
                NodePool("10.1.0.0/16")
                Cluster("corpus")
                Rack("rack0", prefixLength: 31) { Node(.controlPlane) }
            },
            broken("node pool with a rack prefix of /31 (no second error at the racks)", "LG120", at: #line + 1) {
                NodePool("10.1.0.0/16", rackPrefix: 31)
                Cluster("corpus")
                Rack("rack0") { Node(.controlPlane) }
            },

            // MARK: LG121 images
            broken("kind image with a space", "LG121", at: #line + 1) {
                Cluster("corpus", image: "kindest/node: v1.23.4")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("server image with a shell character", "LG121", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, serverImage: "nettool;rm -rf /")
                }
            },
            broken("gateway image with a quote", "LG121", at: #line + 2) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9", image: "vyos/vyos:\"1.4\"")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("kind image with an upper-case repository", "LG121", at: #line + 1) {
                Cluster("corpus", image: "Kindest/Node:v1")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("server image with an empty path component", "LG121", at: #line + 2) {
                Cluster("corpus")
                Topology(serverImage: "a//b")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("kind image with two tags", "LG121", at: #line + 1) {
                Cluster("corpus", image: "a:b:c")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("kind image with an empty tag", "LG121", at: #line + 1) {
                Cluster("corpus", image: "kindest/node:")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },

            // MARK: LG122 bridge names containerlab, the shell or ip would misread
            broken("bridge named '*' (a glob)", "LG122", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24", bridge: "*") { Node(.controlPlane) }
            },
            broken("bridge named 'br*' (a glob)", "LG122", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24", bridge: "br*") { Node(.controlPlane) }
            },
            broken("bridge named '~'", "LG122", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24", bridge: "~") { Node(.controlPlane) }
            },
            broken("bridge named '-a'", "LG122", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24", bridge: "-a") { Node(.controlPlane) }
            },
            broken("bridge named '{a}'", "LG122", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24", bridge: "{a}") { Node(.controlPlane) }
            },
            broken("bridge named ';id'", "LG122", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24", bridge: ";id") { Node(.controlPlane) }
            },
            broken("bridge name with a quote", "LG122", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24", bridge: "a'b") { Node(.controlPlane) }
            },
            broken("bridge name with a kernel template '%d'", "LG122", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24", bridge: "br%d") { Node(.controlPlane) }
            },
            broken("bridge named like an ip keyword", "LG122", at: #line + 2) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24", bridge: "up") { Node(.controlPlane) }
            },
            broken("transit bridge named 'dev'", "LG122", at: #line + 2) {
                NodePool("10.1.0.0/16", rackPrefix: 24)
                Transit(bridge: "dev")
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9")
                Gateway("gw1", vyos: "1.4.9")
                Rack("rack0", router: "gw0") { Node(.controlPlane) }
                Rack("rack1", router: "gw1") { Node(.worker) }
            },

            // MARK: LG123 VyOS interface names and host-names
            broken("masquerade out of every interface but eth0", "LG123", at: #line + 3) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9") {
                    Masquerade(source: "10.1.0.0/16", outbound: "!eth0")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("masquerade out of a wildcard", "LG123", at: #line + 3) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4.9") {
                    Masquerade(source: "10.1.0.0/16", outbound: "eth*")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("one-letter gateway name (VyOS host-names have two)", "LG123", at: #line + 2) {
                Cluster("corpus")
                Gateway("g", vyos: "1.4.9")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },

            // MARK: LG124 registry hosts read as Docker Hub users
            broken("registry mirror without a dot or port", "LG124", at: #line + 1) {
                Registry(mirror: "myregistry")
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },

            // MARK: LG125 Calico selectors
            broken("node selector that does not parse", "LG125", at: #line + 2) {
                Cluster("corpus") {
                    PodPool("10.244.0.0/16", nodeSelector: "rack = \"rack0\"")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("node selector with an unclosed set", "LG125", at: #line + 2) {
                Cluster("corpus") {
                    PodPool("10.244.0.0/16", nodeSelector: "rack in {\"rack0\"")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },

            // MARK: LG130 pools
            broken("every pod pool disabled", "LG130", at: #line + 2) {
                Cluster("corpus") {
                    PodPool("10.244.0.0/16", disabled: true)
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },

            // MARK: LG140 Calico install
            broken("Calico release that is not a tag", "LG140", at: #line + 2) {
                Cluster("corpus") {
                    Calico(pool: PodPool("10.244.0.0/16"), install: .operator(version: "3.30"))
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("Calico manifest that would inject shell", "LG140", at: #line + 2) {
                Cluster("corpus") {
                    Calico(pool: PodPool("10.244.0.0/16"), install: .manifest(manifest: "calico.yaml; rm -rf /"))
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            // MARK: LG150-LG152 CNIs
            broken("Calico pools beside Flannel", "LG150", at: #line + 3) {
                Cluster("corpus") {
                    Calico(pool: PodPool("10.244.0.0/16"))
                    Flannel(.vxlan)
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("two Cilium declarations", "LG150", at: #line + 3) {
                Cluster("corpus") {
                    Cilium()
                    Cilium(routing: .tunnel(.geneve))
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("Flannel host-gw with DirectRouting", "LG151", at: #line + 2) {
                Cluster("corpus") {
                    Flannel(.hostGW, directRouting: true)
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("Flannel release that is not a tag", "LG151", at: #line + 2) {
                Cluster("corpus") {
                    Flannel(.vxlan, version: "0.28; reboot")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("Cilium cluster-pool mask size wider than the pool", "LG152", at: #line + 2) {
                Cluster("corpus") {
                    Cilium(ipam: .clusterPool("10.100.0.0/16", maskSize: 12))
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("Cilium kube-proxy replacement with kube-proxy in iptables mode", "LG152", at: #line + 2) {
                Cluster("corpus", kubeProxyMode: "iptables") {
                    Cilium(kubeProxyReplacement: true)
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("Cilium release with a shell character", "LG152", at: #line + 2) {
                Cluster("corpus") {
                    Cilium(version: "1.18.0`id`")
                }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },

            // MARK: LG127 labels kubelet refuses
            broken("node-role label in --node-labels", "LG127", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, labels: ["node-role.kubernetes.io/worker": ""])
                }
            },

            // MARK: LG116 release format, LG119 duplicate label keys
            broken("VyOS release with leading zeros", "LG116", at: #line + 2) {
                Cluster("corpus")
                Gateway("gw0", vyos: "01.04.9")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("VyOS release with a newline", "LG116", at: #line + 2) {
                Cluster("corpus")
                Gateway("gw0", vyos: "1.4-x\nset system", image: "vyos/vyos:1.4.9")
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            },
            broken("label key set twice on a node", "LG119", at: #line + 3) {
                Cluster("corpus")
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, labels: ["tier": "a", "tier": "b"])
                }
            },
        ] + fabricCases

    // MARK: LG160-LG169 routed fabrics
    static let fabricCases: [BrokenLab] = [
        broken("link to a router the lab does not declare", "LG160", at: #line + 4) {
            Cluster("corpus")
            Router("leaf0", asn: 65001, vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            Link("leaf0", "spine9", subnet: "10.0.0.0/31")
        },
        broken("reserved AS number (AS_TRANS)", "LG161", at: #line + 2) {
            Cluster("corpus")
            Router("leaf0", asn: 23456, vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        },
        broken("link without a subnet and no LinkPool", "LG162", at: #line + 5) {
            Cluster("corpus")
            Router("r0", vyos: "1.4.9")
            Router("r1", vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24", router: "r0") { Node(.controlPlane) }
            Link("r0", "r1")
        },
        broken("link on the management interface eth0", "LG163", at: #line + 5) {
            Cluster("corpus")
            Router("r0", vyos: "1.4.9")
            Router("r1", vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24", router: "r0") { Node(.controlPlane) }
            Link(LinkEnd("r0", interface: "eth0"), "r1", subnet: "10.0.0.0/31")
        },
        broken("Cilium BGP with a rack whose router has no AS", "LG164", at: #line + 4) {
            Cluster("corpus") { Cilium(routing: .native(), bgp: CiliumBGP()) }
            Router("gw0", vyos: "1.4.9")
            Router("gw1", asn: 65001, vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24", router: "gw0") { Node(.controlPlane) }
            Link("gw0", "gw1", subnet: "10.0.0.0/31")
        },
        broken("link subnet inside a rack subnet", "LG166", at: #line + 5) {
            Cluster("corpus")
            Router("r0", vyos: "1.4.9")
            Router("r1", vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24", router: "r0") { Node(.controlPlane) }
            Link("r0", "r1", subnet: "10.1.5.254/31")
        },
        broken("router-id that is no address", "LG167", at: #line + 2) {
            Cluster("corpus")
            Router("leaf0", asn: 65001, vyos: "1.4.9", routerID: "10.1.5.one")
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        },
        broken("plain host address without a prefix length", "LG168", at: #line + 4) {
            Cluster("corpus")
            Router("r0", vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            PlainHost("h1", address: "10.2.0.10", router: "r0")
        },
        broken("router MTU above VyOS's limit", "LG169", at: #line + 2) {
            Cluster("corpus")
            Router("r0", vyos: "1.4.9", mtu: 20000)
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        },
    ]
}

@Suite("Broken-lab corpus")
struct BrokenLabCorpusTests {
    /// A folder with `out/` holding an earlier good build of the lab `corpus`, shared by all cases.
    static let goodBuild: Result<URL, any Error> = Result {
        let folder = try makeTemporaryFolder("labgen-corpus-good")
        try LabRegistry.encode([goodCorpusLab.spec]).write(to: folder.appendingPathComponent("good.json"))
        let result = runLabgen(["build", "--model", "good.json", "--output", "out", "--quiet"], in: folder)
        guard result.status == 0 else {
            throw CocoaError(
                .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "good build failed: \(result.err)"])
        }
        return folder.appendingPathComponent("out")
    }

    @Test func corpusIsLargeAndCoversEveryModelCheck() {
        #expect(Corpus.cases.count >= 40)
        let covered = Set(Corpus.cases.map(\.id))
        // Warnings do not stop a build; they are tested on their own (LG126: ToolGrammarTests).
        for check in ModelCheck.allCases where !check.isWarning {
            #expect(covered.contains(check.id), "no broken lab produces \(check.rawValue) (\(check.summary))")
        }
        let titles = Corpus.cases.map(\.title)
        #expect(Set(titles).count == titles.count, "two corpus entries share a title")
    }

    @Test("the model check reports exactly this mistake, at its line", arguments: Corpus.cases)
    func resolverReportsTheMistake(_ entry: BrokenLab) throws {
        // Checks between labs (two labs with one name) are the command's, tested below.
        guard entry.specs.count == 1 else { return }
        let found = Resolver.resolve(entry.specs[0]).diagnostics.filter { $0.severity == .error }
        #expect(found.map(\.id) == [entry.id], "\(found.map(\.description).joined(separator: "\n"))")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.location?.file == corpusFileID)
        #expect(diagnostic.location?.line == entry.line, "\(diagnostic)")
        #expect(!diagnostic.message.isEmpty)
    }

    @Test("labgen build exits 1, shows file:line and leaves out/ untouched", arguments: Corpus.cases)
    func buildRefusesAndLeavesOutputAlone(_ entry: BrokenLab) throws {
        let good = try Self.goodBuild.get()
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        let out = folder.appendingPathComponent("out")
        try copyTree(good, to: out)
        let before = try TreeSnapshot(out)
        #expect(before.entries.keys.contains("corpus/kind.yaml"))

        let result = try buildBroken(entry, in: folder)
        #expect(result.status == 1, "\(result.err)")
        #expect(result.out.isEmpty, "\(result.out)")
        let lines = result.err.split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.contains(": error: ") }
        #expect(errors.count == 1, "\(result.err)")
        let expectedPrefix = "\(corpusFileID):\(entry.line):"
        #expect(
            errors.contains { $0.hasPrefix(expectedPrefix) && $0.hasSuffix("[\(entry.id)]") },
            "expected \(expectedPrefix)...[\(entry.id)] in\n\(result.err)")
        #expect(lines.last?.hasSuffix("nothing was written") == true, "\(result.err)")
        #expect(try TreeSnapshot(out) == before, "out/ changed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["broken.json", "out"])
    }

    @Test func sourceMapShowsTheUsersPath() throws {
        let entry = try #require(Corpus.cases.first { $0.id == "LG101" })
        let folder = try makeTemporaryFolder()
        defer { removeTemporaryFolder(folder) }
        try LabRegistry.encode(entry.specs).write(to: folder.appendingPathComponent("broken.json"))
        let result = runLabgen(
            [
                "build", "--model", "broken.json", "--output", "out", "--source-map",
                "LabgenCorpusTests=Tests/LabgenCorpusTests",
            ],
            in: folder)
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("Tests/LabgenCorpusTests/BrokenLabCorpus.swift:\(entry.line):"), "\(result.err)")
        #expect(result.err.contains("U+012D"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    func buildBroken(_ entry: BrokenLab, in folder: URL) throws -> (status: Int32, out: String, err: String) {
        try LabRegistry.encode(entry.specs).write(to: folder.appendingPathComponent("broken.json"))
        return runLabgen(["build", "--model", "broken.json", "--output", "out"], in: folder)
    }
}
