import Foundation
import Testing

@testable import LabgenCLI

/// `labgen up`, `down`, `status` and lab.sh end to end against stand-in tools on PATH (no Docker
/// engine exists here): order and arguments, resuming after a failure at each step, the wait
/// timeout, and `down` after a half-finished `up`.
@Suite(.serialized) struct LifecycleTests {
    static let lab = "calico-ipip-crosssubnet"  // manifest install, insecure registry, 1 gateway + 4 servers
    static let operatorLab = "calico-vxlan-crosssubnet"  // operator install (the default), same plan
    static let nodes = """
        calico-ipip-crosssubnet-control-plane 10.1.5.10 True rack0
        calico-ipip-crosssubnet-worker 10.1.5.11 True rack0
        calico-ipip-crosssubnet-worker2 10.1.8.10 True rack1
        calico-ipip-crosssubnet-worker3 10.1.8.11 True rack1

        """
    static let pools = "default-ipv4-ippool 10.244.0.0/16 26 CrossSubnet Never true\n"

    /// A workspace with out/<lab>/ built and the stand-ins installed, reporting a healthy lab.
    static func setUp(_ lab: String = lab) throws -> (Workspace, StandIns) {
        let workspace = try Workspace()
        let build = workspace.labgen(["build", "--lab", lab])
        #expect(build.status == 0, "\(build.all)")
        let standIns = try StandIns(in: workspace.path("tools"), containers: 5)
        // The two labs have the same plan; their cluster (and so node) names are the lab names.
        try standIns.set("nodes", nodes.replacingOccurrences(of: "calico-ipip-crosssubnet-", with: lab + "-"))
        try standIns.set(
            "pools",
            lab == Self.lab ? pools : pools.replacingOccurrences(of: "CrossSubnet Never", with: "Never CrossSubnet"))
        return (workspace, standIns)
    }

    static func up(_ workspace: Workspace, _ standIns: StandIns, _ lab: String = lab, timeout: String = "5")
        -> RunResult
    {
        workspace.labgen(["up", lab, "--interval", "0", "--timeout", timeout], environment: standIns.environment)
    }

    /// The index of the first logged command starting with `prefix`.
    static func index(_ prefix: String, in commands: [String]) -> Int? { commands.firstIndex { $0.hasPrefix(prefix) } }

    @Test func upRunsTheStepsInOrderWithTheirArguments() throws {
        let (workspace, standIns) = try Self.setUp()
        let result = Self.up(workspace, standIns)
        #expect(result.status == 0, "\(result.all)")
        let commands = standIns.commands
        let expected = [
            "docker version --format {{.Server.Version}}", "kind version", "containerlab version",
            "kubectl version --client",
            "docker info",
            "docker image inspect burlyluo/kindest:v1.27.3", "docker pull burlyluo/kindest:v1.27.3",
            "docker image inspect 192.168.2.100:5000/vyos/vyos:1.4.9", "docker pull 192.168.2.100:5000/vyos/vyos:1.4.9",
            "kind get clusters", "kind create cluster --config kind.yaml",
            "containerlab inspect -t calico-ipip-crosssubnet.clab.yaml --format json",
            "containerlab deploy -t calico-ipip-crosssubnet.clab.yaml",
            "kubectl --context kind-calico-ipip-crosssubnet apply -f "
                + "https://raw.githubusercontent.com/projectcalico/calico/v3.23.2/manifests/calico.yaml",
            "kubectl --context kind-calico-ipip-crosssubnet -n kube-system patch daemonset calico-node --patch-file calico/calico-node-patch.yaml",
            "kubectl --context kind-calico-ipip-crosssubnet get nodes -o jsonpath=",
            "kubectl --context kind-calico-ipip-crosssubnet -n kube-system rollout status daemonset/calico-node --timeout ",
        ]
        var last = -1
        for command in expected {
            let found = Self.index(command, in: commands)
            #expect(found != nil, "missing '\(command)' in \(commands)")
            if let found {
                #expect(found > last, "'\(command)' out of order in \(commands)")
                last = found
            }
        }
        // The bridges come up (through bridges.sh and the ip stand-in) before containerlab deploys.
        #expect(standIns.exists("br-br-pool0") && standIns.exists("br-br-pool1"))
        let firstIP = commands.firstIndex { $0.hasPrefix("ip ") }
        #expect(
            firstIP != nil && firstIP! > Self.index("kind create", in: commands)!
                && firstIP! < Self.index("containerlab deploy", in: commands)!)
        #expect(result.out.contains("calico-ipip-crosssubnet-worker2  worker  10.1.8.10  rack rack1"))
        #expect(result.out.contains("pool default-ipv4-ippool 10.244.0.0/16 /26 encapsulation IPIPCrossSubnet"))

