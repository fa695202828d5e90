import Foundation
import LabKit
import LabgenCore
import Testing

/// `labgen graph` prints the picture `labgen build` writes; `labgen check` says what changed in it.
@Suite struct GraphCommandTests {
    @Test func graphPrintsTheMermaidFlowchartOfABuiltInLab() throws {
        let workspace = try Workspace()
        let result = workspace.labgen(["graph", "calico-ipip-crosssubnet"])
        #expect(result.status == 0, "\(result.all)")
        #expect(result.err.isEmpty)
        #expect(result.out.hasPrefix("flowchart TB\n"))
        #expect(result.out.contains("  g0 ---|\"eth1 10.1.5.1/24\"| r0\n"))
        #expect(
            result.out.contains(
                "    n2(\"calico-ipip-crosssubnet-worker2<br/>worker<br/>10.1.8.10/24<br/>server server3\")\n"))
        // --lab is the same as naming it.
        #expect(workspace.labgen(["graph", "--lab", "calico-ipip-crosssubnet"]).out == result.out)
    }

    @Test func graphPrintsWhatBuildWrites() throws {
        let workspace = try Workspace()
        try workspace.writeModel([sampleLab()], to: "model.json")
        #expect(workspace.labgen(["build", "--model", "model.json"]).status == 0)
        let files = workspace.snapshot("out/sample")
        let svg = workspace.labgen(["graph", "--model", "model.json", "--format", "svg"])
        #expect(svg.status == 0)
        #expect(svg.out.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        #expect(Data(svg.out.utf8) == files["topology.svg"])
        let markdown = workspace.labgen(["graph", "--model", "model.json", "--format", "markdown"])
        #expect(Data(markdown.out.utf8) == files["topology.md"])
        let mermaid = workspace.labgen(["graph", "--model", "model.json"])
        #expect(markdown.out.contains("```mermaid\n" + mermaid.out + "```\n"))
    }

    @Test func graphNeedsExactlyOneLab() throws {
        let workspace = try Workspace()
        let none = workspace.labgen(["graph"])
        #expect(none.status == 2)
        #expect(none.err.contains("Name one lab"))
        #expect(none.err.contains("calico-ipip-crosssubnet-2gw"))
        let unknown = workspace.labgen(["graph", "calico-ipip-crossubnet"])
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("Did you mean 'calico-ipip-crosssubnet'?"))
        let format = workspace.labgen(["graph", "calico-ipip", "--format", "png"])
        #expect(format.status == 2)
        #expect(workspace.labgen(["graph", "a", "b"]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out").path))
    }

    @Test func graphHelpSaysWhatThePictureShows() throws {
        let help = try Workspace().labgen(["graph", "--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("USAGE: labgen graph [--format <format>]"))
        #expect(help.out.contains("(values: mermaid, markdown, svg)"))
        #expect(help.out.contains("out/<lab>/topology.md and topology.svg"))
        let overview = try Workspace().labgen(["--help"])
        #expect(overview.out.contains("  graph "))
    }

    @Test func checkSaysWhatChangedInThePicture() throws {
        let workspace = try Workspace()
        try workspace.writeModel([sampleLab()], to: "old.json")
        try workspace.writeModel([sampleLab(extraWorker: true)], to: "new.json")
        #expect(workspace.labgen(["build", "--model", "old.json"]).status == 0)
        let check = workspace.labgen(["check", "--model", "new.json"])
        #expect(check.status == 1)
        #expect(check.out.contains("out/sample/topology.svg: stale;"))
        #expect(
            check.out.contains(
                "lab 'sample' picture changes (out/sample/topology.md):\n"
                    + "  - node sample-worker3 added (sample-worker3, worker, 10.1.8.11/24, server server4)\n"
                    + "  - link rack rack1 -- node sample-worker3 added (net0)\n"))
        #expect(!check.out.contains("::notice"))
        let github = workspace.labgen(["check", "--model", "new.json", "--format", "github"])
        let notices = github.out.split(separator: "\n").filter { $0.hasPrefix("::notice ") }
        let expected: String =
            "::notice file=out/sample/topology.md,line=1,title=labgen picture::"
            + "the picture of lab 'sample' changed: "
            + "node sample-worker3 added (sample-worker3, worker, 10.1.8.11/24, server server4); "
            + "link rack rack1 -- node sample-worker3 added (net0)"
        #expect(notices == [Substring(expected)])
        // Nothing about the picture when it did not change (a hand-edit of another file).
        #expect(workspace.labgen(["build", "--model", "new.json"]).status == 0)
        try "edited\n".write(to: workspace.path("out/sample/bridges.sh"), atomically: true, encoding: .utf8)
        let edited = workspace.labgen(["check", "--model", "new.json"])
        #expect(edited.status == 1)
        #expect(!edited.out.contains("picture changes"))
    }
}
