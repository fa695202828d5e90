import Foundation
import LabModel
import TemplateLabs
import Testing

@testable import LabgenCore

/// labgen's own output is a hand-written lab like any other: importing what a built-in lab renders
/// and rendering the imported model again gives the same kind config, topology, VyOS config and pools.
@Suite struct ImportTemplateRoundTripTests {
    static let compared = ["kind.yaml", "calico/ippool.yaml", "bridges.sh"]

    // Routed fabrics (links, plain hosts) are beyond what `labgen import` expresses: it refuses them by name.
    @Test(arguments: templateLabs.filter { $0.lab.spec.links.isEmpty && $0.lab.spec.hosts.isEmpty }.map(\.file))
    func importOfARenderedLabRendersTheSameFiles(_ file: String) throws {
        let spec = try #require(templateLabs.first { $0.file == file }?.lab.spec)
        let rendered = try #require(Pipeline.compile(spec).rendered)
        let facts = LabFacts.read(rendered)
        let imported = LabImporter.importLab(facts, name: spec.name)
        #expect(imported.refusals.isEmpty, "\(imported.refusals.map(\.description))")
        let again = try #require(imported.spec.flatMap { Pipeline.compile($0).rendered })
        let more = rendered.artifacts.map(\.path).filter { $0.hasSuffix(".clab.yaml") || $0.hasSuffix("-boot.cfg") }
        #expect(more.filter { $0.hasSuffix("-boot.cfg") }.count == spec.gateways.count)
        for path in Self.compared + more {
            #expect(
                again.artifact(at: path)?.contents == rendered.artifact(at: path)?.contents, "\(spec.name): \(path)")
        }
    }
}
