import Foundation
import LabModel
import TemplateLabs
import Testing

@testable import LabgenCore

/// `labgen up`, `down` and `status` on a lab of routers and plain hosts, with no kind cluster.
@Suite struct FabricLifecycleTests {
    static func lifecycle(_ runner: RecordingCommandRunner, said: @escaping @Sendable (String) -> Void) throws
        -> LabLifecycle
    {
        var options = LabLifecycle.Options()
        options.isRoot = true
        options.pollInterval = 0
        return LabLifecycle(
            plan: try LabLifecycleRunnerTests.plan("flannel-manual-host-gateway"),
            folder: URL(fileURLWithPath: "/nonexistent"), runner: runner, options: options, say: said)
    }

    @Test func upDeploysTheTopologyWithoutKindOrKubectl() throws {
        let runner = RecordingCommandRunner { argv in
            if argv.first == "docker", argv.dropFirst().first == "info" {
                return CommandResult(status: 0, output: " Insecure Registries:\n  192.168.2.100:5000\n")
            }
            if argv.contains("inspect") && argv.contains("containerlab") { return CommandResult(status: 1) }
            return CommandResult(status: 0)
        }
        let said = Said()
        #expect(try Self.lifecycle(runner, said: said.append).up() == 0, "\(said.text)")
        let commands = runner.commands
        #expect(commands.contains(["containerlab", "deploy", "-t", "host-gw.clab.yaml"]))
        #expect(!commands.contains { $0.first == "kind" }, "no kind command: \(commands)")
        #expect(!commands.contains { $0.first == "kubectl" }, "no kubectl command: \(commands)")
        #expect(!commands.contains { $0.contains("bridges.sh") }, "no bridges: \(commands)")
        // Both plain hosts' image is checked like the routers'.
        #expect(commands.contains(["docker", "image", "inspect", "192.168.2.100:5000/nettool"]))
        #expect(said.text.contains("no kind cluster"))
    }

    @Test func downAndStatusSkipKind() throws {
        let runner = RecordingCommandRunner { _ in CommandResult(status: 0, output: "") }
        let said = Said()
        let lifecycle = try Self.lifecycle(runner, said: said.append)
        #expect(lifecycle.down() == 0, "\(said.text)")
        _ = lifecycle.status()
        #expect(!runner.commands.contains { $0.first == "kind" || $0.first == "kubectl" }, "\(runner.commands)")
        #expect(!said.text.contains("kind cluster"))
    }
}

/// Text said by the lifecycle, collected across its closure.
final class Said: @unchecked Sendable {
    private let lock = NSLock()
    private var collected = ""
    var text: String { lock.withLock { collected } }
    func append(_ more: String) { lock.withLock { collected += more } }
}