        // A second up finds everything in place: nothing is created again.
        standIns.clearLog()
        let again = Self.up(workspace, standIns)
        #expect(again.status == 0, "\(again.all)")
        let second = standIns.commands
        #expect(
            !second.contains {
                $0.hasPrefix("kind create") || $0.hasPrefix("containerlab deploy") || $0.hasPrefix("docker pull")
            })
    }

    @Test func operatorLabCreatesTheOperatorThenAppliesTheInstallation() throws {
        let (workspace, standIns) = try Self.setUp(Self.operatorLab)
        let result = Self.up(workspace, standIns, Self.operatorLab)
        #expect(result.status == 0, "\(result.all)")
        let commands = standIns.commands
        let create = Self.index(
            "kubectl --context kind-calico-vxlan-crosssubnet create -f https://raw.githubusercontent.com/projectcalico/calico/v3.30.3/manifests/tigera-operator.yaml",
            in: commands)
        let wait = Self.index(
            "kubectl --context kind-calico-vxlan-crosssubnet wait --for condition=established", in: commands)
        let apply = Self.index(
            "kubectl --context kind-calico-vxlan-crosssubnet apply -f calico/installation.yaml", in: commands)
        let rollout = Self.index(
            "kubectl --context kind-calico-vxlan-crosssubnet -n calico-system rollout status daemonset/calico-node",
            in: commands)
        #expect(create != nil && wait != nil && apply != nil && rollout != nil, "\(commands)")
        if let create, let wait, let apply, let rollout { #expect(create < wait && wait < apply && apply < rollout) }
        // Again: the operator exists, so 'kubectl create' (which would fail with AlreadyExists) is skipped.
        standIns.clearLog()
        #expect(Self.up(workspace, standIns, Self.operatorLab).status == 0)
        #expect(!standIns.commands.contains { $0.contains(" create -f ") })
        let status = workspace.labgen(["status", Self.operatorLab], environment: standIns.environment)
        #expect(status.status == 0, "\(status.out)")
    }

    /// Each step fails once; `up` stops there with the step, the command and its output, and the
    /// next `up` continues without redoing what was done.
    @Test(arguments: [
        ("kind create", "kind cluster"), ("bridges.sh up", "bridges"), ("containerlab deploy", "containerlab deploy"),
        ("apply -f https://", "Calico install"), ("rollout status", "wait for calico-node"),
        ("docker pull", "preflight"),
    ])
    func upResumesAfterAFailedStep(failing: String, step: String) throws {
        let (workspace, standIns) = try Self.setUp()
        // 'sh bridges.sh up' is run by sh, which the stand-ins do not log: break the bridge creation instead.
        try standIns.fail(failing == "bridges.sh up" ? "link add" : failing)
        let broken = Self.up(workspace, standIns)
        #expect(broken.status == 1)
        #expect(broken.out.contains("error: step '\(step)' failed"), "\(broken.all)")
        #expect(broken.out.contains("stand-in failure"), "the command's output is shown: \(broken.out)")
        if step == "preflight" {
            #expect(broken.out.contains("is neither present nor pullable"), "\(broken.out)")
        } else {
            #expect(
                broken.out.contains("labgen up \(Self.lab)' again") && broken.out.contains("labgen down \(Self.lab)"))
        }
        try standIns.fail(nil)
        let fixed = Self.up(workspace, standIns)
        #expect(fixed.status == 0, "\(fixed.all)")
        let commands = standIns.commands
        // The failed command is logged too: a step that failed ran twice, every other once.
        #expect(
            commands.filter { $0.hasPrefix("kind create") }.count == (failing == "kind create" ? 2 : 1), "\(commands)")
        #expect(
            commands.filter { $0.hasPrefix("containerlab deploy") }.count == (failing == "containerlab deploy" ? 2 : 1))
    }

    @Test func aPartlyDeployedTopologyIsRedeployedWithReconfigure() throws {
        let (workspace, standIns) = try Self.setUp()
        #expect(Self.up(workspace, standIns).status == 0)
        try standIns.set("clab", "2\n")
        standIns.clearLog()
        #expect(Self.up(workspace, standIns).status == 0)
        #expect(standIns.commands.contains("containerlab deploy -t calico-ipip-crosssubnet.clab.yaml --reconfigure"))
    }

    @Test func theWaitIsBoundedAndSaysWhatItWaitsFor() throws {
        let (workspace, standIns) = try Self.setUp()
        try standIns.set("nodes", Self.nodes.replacingOccurrences(of: "10.1.8.11 True", with: "172.18.0.5 True"))
        let start = Date()
        let result = Self.up(workspace, standIns, timeout: "0.3")
        #expect(result.status == 1)
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(result.out.contains("error: step 'wait for nodes' failed"), "\(result.out)")
        #expect(
            result.out.contains("calico-ipip-crosssubnet-worker3 (InternalIP 172.18.0.5, planned 10.1.8.11)"),
            "\(result.out)")
    }

    /// A manifest install whose calico-node made the pool before the patch: up says so and how to fix it.
    @Test func upChecksThePoolCalicoCreated() throws {
        let (workspace, standIns) = try Self.setUp()
        try standIns.set("pools", Self.pools.replacingOccurrences(of: "CrossSubnet", with: "Always"))
        let result = Self.up(workspace, standIns)
        #expect(result.status == 1)
        #expect(result.out.contains("error: step 'check pools' failed"), "\(result.out)")
        #expect(result.out.contains("ipipMode Always, out/ has CrossSubnet"))
        #expect(result.out.contains("rollout restart daemonset/calico-node"))
        let script = try Self.labScript(workspace, standIns, "up")
        #expect(script.status == 1)
        #expect(script.output.contains("error: step check pools failed"), "\(script.output)")
    }

    @Test func downAfterAHalfFinishedUpRemovesWhatWasMadeAndIsIdempotent() throws {
        let (workspace, standIns) = try Self.setUp()
        try standIns.fail("containerlab deploy")
        #expect(Self.up(workspace, standIns).status == 1)
        #expect(standIns.leftovers == ["br-br-pool0", "br-br-pool1", "kind-cluster"], "\(standIns.leftovers)")
        try standIns.fail(nil)
        standIns.clearLog()
        let down = workspace.labgen(["down", Self.lab], environment: standIns.environment)
        #expect(down.status == 0, "\(down.all)")
        #expect(standIns.leftovers.isEmpty, "\(standIns.leftovers)")
        #expect(!standIns.commands.contains { $0.hasPrefix("containerlab destroy") }, "nothing was deployed")
        #expect(standIns.commands.contains("kind delete cluster --name calico-ipip-crosssubnet"))
        standIns.clearLog()
        let again = workspace.labgen(["down", Self.lab], environment: standIns.environment)
        #expect(again.status == 0)
        #expect(!standIns.commands.contains { $0.hasPrefix("kind delete") })
    }

    @Test func downAfterAFullUpDestroysTheTopologyFirst() throws {
        let (workspace, standIns) = try Self.setUp()
        #expect(Self.up(workspace, standIns).status == 0)
        standIns.clearLog()
        #expect(workspace.labgen(["down", Self.lab], environment: standIns.environment).status == 0)
        let commands = standIns.commands
        let destroy = Self.index("containerlab destroy -t calico-ipip-crosssubnet.clab.yaml --cleanup", in: commands)
        let delete = Self.index("kind delete cluster", in: commands)
        #expect(destroy != nil && delete != nil && destroy! < delete!)
        #expect(standIns.leftovers.isEmpty, "\(standIns.leftovers)")
    }

    @Test func statusReportsPartsAndDifferences() throws {
        let (workspace, standIns) = try Self.setUp()
        let before = workspace.labgen(["status", Self.lab], environment: standIns.environment)
        #expect(before.status == 1)
        #expect(before.out.contains("--  kind cluster calico-ipip-crosssubnet does not exist"), "\(before.out)")
        #expect(Self.up(workspace, standIns).status == 0)
        let up = workspace.labgen(["status", Self.lab], environment: standIns.environment)
        #expect(up.status == 0, "\(up.out)")
        #expect(up.out.contains("is up and matches"))
        try standIns.set(
            "nodes", Self.nodes.replacingOccurrences(of: "10.1.8.10 True rack1", with: "10.1.8.10 True rack0"))
        try standIns.set("pools", Self.pools.replacingOccurrences(of: "CrossSubnet", with: "Always"))
        let drifted = workspace.labgen(["status", Self.lab], environment: standIns.environment)
        #expect(drifted.status == 1)
        #expect(drifted.out.contains("rack label 'rack0', out/ has 'rack1'"), "\(drifted.out)")
        #expect(drifted.out.contains("ipipMode Always, out/ has CrossSubnet"), "\(drifted.out)")
    }

    @Test func dryRunPrintsTheCommandsAndRunsNothing() throws {
        let (workspace, standIns) = try Self.setUp()
        for verb in ["up", "down", "status"] {
            let result = workspace.labgen([verb, Self.lab, "--dry-run"], environment: standIns.environment)
            #expect(result.status == 0, "\(result.all)")
            #expect(result.out.contains("kind get clusters"))
        }
        let up = workspace.labgen(["up", Self.lab, "--dry-run"], environment: standIns.environment)
        #expect(
            up.out.contains("kind create cluster --config kind.yaml\n# host bridges\nsh bridges.sh up\n"), "\(up.out)")
        #expect(standIns.commands.isEmpty, "\(standIns.commands)")
    }

    @Test func preflightStopsOnAMissingToolAndAnUntrustedRegistry() throws {
        let (workspace, standIns) = try Self.setUp()
        try FileManager.default.removeItem(at: standIns.bin.appendingPathComponent("kubectl"))
        var environment = standIns.environment
        environment["PATH"] = standIns.bin.path  // no system kubectl either
        let missing = workspace.labgen(["up", Self.lab], environment: environment)
        #expect(missing.status == 1)
        #expect(missing.out.contains("install kubectl and put it on PATH"), "\(missing.out)")
        let (workspace2, standIns2) = try Self.setUp()
        try standIns2.set("untrusted", "")
        let untrusted = Self.up(workspace2, standIns2)
        #expect(untrusted.status == 1)
        #expect(
            untrusted.out.contains("docker does not list 192.168.2.100:5000 under 'Insecure Registries'"),
            "\(untrusted.out)")
        #expect(!standIns2.commands.contains { $0.hasPrefix("kind create") })
    }

    @Test func upRefusesAStaleOutputFolder() throws {
        let (workspace, standIns) = try Self.setUp()
        try "edited\n".write(to: workspace.path("out/\(Self.lab)/kind.yaml"), atomically: true, encoding: .utf8)
        let result = Self.up(workspace, standIns)
        #expect(result.status == 1)
        #expect(result.err.contains("run 'labgen build' first"), "\(result.err)")
        #expect(standIns.commands.isEmpty)
    }

    // MARK: lab.sh

    static func labScript(_ workspace: Workspace, _ standIns: StandIns, _ verb: String) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [workspace.path("out/\(lab)/lab.sh").path, verb]
        var environment = standIns.environment
        environment["LAB_INTERVAL"] = "0"
        environment["LAB_TIMEOUT"] = "5"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func labScriptRunsTheSameSequence() throws {
        let (workspace, standIns) = try Self.setUp()
        let up = try Self.labScript(workspace, standIns, "up")
        #expect(up.status == 0, "\(up.output)")
        let viaScript = standIns.commands
        // The same commands as labgen up, in the same order (lab.sh checks tools with 'command -v' instead).
        for (earlier, later) in [
            ("kind create cluster --config kind.yaml", "containerlab deploy -t calico-ipip-crosssubnet.clab.yaml"),
            ("containerlab deploy", "kubectl --context kind-calico-ipip-crosssubnet apply -f https://"),
            (
                "kubectl --context kind-calico-ipip-crosssubnet apply -f https://",
                "kubectl --context kind-calico-ipip-crosssubnet -n kube-system patch"
            ),
            (
                "kubectl --context kind-calico-ipip-crosssubnet -n kube-system patch",
                "kubectl --context kind-calico-ipip-crosssubnet -n kube-system rollout status"
            ),
        ] {
            let a = Self.index(earlier, in: viaScript)
            let b = Self.index(later, in: viaScript)
            #expect(a != nil && b != nil && a! < b!, "\(earlier) before \(later): \(viaScript)")
        }
        #expect(up.output.contains("pool default-ipv4-ippool 10.244.0.0/16 /26 encapsulation IPIPCrossSubnet"))
        let status = try Self.labScript(workspace, standIns, "status")
        #expect(status.status == 0, "\(status.output)")
        standIns.clearLog()
        #expect(try Self.labScript(workspace, standIns, "up").status == 0)
        #expect(!standIns.commands.contains { $0.hasPrefix("kind create") || $0.hasPrefix("containerlab deploy") })
        let down = try Self.labScript(workspace, standIns, "down")
        #expect(down.status == 0, "\(down.output)")
        #expect(standIns.leftovers.isEmpty, "\(standIns.leftovers)")
        let drifted = try Self.labScript(workspace, standIns, "status")
        #expect(drifted.status == 1)
    }

    @Test func labScriptStopsAtAFailedStepAndResumes() throws {
        let (workspace, standIns) = try Self.setUp()
        try standIns.fail("containerlab deploy")
        let broken = try Self.labScript(workspace, standIns, "up")
        #expect(broken.status == 1)
        #expect(broken.output.contains("error: step containerlab deploy failed"), "\(broken.output)")
        try standIns.fail(nil)
        #expect(try Self.labScript(workspace, standIns, "up").status == 0)
        #expect(standIns.commands.filter { $0.hasPrefix("kind create") }.count == 1)
        try standIns.set(
            "nodes", Self.nodes.replacingOccurrences(of: "worker3 10.1.8.11 True", with: "worker3 10.1.8.11 False"))
        let start = Date()
        let timedOut = try Self.labScript(workspace, standIns, "up")
        #expect(timedOut.status == 1)
        #expect(timedOut.output.contains("still waiting for calico-ipip-crosssubnet-worker3"), "\(timedOut.output)")
        #expect(Date().timeIntervalSince(start) < 30)
    }
}
