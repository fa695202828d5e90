import Foundation
import LabModel

/// `labgen up`, `down` and `status` for one lab whose artifacts are in `folder`: every command goes
/// through `runner`; messages go to `say`. The same commands are in `lab.sh` (see `LabCommands`).
public struct LabLifecycle {
    public struct Options: Sendable {
        /// Print the commands instead of running them.
        public var dryRun = false
        /// How long `up` waits for the nodes and calico-node, in seconds.
        public var waitTimeout: Double = 600
        /// Seconds between two looks at the nodes while waiting.
        public var pollInterval: Double = 5
        /// The time limit of every other command, in seconds (kind create and containerlab deploy pull images).
        public var commandTimeout: Double = 1800
        /// Whether labgen runs as root; otherwise root commands get `sudo`.
        public var isRoot = true
        /// The lab as the user named it (for the advice in messages: `labgen up <invocation>`).
        public var invocation = "LAB"

        public init() {}
    }

    /// A failed step: what was run and what it said.
    struct StepFailure: Error {
        var step: String
        var command: ExternalCommand?
        var result: CommandResult?
        var advice: String
    }

    public let commands: LabCommands
    public let folder: URL
    public let runner: any CommandRunner
    public let options: Options
    public let say: (String) -> Void

    public init(
        plan: LabPlan, folder: URL, runner: any CommandRunner, options: Options, say: @escaping (String) -> Void
    ) {
        commands = LabCommands(plan: plan)
        self.folder = folder
        self.runner = runner
        self.options = options
        self.say = say
    }

    var plan: LabPlan { commands.plan }

    // MARK: Running commands

    func argv(_ command: ExternalCommand) -> [String] {
        command.asRoot && !options.isRoot ? ["sudo"] + command.argv : command.argv
    }

    func shown(_ command: ExternalCommand) -> String {
        (command.asRoot && !options.isRoot ? "sudo " : "") + command.description
    }

    @discardableResult
    func run(_ command: ExternalCommand, timeout: Double? = nil) -> CommandResult {
        runner.run(argv(command), in: folder, timeout: timeout ?? options.commandTimeout)
    }

    /// Runs a step's command; a failure stops `up` with the step, the command and its output.
    func must(_ step: String, _ command: ExternalCommand, advice: String? = nil) throws(StepFailure) -> CommandResult {
        say("  $ \(shown(command))\n")
        let result = run(command)
        guard result.succeeded else {
            throw StepFailure(step: step, command: command, result: result, advice: advice ?? resumeAdvice)
        }
        return result
    }

    var resumeAdvice: String {
        "fix the cause and run 'labgen up \(options.invocation)' again to continue where it stopped, or 'labgen "
            + "down \(options.invocation)' to remove what was made"
    }

    func report(_ failure: StepFailure) {
        var text = "error: step '\(failure.step)' failed"
        if let command = failure.command { text += ": \(shown(command))" }
        if let result = failure.result {
            text +=
                result.timedOut
                ? " ran longer than its time limit and was stopped" : " exited with status \(result.status)"
            let output = result.combined.trimmingCharacters(in: .whitespacesAndNewlines)
            if !output.isEmpty {
                text +=
                    "\n"
                    + output.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(
                        separator: "\n")
            }
        }
        say(text + "\nnote: \(failure.advice)\n")
    }

    // MARK: Facts about the running lab

    func clusterExists() -> Bool {
        let result = run(commands.kindGetClusters)
        return result.succeeded
            && result.output.split(separator: "\n").contains {
                $0.trimmingCharacters(in: .whitespaces) == commands.cluster
            }
    }

    /// How many of the lab's containers containerlab reports (0 when none or when inspect fails).
    func deployedContainers() -> Int {
        guard let inspect = commands.clabInspect else { return 0 }
        let result = run(inspect)
        guard result.succeeded else { return 0 }
        return result.output.components(separatedBy: "\"name\"").count - 1
    }

    /// `name -> (InternalIP, Ready, rack)` from `kubectl get nodes`.
    func nodes() -> [String: (address: String, ready: Bool, rack: String)]? {
        let result = run(commands.getNodes)
        guard result.succeeded else { return nil }
        var nodes: [String: (String, Bool, String)] = [:]
        for line in result.output.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard let name = fields.first, !name.isEmpty else { continue }
            func field(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
            nodes[name] = (field(1), field(2) == "True", field(3))
        }
        return nodes
    }

    /// Planned nodes that are not Ready with their planned InternalIP (empty when all are).
    func nodesNotReady(_ nodes: [String: (address: String, ready: Bool, rack: String)]) -> [String] {
        commands.plannedNodes.compactMap { planned in
            guard let node = nodes[planned.name] else { return "\(planned.name) (not registered)" }
            if !planned.address.isEmpty, node.address != planned.address {
                return
                    "\(planned.name) (InternalIP \(node.address.isEmpty ? "none" : node.address), planned "
                    + "\(planned.address))"
            }
            return node.ready ? nil : "\(planned.name) (NotReady)"
        }
    }
}
