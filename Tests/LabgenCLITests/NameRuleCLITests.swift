import Foundation
import LabKit
import Testing

@testable import LabgenCLI

/// The new name rules as a user meets them: a warning that does not stop the build, and their explanations.
@Suite("labgen build and explain: name rules")
struct NameRuleCLITests {
    @Test func aSelectorNamingNoRackWarnsAndBuilds() throws {
        let workspace = try Workspace()
        let lab = Lab("sample") {
            Cluster("sample") { PodPool("10.244.0.0/16", ipip: .crossSubnet, nodeSelector: "rack == \"rack9\"") }
            Gateway("gw0", vyos: "1.4.9")
            Rack("rack0", subnet: "10.1.5.0/24") { Node(.controlPlane) }
        }
        try workspace.writeModel([lab], to: "lab.json")
        let result = workspace.labgen(["build", "--model", "lab.json", "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        #expect(
            result.err.contains("warning: node selector 'rack == \"rack9\"'") && result.err.contains("[LG126]"),
            "\(result.err)")
        #expect(FileManager.default.fileExists(atPath: workspace.path("out/sample/calico/installation.yaml").path))
    }

    @Test func explainSaysWhatTheNewRulesProtect() {
        let workspace = try! Workspace()
        let list = workspace.labgen(["explain"]).out
        #expect(list.contains("LG126  warning"), "\(list)")
        #expect(list.contains("LG122  error"), "\(list)")
        let bridge = workspace.labgen(["explain", "LG122"]).out
        #expect(bridge.contains("'<bridge>-net<N>' must fit") && bridge.contains("containerlab"), "\(bridge)")
        #expect(workspace.labgen(["explain", "LG127"]).out.contains("node-role.kubernetes.io"))
        #expect(workspace.labgen(["explain", "LG124"]).out.contains("Docker Hub"))
    }
}
