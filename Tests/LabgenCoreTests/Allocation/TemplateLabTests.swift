import Foundation
import LabKit
import LabModel
import TemplateLabs
import Testing

@testable import LabgenCore

@Suite("Built-in template labs")
struct TemplateLabTests {
    static let files = templateLabs.map(\.file)

    static func template(_ file: String) -> TemplateLab { templateLabs.first { $0.file == file }! }

    @Test("every template builds with no diagnostics", arguments: files)
    func buildsCleanly(file: String) throws {
        let lab = Self.template(file).lab
        let compiled = Pipeline.compile(lab.spec)
        // The one note a template may carry: Flannel's DirectRouting does not reach across its racks (LG042),
        // which is what that template demonstrates.
        let expectedNotes: [DiagnosticID] = file == "flannel-vxlan-directrouting.swift" ? ["LG042"] : []
        let unexpected = compiled.diagnostics.filter { !($0.severity == .note && expectedNotes.contains($0.id)) }
        #expect(unexpected.isEmpty, "\(file): \(compiled.diagnostics.map(\.description))")
        #expect(compiled.diagnostics.map(\.id) == expectedNotes)
        #expect(compiled.isWritable)
        // The file is named after the lab.
        #expect(file == "\(lab.spec.name).swift")
    }

    @Test func everyTemplateFileIsInTheCatalog() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: templateFolder.path)
            .filter { $0.hasSuffix(".swift") && $0 != "Catalog.swift" }
        #expect(Set(onDisk) == Set(Self.files))
    }

    @Test("kind-only labs write only the kind side", arguments: ["calico-ipip.swift", "calico-bgp-fullmesh.swift"])
    func kindOnly(file: String) throws {
        let (plan, rendered) = try renderedWithoutDiagnostics(Self.template(file).lab)
        #expect(plan.topology == nil && plan.gateways.isEmpty && plan.racks.isEmpty)
        #expect(
            rendered.artifacts.map(\.path) == [
                "kind.yaml", "calico/installation.yaml", "lab.sh", "lab.json", "topology.md", "topology.svg",
            ])
        #expect(plan.nodes.map(\.role) == [.controlPlane, .worker, .worker])
    }

    @Test func encapsulationOfTheModeLabs() throws {
        func pool(_ file: String) throws -> PodPoolPlan {
            try #require(Pipeline.compile(Self.template(file).lab.spec).plan?.cluster?.pools.first)
        }
        #expect(try pool("calico-ipip.swift").ipipMode == .always)
        #expect(try pool("calico-bgp-fullmesh.swift").ipipMode == .never)
        #expect(try pool("calico-bgp-fullmesh.swift").vxlanMode == .never)
        #expect(try pool("calico-vxlan-crosssubnet.swift").vxlanMode == .crossSubnet)
        #expect(try pool("calico-vxlan-crosssubnet.swift").ipipMode == .never)
    }

    /// The pools-only lab allocates exactly the reference lab's plan: every address, subnet,
    /// gateway interface, rule, name and link. Only the lab name and the recorded origins
    /// (allocated instead of written) differ.
    @Test func poolsLabAllocatesTheReferencePlan() throws {
        let (reference, referenceFiles) = try renderedWithoutDiagnostics(
            Self.template("calico-ipip-crosssubnet.swift").lab)
        let (pools, poolsFiles) = try renderedWithoutDiagnostics(
            Self.template("calico-ipip-crosssubnet-pools.swift").lab)
        #expect(RackAddresses.of(pools) == RackAddresses.of(reference))
        #expect(pools.nodes.compactMap(\.attachment?.addressOrigin).allSatisfy { $0 == .allocated })
        #expect(pools.racks.map(\.subnetOrigin) == [.slot, .slot])

        var normalized = pools
        normalized.name = reference.name
        normalized.location = reference.location
        for index in normalized.racks.indices {
            normalized.racks[index].subnetOrigin = reference.racks[index].subnetOrigin
            normalized.racks[index].location = reference.racks[index].location
        }
        for index in normalized.cluster!.nodes.indices {
            normalized.cluster!.nodes[index].attachment?.addressOrigin = .explicit
            normalized.cluster!.nodes[index].location = reference.nodes[index].location
        }
        for index in normalized.cluster!.pools.indices {
            normalized.cluster!.pools[index].location = reference.cluster!.pools[index].location
        }
        for index in normalized.gateways.indices {
            normalized.gateways[index].location = reference.gateways[index].location
        }
        #expect(normalized == reference)
        // And so every artifact but lab.json is byte for byte the reference's.
        #expect(poolsFiles.artifacts.map(\.path) == referenceFiles.artifacts.map(\.path))
        for artifact in poolsFiles.artifacts where artifact.kind != .labModel {
            let contents = artifact.contents.replacingOccurrences(
                of: "lab '\(pools.name)'", with: "lab '\(reference.name)'"
            )
            .replacingOccurrences(of: "'labgen:\(pools.name)'", with: "'labgen:\(reference.name)'")
            #expect(referenceFiles.artifact(at: artifact.path)?.contents == contents, "\(artifact.path)")
        }
    }

    @Test func threeRacksTwoGateways() throws {
        let (plan, _) = try renderedWithoutDiagnostics(Self.template("calico-ipip-crosssubnet-2gw.swift").lab)
        #expect(plan.racks.map(\.gateway) == ["gw0", "gw0", "gw1"])
        #expect(plan.gateways.map(\.release.series) == ["1.4", "1.2"])
        #expect(plan.transit?.subnet.description == "10.1.255.248/29")
        #expect(plan.gateways[0].staticRoutes.map(\.description) == ["10.1.2.0/24 via 10.1.255.250"])
        #expect(
            plan.gateways[1].staticRoutes.map(\.description) == [
                "10.1.0.0/24 via 10.1.255.249", "10.1.1.0/24 via 10.1.255.249",
            ])
    }
}

extension StaticRoutePlan {
    var description: String { "\(destination) via \(nextHop)" }
}
