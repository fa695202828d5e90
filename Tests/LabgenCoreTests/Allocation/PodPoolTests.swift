import LabKit
import LabModel
import Testing

@testable import LabgenCore

/// A two-rack lab whose only pool has the given encapsulation, written on a known line.
func encapsulationLab(ipip: EncapsulationMode, vxlan: EncapsulationMode, poolLine: inout Int) -> Lab {
    poolLine = #line + 3
    return Lab("modes") {
        Cluster("modes") {
            PodPool("10.244.0.0/16", ipip: ipip, vxlan: vxlan)
        }
        Gateway("gw0", vyos: "1.4.9")
        Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        Rack("rack1", subnet: "10.1.8.0/24") { Node(.worker) }
    }
}

@Suite("Pod pools and encapsulation modes")
struct PodPoolTests {
    static let combinations: [(EncapsulationMode, EncapsulationMode)] = EncapsulationMode.allCases.flatMap { ipip in
        EncapsulationMode.allCases.map { (ipip, $0) }
    }

    @Test("every ipipMode/vxlanMode combination renders, or is LG113 at the pool", arguments: combinations)
    func everyMode(ipip: LabModel.EncapsulationMode, vxlan: LabModel.EncapsulationMode) throws {
        var line = 0
        let lab = encapsulationLab(ipip: ipip, vxlan: vxlan, poolLine: &line)
        let compiled = Pipeline.compile(lab.spec)
        if ipip.isEnabled && vxlan.isEnabled {
            #expect(compiled.diagnostics.map(\.id.rawValue) == ["LG113"])
            #expect(compiled.diagnostics.first?.location?.line == line)
            #expect(compiled.rendered == nil)
            return
        }
        if ipip == .never && vxlan == .never {
            // BGP only across racks behind a gateway that does not peer BGP: a warning, still written.
            #expect(compiled.diagnostics.map(\.id.rawValue) == ["LG008"], "\(compiled.diagnostics.map(\.description))")
            #expect(compiled.diagnostics.first?.severity == .warning)
            #expect(compiled.isWritable)
        } else {
            #expect(compiled.diagnostics.isEmpty, "\(compiled.diagnostics.map(\.description))")
        }
        let rendered = try #require(compiled.rendered)
        // The Installation's one encapsulation field carries both modes.
        let pool = try #require(rendered.artifact(at: "calico/installation.yaml")).contents
        let encapsulation = [
            "AlwaysNever": "IPIP", "CrossSubnetNever": "IPIPCrossSubnet", "NeverAlways": "VXLAN",
            "NeverCrossSubnet": "VXLANCrossSubnet", "NeverNever": "None",
        ][ipip.rawValue + vxlan.rawValue]
        #expect(pool.contains("  encapsulation: \(try #require(encapsulation))\n"))
        // Only the pool depends on the mode (and lab.sh, which checks and prints the pool, and the
        // picture, which shows it): kind, containerlab and VyOS files are the same.
        var reference = 0
        let always = try #require(
            Pipeline.compile(encapsulationLab(ipip: .always, vxlan: .never, poolLine: &reference).spec).rendered)
        let poolKinds: Set<Artifact.Kind> = [
            .calicoPools, .calicoInstallation, .labScript, .labModel, .topologyMarkdown, .topologySVG,
        ]
        for artifact in rendered.artifacts where !poolKinds.contains(artifact.kind) {
            #expect(always.artifact(at: artifact.path)?.contents == artifact.contents, "\(artifact.path)")
        }
    }

    @Test func perRackPoolsPinPodAddressesToRacks() throws {
        let lab = Lab("per-rack") {
            NodePool("10.1.0.0/16")
            Cluster("per-rack") {
                PodPool("10.244.0.0/24", ipip: .crossSubnet, rack: "rack0")
                PodPool("10.244.1.0/24", blockSize: 28, ipip: .crossSubnet, rack: "rack1")
                PodPool("10.244.2.0/24", name: "spare", nodeSelector: "!all()", disabled: true)
            }
            Gateway("gw0", vyos: "1.4.9")
            Rack("rack0") { Node(.controlPlane) }
            Rack("rack1") { Node(.worker) }
        }
        let (plan, rendered) = try renderedWithoutDiagnostics(lab)
        let cluster = try #require(plan.cluster)
        #expect(cluster.pools.map(\.name) == ["rack0-ippool", "rack1-ippool", "spare"])
        #expect(cluster.pools.map(\.nodeSelector) == ["rack == \"rack0\"", "rack == \"rack1\"", "!all()"])
        #expect(cluster.pools.map(\.blockSize) == [26, 28, 26])
        // Without a written pod subnet, kubeadm's covers every pool.
        #expect(cluster.podSubnet == IPv4Prefix("10.244.0.0/22"))
        // The operator install (the default) writes the pools into the Installation, not an IPPool file.
        #expect(rendered.artifact(at: "calico/ippool.yaml") == nil)
        let pools = try #require(rendered.artifact(at: "calico/installation.yaml")).contents
        #expect(pools.contains("    nodeSelector: rack == \"rack0\"\n"))
        #expect(pools.contains("    disableNewAllocations: true\n"))
        // The selector matches the rack label labgen gives each node.
        #expect(plan.nodes.map(\.labels) == [[Label("rack", "rack0")], [Label("rack", "rack1")]])
        #expect(rendered.artifact(at: "kubeadm.yaml")?.contents.contains("node-labels: rack=rack1") == true)
    }

    @Test func poolMistakes() {
        func ids(_ pools: [PodPool]) -> [String] {
            diagnostics(
                Lab("test") {
                    Cluster("test", podSubnet: "10.244.0.0/16") { Calico(pools: pools) }
                    Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
                }
            ).map(\.id.rawValue)
        }
        #expect(ids([PodPool("10.244.0.0/24"), PodPool("10.244.0.128/25")]) == ["LG107"])
        #expect(ids([PodPool("10.244.0.0/28")]) == ["LG114"])
        #expect(ids([PodPool("10.244.0.0/28", blockSize: 28)]) == [])
        #expect(ids([PodPool("10.244.0.0/24", blockSize: 19)]) == ["LG114"])
        #expect(ids([PodPool("10.245.0.0/24")]) == ["LG107"])
        #expect(ids([PodPool("10.244.0.0/24", rack: "nowhere")]) == ["LG110"])
        #expect(ids([PodPool("10.244.0.0/24", nodeSelector: "all()", rack: "rack0")]) == ["LG115"])
        #expect(ids([PodPool("10.244.0.0/24", name: "a"), PodPool("10.244.1.0/24", name: "a")]) == ["LG105"])
        let overService = diagnostics(
            Lab("test") {
                Cluster("test") { PodPool("10.96.0.0/20") }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            })
        #expect(overService.map(\.id.rawValue) == ["LG107"])
        let overRack = diagnostics(
            Lab("test") {
                Cluster("test") { PodPool("10.1.0.0/16") }
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            })
        #expect(overRack.map(\.id.rawValue) == ["LG107"])
    }

    @Test func rackAllocationMistakes() {
        let line = #line + 5
        let full = Lab("test") {
            NodePool("10.1.0.0/16")
            Cluster("test")
            Rack("rack0", subnet: "10.1.5.0/29", firstHost: 5) {
                Node(.controlPlane)
                Node(.worker)
                Node(.worker)
            }
        }
        let found = diagnostics(full)
        #expect(found.map(\.id.rawValue) == ["LG117"])
        #expect(found.first?.location?.line == line + 2)
        let badSlot = Lab("test") {
            NodePool("10.1.0.0/16")
            Cluster("test")
            Rack("rack0", slot: 256) { Node(.controlPlane) }
        }
        #expect(diagnostics(badSlot).map(\.id.rawValue) == ["LG117"])
        let twice = Lab("test") {
            NodePool("10.1.0.0/16")
            Cluster("test")
            Rack("rack0", slot: 3) { Node(.controlPlane) }
            Rack("rack1", slot: 3) { Node(.worker) }
        }
        #expect(diagnostics(twice).map(\.id.rawValue) == ["LG106"])
        let both = Lab("test") {
            NodePool("10.1.0.0/16")
            Cluster("test")
            Rack("rack0", subnet: "10.1.3.0/24", slot: 3) { Node(.controlPlane) }
        }
        #expect(diagnostics(both).map(\.id.rawValue) == ["LG115"])
        let noPool = Lab("test") {
            Cluster("test")
            Rack("rack0", slot: 3) { Node(.controlPlane) }
        }
        #expect(diagnostics(noPool).map(\.id.rawValue) == ["LG102"])
    }

    @Test func slotsAreSkippedByRacksAllocatedInOrder() throws {
        let (plan, _) = try renderedWithoutDiagnostics(
            Lab("slots") {
                NodePool("10.1.0.0/16", rackPrefix: 24)
                Cluster("slots")
                Rack("rack0") { Node(.controlPlane) }
                Rack("rack1", slot: 1) { Node(.worker) }
                Rack("rack2") { Node(.worker) }
                Rack("rack3", prefixLength: 26) { Node(.worker) }
            })
        #expect(plan.racks.map(\.subnet.description) == ["10.1.0.0/24", "10.1.1.0/24", "10.1.2.0/24", "10.1.3.0/26"])
        #expect(plan.racks.map(\.subnetOrigin) == [.allocated, .slot, .allocated, .allocated])
    }
}
