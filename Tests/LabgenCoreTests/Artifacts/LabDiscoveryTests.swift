import Foundation
import LabModel
import Testing

@testable import LabgenCore

/// `ArtifactDiscovery.read(LabInput)`: what `labgen verify` and `labgen import` read, without the CLI.
@Suite struct LabDiscoveryTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labgen-discovery-\(UUID().uuidString)")

    func write(_ files: [(path: String, text: String)]) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    func option(_ name: String) throws -> VerifyOption {
        try #require(ArtifactDiscovery.verifyOptions.first { $0.name == name })
    }

    @Test func aFolderIsReadByContent() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(TestLab().files)
        let facts = try ArtifactDiscovery.read(LabInput(folder: ("lab", folder), named: [], clusterName: nil))
        // The same facts as the files read in memory (paths relative to the folder).
        let inMemory = TestLab().facts
        #expect(facts.coverage.checked == inMemory.coverage.checked)
        #expect(facts.coverage.checked.count == 4)
        #expect(facts.coverage.notFound.isEmpty)
        #expect(facts.kind?.file == "kind.yaml")
        #expect(Verifier.verify(facts).map(\.description) == Verifier.verify(inMemory).map(\.description))
    }

    @Test func problemsAreErrorsNotFacts() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("missing")
        #expect(throws: LabDiscoveryError.unusable("Cannot read the lab folder 'missing': no such folder.")) {
            try ArtifactDiscovery.read(LabInput(folder: ("missing", missing), named: [], clusterName: nil))
        }
        try write([("notes.txt", "nothing here\n"), ("pool.yaml", "kind: ConfigMap\nmetadata:\n  name: x\n")])
        #expect(
            throws: LabDiscoveryError.noArtifacts(
                "no lab artifacts (kind config, containerlab topology, VyOS, Calico) found in lab; "
                    + "name the lab folder, or the files with --kind, --clab, --vyos, --calico")
        ) {
            try ArtifactDiscovery.read(LabInput(folder: ("lab", folder), named: [], clusterName: nil))
        }
        let named = LabInput.NamedFile(
            path: "pool.yaml", url: folder.appendingPathComponent("pool.yaml"), option: try option("--calico"))
        let holdsNone = "'pool.yaml' holds no Calico IPPool, Installation or calico-node settings."
        #expect(throws: LabDiscoveryError.unusable(holdsNone)) {
            try ArtifactDiscovery.read(LabInput(folder: nil, named: [named], clusterName: nil))
        }
    }

    /// A file named with `--kind` is read as a kind config only, and keeps its folder-relative name.
    @Test func namedFilesAreReadAsTheirKind() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(TestLab().files)
        let kind = LabInput.NamedFile(
            path: folder.appendingPathComponent("kind.yaml").path, url: folder.appendingPathComponent("kind.yaml"),
            option: try option("--kind"))
        let facts = try ArtifactDiscovery.read(LabInput(folder: ("lab", folder), named: [kind], clusterName: "other"))
        #expect(facts.kind?.file == "kind.yaml")
        #expect(facts.clusterName == "other")
        let clab = LabInput.NamedFile(
            path: "kind.yaml", url: folder.appendingPathComponent("kind.yaml"), option: try option("--clab"))
        let wrong = try ArtifactDiscovery.read(LabInput(folder: nil, named: [clab], clusterName: nil))
        let message = "kind.yaml was named as a containerlab topology but does not hold one"
        #expect(wrong.readDiagnostics.map(\.message) == [message])
    }
}
