import Foundation
import LabModel
import TemplateLabs
import Testing

@testable import LabgenCore

/// labgen's own output is a hand-written lab like any other: importing what a built-in lab renders
/// and rendering the imported model again gives the same kind config, topology, VyOS config and pools.
@Suite struct ImportTemplateRoundTripTests {
    static let compared = ["kind.yaml", "startup-conf/gw0-boot.cfg", "calico/ippool.yaml"]

    @Test(arguments: templateLabs.filter { $0.lab.spec.gateways.count <= 1 }.map(\.file))
    func importOfARenderedLabRendersTheSameFiles(_ file: String) throws {
        let spec = try #require(templateLabs.first { $0.file == file }?.lab.spec)
        let rendered = try #require(Pipeline.compile(spec).rendered)
        let facts = LabFacts.read(rendered)
        let imported = LabImporter.importLab(facts, name: spec.name)
        #expect(imported.refusals.isEmpty, "\(imported.refusals.map(\.description))")
        let again = try #require(imported.spec.flatMap { Pipeline.compile($0).rendered })
        let clab = rendered.artifacts.first { $0.path.hasSuffix(".clab.yaml") }?.path
        for path in Self.compared + [clab].compactMap({ $0 }) {
            #expect(again.artifact(at: path)?.contents == rendered.artifact(at: path)?.contents, "\(spec.name): \(path)")
        }
    }

    @Test func aSecondGatewayIsRefusedByName() throws {
        let spec = try #require(templateLabs.map(\.lab.spec).first { $0.gateways.count == 2 })
        let rendered = try #require(Pipeline.compile(spec).rendered)
        let imported = LabImporter.importLab(LabFacts.read(rendered), name: spec.name)
        #expect(imported.spec == nil)
        #expect(imported.refusals.contains { $0.message.hasPrefix("a further VyOS gateway 'gw1' (after 'gw0')") })
    }
}
