import LabKit
import LabModel
import Testing

@testable import LabgenCore

/// Resolves a lab and returns its diagnostics.
func diagnostics(_ lab: Lab) -> [Diagnostic] { Resolver.resolve(lab.spec).diagnostics }

func resolvedPlan(_ lab: Lab) throws -> LabPlan {
    let resolution = Resolver.resolve(lab.spec)
    #expect(resolution.diagnostics.isEmpty, "\(resolution.diagnostics.map(\.description).joined(separator: "\n"))")
    return try #require(resolution.plan)
}

/// A small consistent lab with one gateway and two racks, used by many tests.
func twoRackLab(
    rack1Subnet: String = "10.1.8.0/24", nodeAddress: String = "10.1.8.10", pool: String = "10.244.0.0/16"
) -> Lab {
    Lab("test") {
        Cluster("test") { Calico(pool: PodPool(pool, ipip: .crossSubnet)) }
        Gateway("gw0", vyos: "1.4.9")
        Rack("rack0", subnet: "10.1.5.0/24") {
            Node(.controlPlane, address: "10.1.5.10")
        }
        Rack("rack1", subnet: rack1Subnet) {
            Node(.worker, address: nodeAddress)
        }
    }
}

@Suite("Resolving labs")
struct ResolverTests {
    @Test func referenceLabResolves() throws {
        let plan = try resolvedPlan(
            Lab("calico-ipip-crosssubnet") {
                Registry(mirror: "192.168.2.100:5000", insecure: true)
                Cluster("calico-ipip-crosssubnet", image: "kindest/node:v1.23.4") {
                    Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet))
                }
                Gateway("gw0", vyos: "1.2.8") { Masquerade(source: "10.1.0.0/16") }
                Rack("rack0", subnet: "10.1.5.0/24") {
                    Node(.controlPlane, address: "10.1.5.10")
                    Node(.worker, address: "10.1.5.11")
                }
                Rack("rack1", subnet: "10.1.8.0/24") {
                    Node(.worker, address: "10.1.8.10")
                    Node(.worker, address: "10.1.8.11")
                }
            })
        #expect(
            plan.nodes.map(\.name) == [
                "calico-ipip-crosssubnet-control-plane", "calico-ipip-crosssubnet-worker",
                "calico-ipip-crosssubnet-worker2", "calico-ipip-crosssubnet-worker3",
            ])
        #expect(plan.nodes.compactMap(\.attachment?.server) == ["server1", "server2", "server3", "server4"])
        #expect(
            plan.nodes.compactMap(\.attachment?.bridgePort) == [
                "br-pool0-net0", "br-pool0-net1", "br-pool1-net0", "br-pool1-net1",
            ])
        #expect(plan.racks.map(\.bridge) == ["br-pool0", "br-pool1"])
        let gateway = try #require(plan.gateways.first)
        #expect(gateway.interfaces.map(\.name) == ["eth1", "eth2"])
        #expect(gateway.interfaces.map(\.address.description) == ["10.1.5.1/24", "10.1.8.1/24"])
        #expect(gateway.interfaces.map(\.bridgePort) == ["br-pool0-net2", "br-pool1-net2"])
        #expect(gateway.image == "192.168.2.100:5000/vyos/vyos:1.2.8")
        #expect(
            gateway.masquerades == [MasqueradePlan(rule: 100, source: IPv4Prefix("10.1.0.0/16")!, outbound: "eth0")])
        #expect(plan.nodes[0].attachment?.serverImage == "192.168.2.100:5000/nettool")
        #expect(plan.nodes[2].labels == [Label("rack", "rack1")])
    }

    @Test func kindNamesCountPerRole() {
        #expect(
            Names.kindContainerNames(cluster: "c", roles: [.controlPlane, .worker, .controlPlane, .worker, .worker])
                == [
                    "c-control-plane", "c-worker", "c-control-plane2", "c-worker2", "c-worker3",
                ])
    }

    @Test func lookAlikeCharacterInAddress() throws {
        let line = #line + 3
        let lab = Lab("test") {
            Cluster("test")
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane, address: "10.ĭ.5.10") }
        }
        let found = diagnostics(lab)
        let diagnostic = try #require(found.first { $0.id == "LG101" })
        #expect(diagnostic.location?.line == line)
        #expect(diagnostic.location?.file == "LabgenCoreTests/ResolverTests.swift")
        #expect(diagnostic.message.contains("U+012D"))
        #expect(Resolver.resolve(lab.spec).plan == nil)
    }

    @Test(
        "single mistakes give one error at the right element",
        arguments: [
            ("address outside subnet", twoRackLab(nodeAddress: "10.1.9.10"), "LG103"),
            ("overlapping racks", twoRackLab(rack1Subnet: "10.1.5.128/25", nodeAddress: "10.1.5.130"), "LG106"),
            ("pool overlaps rack", twoRackLab(pool: "10.1.4.0/22"), "LG107"),
            ("broadcast address", twoRackLab(nodeAddress: "10.1.8.255"), "LG108"),
            ("network address", twoRackLab(nodeAddress: "10.1.8.0"), "LG108"),
            ("host bits in subnet", twoRackLab(rack1Subnet: "10.1.8.1/24"), "LG102"),
        ])
    func singleMistakes(name: String, lab: Lab, id: String) {
        let found = diagnostics(lab)
        #expect(found.map(\.id.rawValue) == [id], "\(name): \(found.map(\.description))")
    }

    @Test func duplicateAddressPointsAtSecondNode() throws {
        let line = #line + 5
        let lab = Lab("test") {
            Cluster("test")
            Rack("rack0", subnet: "10.1.5.0/24") {
                Node(.controlPlane, address: "10.1.5.10")
                Node(.worker, address: "10.1.5.10")
            }
        }
        let diagnostic = try #require(diagnostics(lab).first)
        #expect(diagnostic.id == "LG104")
        #expect(diagnostic.location?.line == line)
        #expect(diagnostic.notes.first?.location?.line == line - 1)
    }

    @Test func gatewayAddressRules() {
        let lab = Lab("test") {
            Cluster("test")
            Gateway("gw0", vyos: "1.2.8")
            Rack("rack0", subnet: "10.1.5.0/24", gateway: "10.1.5.0") { Node(.controlPlane) }
        }
        #expect(diagnostics(lab).map(\.id.rawValue) == ["LG108"])
    }

    @Test func namesThatToolsReject() {
        let longBridge = Lab("test") {
            Cluster("test")
            Rack("rack0", subnet: "10.1.5.0/24", bridge: "br-very-long-name") { Node(.controlPlane) }
        }
        #expect(diagnostics(longBridge).map(\.id.rawValue) == ["LG109"])
        let badRack = Lab("test") {
            Cluster("test")
            Rack("Rack 0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        #expect(diagnostics(badRack).map(\.id.rawValue) == ["LG100"])
        let badLab = Lab("../etc") {
            Cluster("test")
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        #expect(diagnostics(badLab).map(\.id.rawValue) == ["LG100"])
        let badCluster = Lab("test") {
            Cluster("Test_Cluster")
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        #expect(diagnostics(badCluster).map(\.id.rawValue) == ["LG100"])
    }

    @Test func structuralMistakes() {
        let twoClusters = Lab("test") {
            Cluster("a")
            Cluster("b")
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        #expect(diagnostics(twoClusters).map(\.id.rawValue) == ["LG115"])
        let noControlPlane = Lab("test") {
            Cluster("test")
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.worker) }
        }
        #expect(diagnostics(noControlPlane).map(\.id.rawValue) == ["LG112"])
        let emptyRack = Lab("test") {
            Cluster("test")
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            Rack("rack1", subnet: "10.1.6.0/24") {}
        }
        #expect(diagnostics(emptyRack).map(\.id.rawValue) == ["LG111"])
        let noCluster = Lab("test") {
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        #expect(diagnostics(noCluster).map(\.id.rawValue) == ["LG118"])
        let unknownGateway = Lab("test") {
            Cluster("test")
            Gateway("gw0", vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24", router: "gw1") { Node(.controlPlane) }
        }
        #expect(diagnostics(unknownGateway).map(\.id.rawValue) == ["LG110"])
        let oldRelease = Lab("test") {
            Cluster("test")
            Gateway("gw0", vyos: "1.1.8")
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        #expect(diagnostics(oldRelease).map(\.id.rawValue) == ["LG116"])
    }

    @Test func poolChecks() {
        let both = Lab("test") {
            Cluster("test") { PodPool("10.244.0.0/16", ipip: .always, vxlan: .crossSubnet) }
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        #expect(diagnostics(both).map(\.id.rawValue) == ["LG113"])
        let tiny = Lab("test") {
            Cluster("test") { PodPool("10.244.0.0/28") }
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        #expect(diagnostics(tiny).map(\.id.rawValue) == ["LG114"])
        let serviceOverlap = Lab("test") {
            Cluster("test", serviceSubnet: "10.244.128.0/20") { PodPool("10.244.0.0/16") }
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        #expect(diagnostics(serviceOverlap).map(\.id.rawValue) == ["LG107"])
    }
}

@Suite("Address allocation")
struct AllocationTests {
    func pooled(racks: Int, nodes: Int) -> Lab {
        Lab("pooled") {
            NodePool("10.1.0.0/16", rackPrefix: 24)
            Cluster("pooled")
            Gateway("gw0", vyos: "1.4.9")
            for r in 0..<racks {
                Rack("rack\(r)") {
                    for n in 0..<nodes { Node(n == 0 && r == 0 ? .controlPlane : .worker) }
                }
            }
        }
    }

    @Test func allocatesInOrder() throws {
        let plan = try resolvedPlan(pooled(racks: 2, nodes: 2))
        #expect(plan.racks.map(\.subnet.description) == ["10.1.0.0/24", "10.1.1.0/24"])
        #expect(plan.racks.map { $0.gatewayAddress?.description } == ["10.1.0.1", "10.1.1.1"])
        #expect(
            plan.nodes.compactMap { $0.attachment?.address.description } == [
                "10.1.0.10/24", "10.1.0.11/24", "10.1.1.10/24", "10.1.1.11/24",
            ])
        #expect(plan.nodes.allSatisfy { $0.attachment?.addressOrigin == .allocated })
    }

    @Test func stableWhenAppending() throws {
        let small = try resolvedPlan(pooled(racks: 3, nodes: 3))
        let larger = try resolvedPlan(pooled(racks: 4, nodes: 4))
        for (r, rack) in small.racks.enumerated() {
            #expect(larger.racks[r].subnet == rack.subnet)
        }
        let smallByServer = Dictionary(
            uniqueKeysWithValues: small.nodes.compactMap { $0.attachment }.map {
                ($0.rack + "/" + $0.address.description, true)
            })
        let largerAddresses = Set(
            larger.nodes.compactMap { $0.attachment }.map { $0.rack + "/" + $0.address.description })
        for key in smallByServer.keys { #expect(largerAddresses.contains(key)) }
    }

    @Test func skipsExplicitlyTakenAddressesAndSubnets() throws {
        let plan = try resolvedPlan(
            Lab("mixed") {
                NodePool("10.1.0.0/16")
                Cluster("mixed")
                Gateway("gw0", vyos: "1.4.9")
                Rack("rack0") {
                    Node(.controlPlane, address: "10.1.1.10")
                    Node(.worker)
                }
                Rack("rack1", subnet: "10.1.0.0/24") { Node(.worker) }
            })
        // rack0 skips 10.1.0.0/24, which rack1 takes explicitly further down.
        #expect(plan.racks.map(\.subnet.description) == ["10.1.1.0/24", "10.1.0.0/24"])
        #expect(
            plan.nodes.compactMap { $0.attachment?.address.address.description } == [
                "10.1.1.10", "10.1.1.11", "10.1.0.10",
            ])
    }

    @Test func rackRunsOut() throws {
        let line = #line + 3
        let lab = Lab("full") {
            Cluster("full")
            Rack("rack0", subnet: "10.1.5.0/29", firstHost: 5) {
                Node(.controlPlane)
                Node(.worker)
                Node(.worker)
            }
        }
        let found = diagnostics(lab)
        #expect(found.map(\.id.rawValue) == ["LG117"])
        #expect(found.first?.location?.line == line + 3)
    }

    @Test func explicitAddressEqualToAnEarlierAllocationIsADuplicate() {
        let lab = Lab("dup") {
            Cluster("dup")
            Rack("rack0", subnet: "10.1.5.0/24") {
                Node(.controlPlane)
                Node(.worker, address: "10.1.5.10")
            }
        }
        #expect(diagnostics(lab).map(\.id.rawValue) == ["LG104"])
    }

    @Test func nodePoolExhausted() {
        let lab = Lab("small") {
            NodePool("10.1.0.0/23", rackPrefix: 24)
            Cluster("small")
            Rack("rack0") { Node(.controlPlane) }
            Rack("rack1") { Node(.worker) }
            Rack("rack2") { Node(.worker) }
        }
        #expect(diagnostics(lab).map(\.id.rawValue) == ["LG117"])
    }
}

@Suite("Names in messages")
struct DebugEscapedTests {
    @Test func visibleCharactersStayAndInvisibleOnesAreEscaped() {
        #expect("10.ĭ.5.10".debugEscaped == "10.ĭ.5.10")
        #expect("rack\u{202E}0".debugEscaped == "rack\\u{202E}0", "a bidi override could reorder the message")
        #expect("a\u{200B}b".debugEscaped == "a\\u{200B}b")
        #expect("a\nb\tc\u{7}".debugEscaped == "a\\u{A}b\\u{9}c\\u{7}")
        #expect("a\u{00A0}b c".debugEscaped == "a\\u{A0}b c")
    }
}
