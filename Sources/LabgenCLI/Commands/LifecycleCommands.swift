import Foundation
import LabModel
import LabgenCore

/// `labgen up`, `down` and `status`: run the lab whose artifacts are in out/<lab>/ with the real
/// tools (kind, containerlab, docker, kubectl), found on PATH. See `LabLifecycle`.
enum LifecycleCommand {
    static let options: [CommandSpec.Option] = [
        LabSelection.outputOption,
        .flag("--dry-run", help: "Print the exact commands instead of running them."),
        .value("--timeout", "seconds", help: "How long 'up' waits for the nodes and calico-node (default 600)."),
        .value("--interval", "seconds", help: "Seconds between two looks at the nodes while waiting (default 5)."),
        .value("--command-timeout", "seconds", help: "Time limit of every other command (default 1800)."),
    ]

    static let labArgument = CommandSpec.Positional(
        "lab",
        help:
            "A built-in lab's name (see 'labgen templates') or a lab file (lab.swift); its artifacts must be in out/<lab>/."
    )

    static func spec(_ name: String, _ abstract: String, _ discussion: String) -> CommandSpec {
        CommandSpec(
            name: name, abstract: abstract, discussion: discussion, options: options, positionals: [labArgument])
    }

    enum Action { case up, down, status }

    static func run(_ action: Action, _ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        guard let target = arguments.positionals.first else {
            let names = LabInputs.templates().specs.map(\.name).joined(separator: ", ")
            throw UsageError("Name the lab: a lab file or one of \(names).", command: nil)
        }
        if arguments.positionals.count > 1 { throw UsageError("One lab at a time.", command: nil) }
        var selection = ParsedArguments()
        if let output = arguments.value("--output") { selection.values["--output"] = [output] }
        if target.hasSuffix(".swift") {
            selection.positionals = [target]
        } else {
            selection.values["--lab"] = [target]
        }
        guard let (_, labs) = try LabSelection.compile(selection, in: context) else { return ExitStatus.failure }
        guard labs.count == 1, let lab = labs.first, let plan = lab.plan, let rendered = lab.rendered else {
            context.err("error: \(target) declares \(labs.count) labs; labgen runs one at a time\n")
            return ExitStatus.failure
        }
        guard plan.cluster != nil else {
            context.err("error: lab '\(plan.name)' has no Cluster; there is nothing to bring up\n")
            return ExitStatus.failure
        }
        let root = LabSelection.outputFolder(arguments, in: context)
        let folder = root.appendingPathComponent(plan.name)
        let build =
            "labgen build" + (target.hasSuffix(".swift") ? " " + target : "")
            + (arguments.value("--output").map { " --output \($0)" } ?? "")
        let stale = Freshness.compare(rendered, in: root).filter { $0.state != .fresh && $0.state != .obsolete }
        if !arguments.flag("--dry-run"), action != .down || !FileManager.default.fileExists(atPath: folder.path) {
            if !stale.isEmpty {
                context.err(
                    "error: \(context.display(folder)) is not what lab '\(plan.name)' generates (\(stale.count) file"
                        + "\(stale.count == 1 ? "" : "s") missing or stale: \(stale.prefix(3).map(\.path).joined(separator: ", ")))\n"
                        + "note: run '\(build)' first\n")
                return ExitStatus.failure
            }
        }
        var options = LabLifecycle.Options()
        options.dryRun = arguments.flag("--dry-run")
        if let value = try seconds(arguments, "--timeout") { options.waitTimeout = value }
        if let value = try seconds(arguments, "--interval") { options.pollInterval = value }
        if let value = try seconds(arguments, "--command-timeout") { options.commandTimeout = value }
        options.isRoot = geteuid() == 0
        let lifecycle = LabLifecycle(
            plan: plan, folder: folder, runner: ProcessCommandRunner(environment: context.environment),
            options: withInvocation(options, target: target), say: { context.out($0) })
        switch action {
        case .up: return lifecycle.up()
        case .down: return lifecycle.down()
        case .status: return lifecycle.status()
        }
    }

    static func withInvocation(_ options: LabLifecycle.Options, target: String) -> LabLifecycle.Options {
        var options = options
        options.invocation = target
        return options
    }

    static func seconds(_ arguments: ParsedArguments, _ name: String) throws -> Double? {
        guard let text = arguments.value(name) else { return nil }
        guard let value = Double(text), value >= 0, value.isFinite else {
            throw UsageError("\(name) takes a number of seconds, not '\(text)'.", command: nil)
        }
        return value
    }
}

enum UpCommand: Subcommand {
    static let spec = LifecycleCommand.spec(
        "up", "Bring a lab up: kind cluster, host bridges, containerlab topology, Calico; then wait until it is Ready.",
        """
        Runs in out/<lab>/: preflight (docker, kind, containerlab, kubectl and their versions; root or sudo; the
        images; an insecure registry docker must trust), then 'kind create cluster', 'bridges.sh up',
        'containerlab deploy', the Calico install, and waits until every node is Ready with its planned address
        and calico-node runs everywhere. Steps already done are skipped, so running it again continues where it
        stopped. out/<lab>/lab.sh up does the same without labgen.
        """)
    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        try LifecycleCommand.run(.up, arguments, in: context)
    }
}

enum DownCommand: Subcommand {
    static let spec = LifecycleCommand.spec(
        "down", "Take a lab down: containerlab destroy, kind delete cluster, bridges.sh down (only what the lab made).",
        "Skips what is not there, so it is safe to run twice and after a half-finished 'labgen up'.")
    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        try LifecycleCommand.run(.down, arguments, in: context)
    }
}

enum StatusCommand: Subcommand {
    static let spec = LifecycleCommand.spec(
        "status", "Show which parts of a lab are up and whether the running lab matches out/<lab>/.",
        """
        Asks kind, containerlab, ip and kubectl: the cluster, the bridges, the containers, every node's
        InternalIP, rack label and readiness, and Calico's pools (cidr, block size, encapsulation, NAT).
        Exit status 0 when the lab is up and matches, 1 otherwise.
        """)
    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        try LifecycleCommand.run(.status, arguments, in: context)
    }
}
