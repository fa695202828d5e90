import Foundation
import LabModel
import TemplateLabs
import Testing

@testable import LabgenCore

/// The lifecycle through the recording runner: what is run as root, and how docker's trust of an
/// insecure registry is read.
@Suite struct LabLifecycleRunnerTests {
    static func plan(_ name: String) throws -> LabPlan {
        let lab = try #require(templateLabs.first { $0.lab.spec.name == name })
        return try #require(Resolver.resolve(lab.lab.spec).plan)
    }

    @Test func withoutRootTheBridgesAndContainerlabGoThroughSudo() throws {
        let runner = RecordingCommandRunner { argv in
            // Nothing exists yet; every action succeeds; the nodes come up at once.
            if argv.starts(with: ["kind", "get"]) { return CommandResult(status: 0) }
            if argv.contains("inspect") && argv.contains("image") { return CommandResult(status: 0) }
            if argv.contains("nodes") {
                let output =
                    "calico-ipip-crosssubnet-control-plane 10.1.5.10 True rack0\ncalico-ipip-crosssubnet-worker 10.1.5.11 True rack0\n"
                    + "calico-ipip-crosssubnet-worker2 10.1.8.10 True rack1\ncalico-ipip-crosssubnet-worker3 10.1.8.11 True rack1\n"
                return CommandResult(status: 0, output: output)
            }
            if argv.contains("ippools.crd.projectcalico.org") {
                return CommandResult(status: 0, output: "default-ipv4-ippool 10.244.0.0/16 26 CrossSubnet Never true\n")
            }
            if argv.first == "docker", argv.dropFirst().first == "info" {
                return CommandResult(status: 0, output: " Insecure Registries:\n  192.168.0.0/16\n")
            }
            return CommandResult(status: 0)
        }
        var options = LabLifecycle.Options()
        options.isRoot = false
        options.pollInterval = 0
        var said = ""
        let lifecycle = LabLifecycle(
            plan: try Self.plan("calico-ipip-crosssubnet"), folder: URL(fileURLWithPath: "/nonexistent"),
            runner: runner,
            options: options, say: { said += $0 })
        #expect(lifecycle.up() == 0, "\(said)")
        let commands = runner.commands
        #expect(commands.contains(["sudo", "-n", "true"]))
        #expect(commands.contains(["sudo", "sh", "bridges.sh", "up"]))
        #expect(commands.contains(["sudo", "containerlab", "deploy", "-t", "calico-ipip-crosssubnet.clab.yaml"]))
        #expect(commands.contains(["kind", "create", "cluster", "--config", "kind.yaml"]), "kind runs as the user")
        #expect(!commands.contains { $0.first == "sudo" && $0.dropFirst().first == "kubectl" })
    }

    @Test func dockerTrustReadsHostsAndCIDRs() {
        let info = "Server:\n Insecure Registries:\n  reg.example:5000\n  10.0.0.0/8\n Live Restore Enabled: false\n"
        #expect(LabLifecycle.dockerTrusts("reg.example:5000", info: info))
        #expect(LabLifecycle.dockerTrusts("10.1.2.3:5000", info: info))
        #expect(!LabLifecycle.dockerTrusts("192.168.2.100:5000", info: info))
        #expect(!LabLifecycle.dockerTrusts("192.168.2.100:5000", info: "Server:\n Live Restore Enabled: false\n"))
    }

    @Test func theInstallModeDecidesWhichCalicoFilesAreWritten() throws {
        let manifest = try Renderer.render(try Self.plan("calico-ipip-crosssubnet"))
        #expect(manifest.artifact(at: ArtifactPaths.calicoPools) != nil)
        #expect(manifest.artifact(at: ArtifactPaths.calicoNodePatch)?.contents.contains("CALICO_IPV4POOL_IPIP") == true)
        #expect(manifest.artifact(at: ArtifactPaths.calicoInstallation) == nil)
        let operatorLab = try Renderer.render(try Self.plan("calico-vxlan-crosssubnet"))
        #expect(operatorLab.artifact(at: ArtifactPaths.calicoPools) == nil)
        #expect(operatorLab.artifact(at: ArtifactPaths.calicoNodePatch) == nil)
        let installation = try #require(operatorLab.artifact(at: ArtifactPaths.calicoInstallation)).contents
        #expect(installation.contains("encapsulation: VXLANCrossSubnet\n"))
        #expect(installation.contains("registry: 192.168.2.100:5000/\n"))
        #expect(operatorLab.artifact(at: ArtifactPaths.labScript)?.executable == true)
    }
}

/// Every built-in lab's lab.sh is a shell script both bash-less shells accept (labs without a kind
/// cluster get no lab.sh).
@Suite struct LabScriptSyntaxTests {
    @Test(arguments: templateLabs.filter { !$0.lab.spec.clusters.isEmpty }.map(\.lab.spec.name))
    func labScriptParses(lab name: String) throws {
        let plan = try LabLifecycleRunnerTests.plan(name)
        let script = try #require(try Renderer.render(plan).artifact(at: ArtifactPaths.labScript))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("labgen-lab-\(UUID().uuidString).sh")
        try script.contents.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        for shell in ["/bin/sh", "/usr/bin/dash", "/bin/bash"] where FileManager.default.isExecutableFile(atPath: shell)
        {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: shell)
            process.arguments = ["-n", file.path]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(shell) -n rejects lab.sh of \(name)")
        }
        // Every word that comes from the lab is single-quoted.
        #expect(script.contents.contains("CLUSTER='\(plan.cluster!.name)'"))
    }
}
