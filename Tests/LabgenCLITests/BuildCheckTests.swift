import Foundation
import LabKit
import LabgenCore
import Testing

/// `labgen build` and `labgen check` in-process, in a temporary folder.
@Suite struct BuildCheckTests {
    static let templateLabNames = ["calico-ipip-crosssubnet", "calico-ipip-crosssubnet-2022"]

    @Test func buildWritesTheTemplatesAndASecondBuildChangesNothing() throws {
        let workspace = try Workspace()
        let first = workspace.labgen(["build"])
        #expect(first.status == 0, "\(first.all)")
        for name in Self.templateLabNames {
            let files = workspace.snapshot("out/\(name)")
            #expect(files[OutputWriter.manifestName] != nil, "no manifest in out/\(name)")
            #expect(files["lab.json"] != nil, "no lab.json in out/\(name)")
            #expect(files.count > 3)
            #expect(first.out.contains("out/\(name): "))
        }
        let before = workspace.snapshot("out")
        let times = workspace.modificationTimes("out")
        let second = workspace.labgen(["build"])
        #expect(second.status == 0, "\(second.all)")
        #expect(!second.out.contains(" 1 written"))
        for line in second.out.split(separator: "\n") {
            #expect(line.contains(": 0 written"), "second build wrote: \(line)")
        }
        #expect(workspace.snapshot("out") == before)
        #expect(workspace.modificationTimes("out") == times, "a second build rewrote unchanged files")

        let check = workspace.labgen(["check"])
        #expect(check.status == 0, "\(check.all)")
        let labs = try FileManager.default.contentsOfDirectory(atPath: workspace.path("out").path).filter {
            !$0.hasPrefix(".")
        }
        #expect(labs.count >= Self.templateLabNames.count)
        #expect(check.out == "out: \(labs.count) labs up to date\n")
    }

    /// One file of the sample lab, built, then changed by `change`; `check` must report it.
    private func checkAfter(
        _ change: (Workspace, URL) throws -> Void, model: String = "model.json"
    ) throws -> (workspace: Workspace, check: RunResult, file: String) {
        let workspace = try Workspace()
        try workspace.writeModel([sampleLab()], to: "model.json")
        let build = workspace.labgen(["build", "--model", "model.json"])
        #expect(build.status == 0, "\(build.all)")
        #expect(workspace.labgen(["check", "--model", "model.json"]).status == 0)
        let file = try #require(workspace.snapshot("out/sample").keys.filter { $0.hasSuffix(".yaml") }.sorted().first)
        try change(workspace, workspace.path("out/sample/\(file)"))
        return (workspace, workspace.labgen(["check", "--model", model]), file)
    }

