import Foundation
import LabgenCore
import Testing

@testable import LabgenCLI

/// The built `labgen` executable as a child process: killed midway through a build, and
/// building lab files (compiled with swiftc against LabKit, cached).
@Suite(.serialized) struct BinaryTests {
    /// Fails clearly when `swift build` has not built labgen next to the tests.
    private func requireBinary() throws {
        try #require(
            LabgenBinary.exists,
            "the labgen executable is not at \(LabgenBinary.path); run 'swift build' before 'swift test' (or set LABGEN_BINARY)"
        )
    }

    @Test func aBuildKilledBeforeAnyFileWriteLeavesTheOldOrTheNewCompleteSet() throws {
        try requireBinary()
        let workspace = try Workspace()
        try workspace.writeModel([sampleLab()], to: "old.json")
        try workspace.writeModel([sampleLab(extraWorker: true)], to: "new.json")
        #expect(workspace.labgen(["build", "--model", "old.json", "--output", "reference-old"]).status == 0)
        #expect(workspace.labgen(["build", "--model", "new.json", "--output", "reference-new"]).status == 0)
        let old = workspace.snapshot("reference-old/sample")
        let new = workspace.snapshot("reference-new/sample")
        #expect(old != new)

        // How many files going from the old model to the new one writes (the manifest is one more).
        try FileManager.default.copyItem(at: workspace.path("reference-old"), to: workspace.path("count"))
        let report = workspace.labgen(["build", "--model", "new.json", "--output", "count"])
        #expect(report.status == 0)
        let written = try #require(
            report.out.firstRange(of: /: (\d+) written/).flatMap {
                Int(report.out[$0].dropFirst(2).prefix { $0.isNumber })
            })
        #expect(written > 1, "\(report.out)")
        let writes = written + 1

        var sawOld = 0
        var sawNew = 0
        for limit in 1...(writes + 1) {
            let output = "run-\(limit)"
            try FileManager.default.copyItem(at: workspace.path("reference-old"), to: workspace.path(output))
            let killed = try workspace.labgenProcess(
                ["build", "--model", "new.json", "--output", output, "--quiet"],
                environment: [BuildCommand.crashVariable: String(limit)])
            let state = workspace.snapshot("\(output)/sample")
            if limit <= writes {
                #expect(killed.status == 99, "N=\(limit): \(killed.all)")
            } else {
                #expect(killed.status == 0, "N=\(limit): \(killed.all)")
            }
            #expect(state == old || state == new, "N=\(limit): out/sample is neither the old nor the new set")
            if state == old { sawOld += 1 }
            if state == new { sawNew += 1 }

            // The files outside any lab folder are only labgen's own temporary folders.
            let root = try FileManager.default.contentsOfDirectory(atPath: workspace.path(output).path)
            #expect(root.allSatisfy { $0 == "sample" || $0.hasPrefix(".labgen-") }, "N=\(limit): \(root)")

            // The next build recovers: the new set, and nothing temporary left.
            let next = try workspace.labgenProcess(["build", "--model", "new.json", "--output", output, "--quiet"])
            #expect(next.status == 0, "N=\(limit): \(next.all)")
            #expect(workspace.snapshot("\(output)/sample") == new, "N=\(limit): the next build did not recover")
            #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path(output).path) == ["sample"])
            #expect(workspace.labgen(["check", "--model", "new.json", "--output", output]).status == 0)
        }
        #expect(sawOld == writes)
        #expect(sawNew == 1)
    }

    /// A lab file whose content is new to the compile cache.
    private func labFile(_ body: String) -> String {
        "// labgen test \(UUID().uuidString)\nimport LabKit\n\n" + body
    }

    private var cacheFolder: URL {
        URL(fileURLWithPath: LabgenBinary.path).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("labgen-cache")
    }

    private func cacheEntries() -> [String: Date] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)) ?? []
        var entries: [String: Date] = [:]
        for name in names {
            let attributes = try? FileManager.default.attributesOfItem(
                atPath: cacheFolder.appendingPathComponent(name).path)
            entries[name] = attributes?[.modificationDate] as? Date
        }
        return entries
    }

    @Test func aLabFileCompilesOnceAndRunsFromTheCacheAfterwards() throws {
        try requireBinary()
        let workspace = try Workspace()
        try labFile(
            """
            let lab = Lab("file-lab") {
                Cluster("file-lab", image: "kindest/node:v1.27.3", podSubnet: "10.244.0.0/16") {
                    Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet, natOutgoing: true))
                }
                Gateway("gw0", vyos: "1.4.9") {
                    Masquerade(source: "10.1.0.0/16", outbound: "eth0")
                }
                Rack("rack0", subnet: "10.1.5.0/24", gateway: "10.1.5.1", bridge: "br-pool0") {
                    Node(.controlPlane, address: "10.1.5.10", server: "server1")
                    Node(.worker, address: "10.1.5.11", server: "server2")
                }
            }
            """
        ).write(to: workspace.path("lab.swift"), atomically: true, encoding: .utf8)

        let before = cacheEntries()
        let first = try workspace.labgenProcess(["build", "lab.swift"])
        #expect(first.status == 0, "\(first.all)")
        #expect(first.out.contains("out/file-lab: "))
        let afterFirst = cacheEntries()
        let added = Set(afterFirst.keys).subtracting(before.keys)
        #expect(added.count == 1, "the first run should compile into one new cache entry: \(added)")
        defer {
            for name in added { try? FileManager.default.removeItem(at: cacheFolder.appendingPathComponent(name)) }
        }
        let files = workspace.snapshot("out/file-lab")
        #expect(files["lab.json"] != nil)

        let second = try workspace.labgenProcess(["build", "lab.swift"])
        #expect(second.status == 0, "\(second.all)")
        #expect(second.out.contains(": 0 written"))
        let afterSecond = cacheEntries()
        #expect(Set(afterSecond.keys) == Set(afterFirst.keys), "the second run added a cache entry")
        for name in added {
            #expect(afterSecond[name] == afterFirst[name], "the second run recompiled \(name)")
        }
        // Compiling costs seconds; running the cached program, a fraction of that.

        let check = try workspace.labgenProcess(["check", "lab.swift"])
        #expect(check.status == 0, "\(check.all)")
    }

    @Test func aCompilerErrorInALabFileShowsItsPathAndLine() throws {
        try requireBinary()
        let workspace = try Workspace()
        try FileManager.default.createDirectory(at: workspace.path("labs"), withIntermediateDirectories: true)
        // Line 5 has the error (the first three lines are the header of labFile).
        try labFile(
            """
            let lab = Lab("broken") {
                Rack("rack0", subnet: 42) {
                }
            }
            """
        ).write(to: workspace.path("labs/broken.swift"), atomically: true, encoding: .utf8)
        let before = cacheEntries()
        let result = try workspace.labgenProcess(["build", "labs/broken.swift"])
        #expect(result.status == 1)
        #expect(result.err.contains("labs/broken.swift:5:"), "\(result.err)")
        #expect(result.err.contains("error:"))
        #expect(result.err.contains("labs/broken.swift: the lab file does not compile"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out").path))
        #expect(Set(cacheEntries().keys) == Set(before.keys), "a failed compile left a cache entry")
    }

    /// The DSL's `@available(*, unavailable, message:)` overloads: an element at the wrong level is
    /// a compile error at the user's line that says where the element belongs.
    @Test(
        "a misplaced DSL element is a compile error that says where it belongs",
        arguments: [
            ("Node(.worker)", "a Node belongs inside a Rack { ... }"),
            ("Masquerade(source: \"10.1.0.0/16\")", "a Masquerade rule belongs inside Gateway { ... }"),
            ("PodPool(\"10.244.0.0/16\")", "a PodPool belongs inside Cluster { ... }"),
        ])
    func misplacedElementsDoNotCompile(element: String, message: String) throws {
        try requireBinary()
        let workspace = try Workspace()
        // Line 6 holds the misplaced element (the first three lines are the header of labFile).
        try labFile(
            """
            let lab = Lab("misplaced") {
                Cluster("misplaced")
                \(element)
                Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
            }
            """
        ).write(to: workspace.path("lab.swift"), atomically: true, encoding: .utf8)
        let result = try workspace.labgenProcess(["build", "lab.swift"])
        #expect(result.status == 1)
        #expect(result.err.contains("lab.swift:6:"), "\(result.err)")
        #expect(result.err.contains(message), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out").path))
    }

    @Test func aModelErrorInALabFilePointsAtTheLabFile() throws {
        try requireBinary()
        let workspace = try Workspace()
        try labFile(
            """
            let lab = Lab("misplaced") {
                Cluster("misplaced", image: "kindest/node:v1.27.3", podSubnet: "10.244.0.0/16") {
                    Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet, natOutgoing: true))
                }
                Gateway("gw0", vyos: "1.4.9") {
                    Masquerade(source: "10.1.0.0/16", outbound: "eth0")
                }
                Rack("rack0", subnet: "10.1.5.0/24", gateway: "10.1.5.1", bridge: "br-pool0") {
                    Node(.controlPlane, address: "10.1.6.10", server: "server1")
                }
            }
            """
        ).write(to: workspace.path("lab.swift"), atomically: true, encoding: .utf8)
        let before = cacheEntries()
        defer {
            for name in Set(cacheEntries().keys).subtracting(before.keys) {
                try? FileManager.default.removeItem(at: cacheFolder.appendingPathComponent(name))
            }
        }
        let result = try workspace.labgenProcess(["build", "lab.swift"])
        #expect(result.status == 1)
        #expect(result.err.contains("lab.swift:12:"), "\(result.err)")
        #expect(result.err.contains("LG103"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out").path))
    }
}
