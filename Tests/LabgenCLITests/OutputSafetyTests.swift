import Foundation
import Testing

@testable import LabgenCLI

/// `labgen build` with several labs and symbolic links in the output folder.
@Suite("labgen build: output safety")
struct OutputSafetyTests {
    @Test func anErrorInTheSecondLabWritesNothingInTheFirst() throws {
        let workspace = try Workspace()
        // Per-node kubeadm patches: the second lab has a kubeadm/ folder that the new model writes into.
        try workspace.writeModel(
            [sampleLab(name: "alpha"), sampleLab(name: "beta", kubeadmPatches: .perNode)], to: "old.json")
        try workspace.writeModel(
            [
                sampleLab(name: "alpha", extraWorker: true),
                sampleLab(name: "beta", extraWorker: true, kubeadmPatches: .perNode),
            ],
            to: "new.json")
        #expect(workspace.labgen(["build", "--model", "old.json", "--quiet"]).status == 0)
        // The second lab cannot be written: its kubeadm folder is now a link to somewhere else.
        let elsewhere = workspace.path("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: workspace.path("out/beta/kubeadm"))
        try FileManager.default.createSymbolicLink(
            at: workspace.path("out/beta/kubeadm"), withDestinationURL: elsewhere)
        let alphaBefore = workspace.snapshot("out/alpha")

        let result = workspace.labgen(["build", "--model", "new.json"])
        #expect(result.status != 0)
        #expect(result.err.contains("out/beta/kubeadm"), "\(result.err)")
        #expect(result.err.contains("symbolic link"), "\(result.err)")
        #expect(workspace.snapshot("out/alpha") == alphaBefore, "the first lab was written although the second failed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: workspace.path("out").path).sorted() == [
                "alpha", "beta",
            ])
    }

    @Test func anOutputFolderThatIsALinkIsRefusedWithTheFix() throws {
        let workspace = try Workspace()
        try workspace.writeModel([sampleLab()], to: "lab.json")
        let real = workspace.path("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: workspace.path("out"), withDestinationURL: real)
        let result = workspace.labgen(["build", "--model", "lab.json"])
        #expect(result.status != 0)
        #expect(result.err.contains("symbolic link") && result.err.contains("pass the real path"), "\(result.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: real.path).isEmpty)
        #expect(workspace.labgen(["build", "--model", "lab.json", "--output", "real", "--quiet"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: real.appendingPathComponent("sample/kind.yaml").path))
    }
}