    @Test func checkDetectsAHandEdit() throws {
        let (workspace, check, file) = try checkAfter { _, url in
            var text = try String(contentsOf: url, encoding: .utf8)
            text = text.replacingOccurrences(
                of: "\n", with: "\n# tuned by hand\n", options: [], range: text.range(of: "\n"))
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(check.status == 1)
        #expect(check.out.contains("--- out/sample/\(file)\n+++ generated\n"))
        #expect(check.out.contains("-# tuned by hand\n"))
        #expect(
            check.out.contains(
                "out/sample/\(file): hand-edited since labgen wrote it; change the lab model instead and run 'swift run labgen build' (it overwrites the edit)\n"
            ))
        #expect(check.out.hasSuffix("1 file out of date; run 'swift run labgen build'\n"))
        // check writes nothing: the edit is still there.
        #expect(
            try String(contentsOf: workspace.path("out/sample/\(file)"), encoding: .utf8).contains("# tuned by hand"))
    }

    @Test func checkDetectsAMissingFile() throws {
        let (_, check, file) = try checkAfter { _, url in try FileManager.default.removeItem(at: url) }
        #expect(check.status == 1)
        #expect(check.out.contains("--- out/sample/\(file)\n+++ generated\n"))
        #expect(check.out.contains("out/sample/\(file): missing; run 'swift run labgen build"))
    }

    @Test func checkDetectsAStaleFileWithASemanticSummary() throws {
        let (_, check, _) = try checkAfter(
            { workspace, _ in try workspace.writeModel([sampleLab(extraWorker: true)], to: "changed.json") },
            model: "changed.json")
        #expect(check.status == 1)
        #expect(check.out.contains("+++ generated\n"))
        #expect(check.out.contains("10.1.8.11"))
        #expect(check.out.contains("stale; run '"))
        #expect(!check.out.contains("hand-edited"))
        #expect(
            check.out.contains(
                "lab 'sample' changes:\n  - node added: sample-worker3 (worker, 10.1.8.11/24 in rack1)\n"))
        // Only what changed: no "x -> x" lines for racks, pools or interfaces that stayed the same.
        for line in check.out.split(separator: "\n") where line.hasPrefix("  - ") && line.contains(" -> ") {
            let sides = line.split(separator: ":", maxSplits: 1)[1].components(separatedBy: " -> ")
            #expect(sides.count == 2 && sides[0] != sides[1], "unchanged item in the summary: \(line)")
        }
        #expect(check.out.contains("out of date; run '"))
    }

    @Test func checkIsFreshAfterRebuildingAChangedModel() throws {
        let workspace = try Workspace()
        try workspace.writeModel([sampleLab()], to: "old.json")
        try workspace.writeModel([sampleLab(extraWorker: true)], to: "new.json")
        #expect(workspace.labgen(["build", "--model", "old.json"]).status == 0)
        #expect(workspace.labgen(["check", "--model", "new.json"]).status == 1)
        let rebuild = workspace.labgen(["build", "--model", "new.json"])
        #expect(rebuild.status == 0)
        let check = workspace.labgen(["check", "--model", "new.json"])
        #expect(check.status == 0, "\(check.all)")
        #expect(check.out == "out: 1 lab up to date\n")
    }

    @Test func githubFormatAnnotatesTheStaleFiles() throws {
        let workspace = try Workspace()
        try workspace.writeModel([sampleLab()], to: "model.json")
        #expect(workspace.labgen(["build", "--model", "model.json"]).status == 0)
        let lab = workspace.path("out/sample/lab.json")
        try FileManager.default.removeItem(at: lab)
        let check = workspace.labgen([
            "check", "--model", "model.json", "--format", "github", "--fix-command", "make labs",
        ])
        #expect(check.status == 1)
        let annotations = check.out.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        #expect(annotations.count == 1)
        let annotation = try #require(annotations.first)
        #expect(
            annotation.hasPrefix(
                "::error file=out/sample/lab.json,line=1,title=labgen check::missing: missing; run 'make labs' to generate it"
            ))
        #expect(!annotation.dropFirst(2).contains("\n"))
        #expect(check.out.contains("1 file out of date; run 'make labs'\n"))
    }

    @Test func aLabWithAnErrorLeavesOutUntouched() throws {
        let workspace = try Workspace()
        try workspace.writeModel([sampleLab()], to: "model.json")
        #expect(workspace.labgen(["build", "--model", "model.json"]).status == 0)
        // A user file beside the generated ones must survive too.
        try "notes\n".write(to: workspace.path("out/sample/NOTES.md"), atomically: true, encoding: .utf8)
        let before = workspace.snapshot("out")
        let times = workspace.modificationTimes("out")

        // A node outside its rack's subnet (LG103).
        let broken = Lab("sample") {
            Cluster("sample", image: "kindest/node:v1.27.3", podSubnet: "10.244.0.0/16") {
                Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet, natOutgoing: true))
            }
            Gateway("gw0", vyos: "1.4.9") { Masquerade(source: "10.1.0.0/16", outbound: "eth0") }
            Rack("rack0", subnet: "10.1.5.0/24", gateway: "10.1.5.1", bridge: "br-pool0") {
                Node(.controlPlane, address: "10.1.6.10", server: "server1")
            }
        }
        try workspace.writeModel([broken], to: "broken.json")
        let build = workspace.labgen([
            "build", "--model", "broken.json", "--source-map", "LabgenCLITests=Tests/LabgenCLITests",
        ])
        #expect(build.status == 1)
        #expect(build.err.contains("LG103"), "\(build.err)")
        #expect(
            build.err.contains("Tests/LabgenCLITests/BuildCheckTests.swift:"), "source map not applied: \(build.err)")
        #expect(build.err.contains("nothing was written"))
        #expect(workspace.snapshot("out") == before)
        #expect(workspace.modificationTimes("out") == times)

        // Two labs with one name, one of them fine: nothing is written either.
        try workspace.writeModel([sampleLab(extraWorker: true), sampleLab()], to: "twice.json")
        let twice = workspace.labgen(["build", "--model", "twice.json"])
        #expect(twice.status == 1)
        #expect(twice.err.contains("two labs are named 'sample'"))
        #expect(workspace.snapshot("out") == before)

        // check of a broken lab fails the same way and writes nothing.
        #expect(workspace.labgen(["check", "--model", "broken.json"]).status == 1)
        #expect(workspace.snapshot("out") == before)
    }

    @Test func unreadableModelIsAnError() throws {
        let workspace = try Workspace()
        try "{ not json".write(to: workspace.path("bad.json"), atomically: true, encoding: .utf8)
        let result = workspace.labgen(["build", "--model", "bad.json"])
        // A file that is not a model is a usage problem (exit 2), like a missing one.
        #expect(result.status == 2)
        #expect(result.err.contains("bad.json: not a labgen lab model"))
        let absent = workspace.labgen(["build", "--model", "absent.json"])
        #expect(absent.status == 2)
        #expect(absent.err.contains("absent.json: cannot read the lab model"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out").path))
    }
}
