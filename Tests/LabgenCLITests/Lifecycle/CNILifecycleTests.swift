import Foundation
import Testing

@testable import LabgenCLI

/// `labgen up` and lab.sh install the CNI the lab declares: Flannel's manifest, net-conf and restart;
/// Cilium's helm install with the values file; each waits for its DaemonSet.
@Suite(.serialized) struct CNILifecycleTests {
    static func nodes(_ cluster: String) -> String {
        """
        \(cluster)-control-plane 10.1.5.10 True rack0
        \(cluster)-worker 10.1.5.11 True rack0
        \(cluster)-worker2 10.1.8.10 True rack1
        \(cluster)-worker3 10.1.8.11 True rack1

        """
    }

    static func setUp(_ lab: String, cluster: String) throws -> (Workspace, StandIns) {
        let workspace = try Workspace()
        let build = workspace.labgen(["build", "--lab", lab])
        #expect(build.status == 0, "\(build.all)")
        let standIns = try StandIns(in: workspace.path("tools"), containers: 5)
        try standIns.set("nodes", nodes(cluster))
        return (workspace, standIns)
    }

    static func expectInOrder(
        _ expected: [String], _ commands: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var last = -1
        for command in expected {
            let found = commands.firstIndex { $0.hasPrefix(command) }
            #expect(found != nil, "missing '\(command)' in \(commands)", sourceLocation: sourceLocation)
            if let found {
                #expect(found > last, "'\(command)' out of order in \(commands)", sourceLocation: sourceLocation)
                last = found
            }
        }
    }

    @Test func upInstallsFlannelAndWaitsForItsDaemonSet() throws {
        let (workspace, standIns) = try Self.setUp("flannel-host-gw", cluster: "flannel-host-gw")
        let result = workspace.labgen(
            ["up", "flannel-host-gw", "--interval", "0", "--timeout", "5"], environment: standIns.environment)
        #expect(result.status == 0, "\(result.all)")
        let context = "kubectl --context kind-flannel-host-gw "
        Self.expectInOrder(
            [
                "containerlab deploy -t flannel-host-gw.clab.yaml",
                context + "apply -f https://github.com/flannel-io/flannel/releases/download/v0.28.10/kube-flannel.yml",
                context + "apply -f flannel/net-conf.yaml",
                context + "-n kube-flannel rollout restart daemonset/kube-flannel-ds",
                context + "get nodes",
                context + "-n kube-flannel rollout status daemonset/kube-flannel-ds --timeout ",
            ], standIns.commands)
        #expect(!standIns.commands.contains { $0.contains("calico") || $0.hasPrefix("helm") })
    }

    @Test func upInstallsCiliumWithHelmAndTheValues() throws {
        let (workspace, standIns) = try Self.setUp("cilium-vxlan", cluster: "cilium-vxlan")
        let result = workspace.labgen(
            ["up", "cilium-vxlan", "--interval", "0", "--timeout", "5"], environment: standIns.environment)
        #expect(result.status == 0, "\(result.all)")
        Self.expectInOrder(
            [
                "kubectl version --client", "helm version",
                "containerlab deploy -t cilium-vxlan.clab.yaml",
                "helm repo add cilium https://helm.cilium.io/ --force-update",
                "helm upgrade --install cilium cilium/cilium --version 1.18.0 --namespace kube-system "
                    + "--kube-context kind-cilium-vxlan -f cilium/values.yaml",
                "kubectl --context kind-cilium-vxlan get nodes",
                "kubectl --context kind-cilium-vxlan -n kube-system rollout status daemonset/cilium --timeout ",
            ], standIns.commands)
    }

    @Test func upStopsWhenHelmIsMissing() throws {
        let (workspace, standIns) = try Self.setUp("cilium-vxlan", cluster: "cilium-vxlan")
        try FileManager.default.removeItem(at: standIns.bin.appendingPathComponent("helm"))
        let result = workspace.labgen(
            ["up", "cilium-vxlan", "--interval", "0", "--timeout", "5"], environment: standIns.environment)
        #expect(result.status == 1, "\(result.all)")
        #expect(result.all.contains("helm"))
        #expect(!standIns.commands.contains { $0.hasPrefix("kind create") })
    }

    @Test func labScriptInstallsCiliumLikeUp() throws {
        let (workspace, standIns) = try Self.setUp("cilium-native-routing", cluster: "cilium-native")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [workspace.path("out/cilium-native-routing/lab.sh").path, "up"]
        var environment = standIns.environment
        environment["LAB_INTERVAL"] = "0"
        environment["LAB_TIMEOUT"] = "5"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        Self.expectInOrder(
            [
                "helm version", "containerlab deploy -t cilium-native-routing.clab.yaml",
                "helm repo add cilium", "helm upgrade --install cilium cilium/cilium --version 1.18.0",
                "kubectl --context kind-cilium-native -n kube-system rollout status daemonset/cilium --timeout ",
            ], standIns.commands)
    }
}
