import Foundation
import Testing

@testable import LabgenCLI

/// Lab files compiled for real (swiftc against LabKit): diagnostics name the path given on this
/// run, whatever the content-keyed compile cache holds. Part of the serialized `BinaryTests`, whose
/// tests count the cache entries a run adds.
extension BinaryTests {
    private var pathTestCache: URL {
        URL(fileURLWithPath: LabgenBinary.path).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("labgen-cache")
    }

    private func cacheNames() -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: pathTestCache.path)) ?? [])
    }

    /// Runs `body`, then removes the cache entries it added.
    private func withCleanCache(_ body: () throws -> Void) rethrows {
        let before = cacheNames()
        defer {
            for name in cacheNames().subtracting(before) {
                try? FileManager.default.removeItem(at: pathTestCache.appendingPathComponent(name))
            }
        }
        try body()
    }

    /// A lab whose node address on line 9 lies outside its rack (LG103), new to the cache.
    private func brokenLab(_ name: String) -> String {
        """
        // labgen test \(UUID().uuidString)
        import LabKit

        let lab = Lab("\(name)") {
            Cluster("\(name)", image: "kindest/node:v1.27.3", podSubnet: "10.244.0.0/16") {
                Calico(pool: PodPool("10.244.0.0/16", ipip: .crossSubnet, natOutgoing: true))
            }
            Rack("rack0", subnet: "10.1.5.0/24") {
                Node(.controlPlane, address: "10.1.6.10")
            }
        }

        """
    }

    /// labgen in-process with this process's environment (PATH finds swiftc).
    private func run(_ workspace: Workspace, _ arguments: [String]) -> RunResult {
        var environment = ProcessInfo.processInfo.environment
        environment[BuildCommand.crashVariable] = nil
        return workspace.labgen(arguments, environment: environment)
    }

    private func write(_ text: String, _ path: String, in workspace: Workspace) throws {
        let url = workspace.path(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func renamedMovedAndCopiedLabFilesReportTheirOwnPath() throws {
        try #require(LabgenBinary.exists, "run 'swift build' first")
        try withCleanCache {
            let workspace = try Workspace()
            let text = brokenLab("moved")
            try write(text, "a/lab.swift", in: workspace)
            let first = run(workspace, ["build", "a/lab.swift"])
            #expect(first.status == 1)
            #expect(
                first.err.hasPrefix(
                    "a/lab.swift:9:13: error: node address 10.1.6.10 is outside rack 'rack0' subnet 10.1.5.0/24 "
                        + "[LG103]\n"),
                "\(first.err)")
            // The same content under other names and folders runs from the cache, compiled as a/lab.swift.
            try FileManager.default.moveItem(at: workspace.path("a/lab.swift"), to: workspace.path("renamed.swift"))
            try write(text, "deep/er/copy.swift", in: workspace)
            for path in ["renamed.swift", "deep/er/copy.swift", "./renamed.swift"] {
                let result = run(workspace, ["build", path])
                #expect(result.status == 1)
                let expected = "\(path):9:13: error: node address 10.1.6.10 is outside rack 'rack0'"
                #expect(result.err.hasPrefix(expected), "\(path): \(result.err)")
                #expect(!result.err.contains("LabFile/"), "\(result.err)")
                #expect(!result.err.contains("a/lab.swift"), "\(result.err)")
            }
        }
    }

    @Test func twoLabFilesNamedLabSwiftEachReportTheirOwnPath() throws {
        try #require(LabgenBinary.exists, "run 'swift build' first")
        try withCleanCache {
            let workspace = try Workspace()
            try write(brokenLab("one"), "one/lab.swift", in: workspace)
            let two = brokenLab("two").replacingOccurrences(of: "10.1.6.10", with: "10.1.7.10")
            try write(two, "two/lab.swift", in: workspace)
            let result = run(workspace, ["build", "one/lab.swift", "two/lab.swift"])
            #expect(result.status == 1)
            let oneError = "one/lab.swift:9:13: error: node address 10.1.6.10 is outside rack"
            #expect(result.err.contains(oneError), "\(result.err)")
            let twoError = "two/lab.swift:9:13: error: node address 10.1.7.10 is outside rack"
            #expect(result.err.contains(twoError), "\(result.err)")
        }
    }

    @Test func aLabFileWhosePathStartsWithADashCompiles() throws {
        try #require(LabgenBinary.exists, "run 'swift build' first")
        try withCleanCache {
            let workspace = try Workspace()
            try write(brokenLab("dash"), "-lab.swift", in: workspace)
            let result = run(workspace, ["build", "--", "-lab.swift"])
            #expect(result.status == 1)
            #expect(
                result.err.hasPrefix("-lab.swift:9:13: error: node address 10.1.6.10 is outside rack"), "\(result.err)")
        }
    }

    @Test func aSwiftFileWithoutALabSaysSo() throws {
        try #require(LabgenBinary.exists, "run 'swift build' first")
        try withCleanCache {
            let workspace = try Workspace()
            try write("// \(UUID().uuidString)\nimport LabKit\n", "nothing.swift", in: workspace)
            let result = run(workspace, ["build", "nothing.swift"])
            #expect(result.status == 1)
            #expect(
                result.err
                    == "error: nothing.swift: the lab file declares no Lab (write `let lab = Lab(\"name\") { ... }`)\n")
        }
    }

    @Test func anInitializedLabBuildsIntoItsOwnFolder() throws {
        try #require(LabgenBinary.exists, "run 'swift build' first")
        try withCleanCache {
            let workspace = try Workspace()
            #expect(run(workspace, ["build", "--lab", "calico-ipip-crosssubnet"]).status == 0)
            let builtIn = workspace.snapshot("out/calico-ipip-crosssubnet")
            #expect(run(workspace, ["init", "my-lab"]).status == 0)
            let result = run(workspace, ["build", "my-lab/lab.swift"])
            #expect(result.status == 0, "\(result.all)")
            #expect(result.out.hasPrefix("out/my-lab: "))
            #expect(workspace.snapshot("out/calico-ipip-crosssubnet") == builtIn)
            let manifest = try String(contentsOf: workspace.path("out/my-lab/.labgen-manifest"), encoding: .utf8)
            #expect(manifest.contains("\n# Source: my-lab/lab.swift\n"))
        }
    }
}
