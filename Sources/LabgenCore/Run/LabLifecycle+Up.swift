import Foundation
import LabModel

extension LabLifecycle {
    /// Preflight, kind, bridges, containerlab, Calico, then the wait; each step skips what is already
    /// there, so running `up` again continues where it stopped. Returns the exit status.
    public func up() -> Int32 {
        if options.dryRun {
            printUpCommands()
            return 0
        }
        do {
            try preflight()
            if commands.hasCluster { try createCluster() }
            if commands.hasBridges {
                say("==> bridges\n")
                _ = try must("bridges", commands.bridgesUp)
            }
            try deployTopology()
            try installCalico()
            try installOtherCNI()
            if commands.hasCluster { try waitUntilReady() }
        } catch {
            report(error)
            return 1
        }
        printSummary()
        return 0
    }

    func preflight() throws(StepFailure) {
        say("==> preflight\n")
        for tool in commands.allTools {
            let command = commands.version(tool)
            let result = run(command, timeout: 60)
            guard result.succeeded else {
                let missing = result.status == 127
                throw StepFailure(
                    step: "preflight", command: command, result: result,
                    advice: missing
                        ? "install \(tool) and put it on PATH (see README, 'Run the lab')"
                        : tool == "docker"
                            ? "start the docker daemon and check that this user may use it"
                            : "check the \(tool) installation")
            }
            let version = result.output.split(separator: "\n").first.map(String.init) ?? ""
            say("  \(tool): \(version.trimmingCharacters(in: .whitespaces))\n")
        }
        if !options.isRoot {
            let sudo = ExternalCommand("sudo", ["-n", "true"])
            let result = run(sudo, timeout: 30)
            guard result.succeeded else {
                throw StepFailure(
                    step: "preflight", command: sudo, result: result,
                    advice:
                        "the host bridges and containerlab need root: run labgen as root, or allow this user "
                        + "'sudo' without a password"
                )
            }
        }
        if let registry = plan.registry, registry.insecure {
            let result = run(commands.dockerInfo, timeout: 60)
            if result.succeeded, !Self.dockerTrusts(registry.host, info: result.output) {
                throw StepFailure(
                    step: "preflight", command: commands.dockerInfo, result: nil,
                    advice: "docker does not list \(registry.host) under 'Insecure Registries': add "
                        + "\"insecure-registries\": [\"\(registry.host)\"] to /etc/docker/daemon.json and "
                        + "restart docker"
                )
            }
        }
        for image in commands.images {
            if run(commands.imageInspect(image), timeout: 60).succeeded {
                say("  image \(image): present\n")
                continue
            }
            _ = try must(
                "preflight", commands.imagePull(image),
                advice:
                    "the image \(image) is neither present nor pullable: push it to the registry or 'docker load' it "
                    + "(see README, 'Run the lab', for where the images come from)")
            say("  image \(image): pulled\n")
        }
    }

    /// Whether `docker info` lists `host` (or a CIDR holding its address) under "Insecure Registries:".
    static func dockerTrusts(_ host: String, info: String) -> Bool {
        var inSection = false
        let address = IPv4Address(String(host.split(separator: ":").first ?? ""))
        for line in info.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("Insecure Registries:") {
                inSection = true
                continue
            }
            guard inSection else { continue }
            if !line.hasPrefix(" ") || trimmed.isEmpty { break }
            if trimmed == host { return true }
            if let address, let prefix = IPv4Prefix(trimmed), prefix.contains(address) { return true }
        }
        return false
    }

    func createCluster() throws(StepFailure) {
        say("==> kind cluster \(commands.cluster)\n")
        if clusterExists() {
            say("  exists; skipped\n")
            return
        }
        _ = try must("kind cluster", commands.kindCreate)
    }

    func deployTopology() throws(StepFailure) {
        guard commands.topologyFile != nil else { return }
        say("==> containerlab topology\n")
        let running = deployedContainers()
        if running >= commands.labContainerCount {
            say("  deployed (\(running) containers); skipped\n")
            return
        }
        // A partly deployed lab is redeployed from scratch (containerlab destroys it first).
        _ = try must("containerlab deploy", commands.clabDeploy(reconfigure: running > 0)!)
    }

    func installCalico() throws(StepFailure) {
        guard let install = commands.install else { return }
        say("==> Calico \(install.version) (\(install.mode.rawValue))\n")
        var steps = commands.calicoInstall
        if install.mode == .operator, run(commands.operatorGet).succeeded {
            say("  the Tigera operator is installed; skipped 'kubectl create'\n")
            steps.removeFirst()
        }
        for command in steps { _ = try must("Calico install", command) }
    }

    func installOtherCNI() throws(StepFailure) {
        guard let install = commands.cniInstall else { return }
        say("==> \(install.title)\n")
        for command in install.steps { _ = try must("\(install.title) install", command) }
    }

    func waitUntilReady() throws(StepFailure) {
        say("==> waiting up to \(Int(options.waitTimeout)) s for the nodes\n")
        let deadline = Date().addingTimeInterval(options.waitTimeout)
        var waiting: [String] = ["(no answer from the API server yet)"]
        while true {
            if let nodes = nodes() {
                waiting = nodesNotReady(nodes)
                if waiting.isEmpty { break }
            }
            if Date() >= deadline {
                throw StepFailure(
                    step: "wait for nodes", command: commands.getNodes, result: nil,
                    advice:
                        "still waiting for \(waiting.joined(separator: ", ")) after \(Int(options.waitTimeout)) "
                        + "s; look at "
                        + "'kubectl --context \(commands.context) get pods -A', then run 'labgen up "
                        + "\(options.invocation)' again "
                        + "(or with a longer --timeout), or 'labgen down \(options.invocation)'")
            }
            say("  waiting for \(waiting.joined(separator: ", "))\n")
            if options.pollInterval > 0 { Thread.sleep(forTimeInterval: options.pollInterval) }
        }
        say("  every node is Ready with its planned address\n")
        let remaining = max(1, Int(deadline.timeIntervalSinceNow.rounded(.up)))
        if let install = commands.cniInstall {
            _ = try must("wait for \(install.daemonSet)", commands.cniRolloutStatus(install, timeoutSeconds: remaining))
        }
        guard commands.install != nil else { return }
        _ = try must("wait for calico-node", commands.rolloutStatus(timeoutSeconds: remaining))
        try checkRunningPools()
    }

    /// The pools Calico created must be the planned ones. In a manifest install calico-node creates the
    /// first pool from its environment when it first starts; one that started before the patch made it
    /// from the manifest's defaults.
    func checkRunningPools() throws(StepFailure) {
        var differences: [String] = []
        checkPools { ok, text in if !ok { differences.append(text) } }
        guard !differences.isEmpty else { return }
        let fix =
            commands.install?.mode == .manifest
            ? "calico-node created the pool before the patch reached it: delete it (kubectl --context "
                + "\(commands.context) "
                + "delete ippools.crd.projectcalico.org default-ipv4-ippool), restart calico-node (kubectl --context "
                + "\(commands.context) -n kube-system rollout restart daemonset/calico-node) and run 'labgen up "
                + "\(options.invocation)' again"
            : "compare calico/installation.yaml with 'kubectl --context \(commands.context) get installation "
                + "default -o yaml'"
        throw StepFailure(
            step: "check pools", command: commands.getPools,
            result: CommandResult(status: 1, output: differences.joined(separator: "\n")), advice: fix)
    }

    func printSummary() {
        guard commands.hasCluster else {
            say("lab '\(plan.name)' is up: \(commands.labContainerCount) containers, no kind cluster\n")
            return
        }
        var lines = [
            "lab '\(plan.name)' is up: kind cluster \(commands.cluster) (kubectl --context \(commands.context))"
        ]
        for node in plan.nodes {
            let attachment = node.attachment
            lines.append(
                "  \(node.name)  \(node.role.rawValue)  \(attachment?.address.address.description ?? "-")  "
                    + "rack \(attachment?.rack ?? "-")")
        }
        for pool in plan.cluster?.pools ?? [] {
            lines.append(
                "  pool \(pool.name) \(pool.cidr) /\(pool.blockSize) encapsulation "
                    + CalicoInstallationRenderer.encapsulation(ipip: pool.ipipMode, vxlan: pool.vxlanMode))
        }
        say(lines.joined(separator: "\n") + "\n")
    }

    func printUpCommands() {
        var lines = ["# labgen up \(plan.name): the commands, run in \(folder.path)"]
        lines.append("# preflight")
        for tool in commands.allTools { lines.append(shown(commands.version(tool))) }
        if plan.registry?.insecure == true {
            lines.append(shown(commands.dockerInfo) + "   # must list \(plan.registry!.host) under Insecure Registries")
        }
        for image in commands.images {
            lines.append(shown(commands.imageInspect(image)) + " || " + shown(commands.imagePull(image)))
        }
        lines.append("# kind (skipped when 'kind get clusters' lists \(commands.cluster))")
        lines.append(shown(commands.kindGetClusters))
        lines.append(shown(commands.kindCreate))
        if commands.hasBridges { lines += ["# host bridges", shown(commands.bridgesUp)] }
        if let inspect = commands.clabInspect, let deploy = commands.clabDeploy(reconfigure: false) {
            lines += [
                "# containerlab (skipped when inspect lists all \(commands.labContainerCount) containers; "
                    + "--reconfigure when some)"
            ]
            lines += [shown(inspect), shown(deploy)]
        }
        if let install = commands.install {
            lines.append("# Calico \(install.version), \(install.mode.rawValue)")
            if install.mode == .operator {
                lines.append(shown(commands.operatorGet) + "   # skip 'create' when it exists")
            }
            lines += commands.calicoInstall.map(shown)
        }
        if let install = commands.cniInstall {
            lines.append("# \(install.title)")
            lines += install.steps.map(shown)
        }
        lines.append(
            "# wait (up to \(Int(options.waitTimeout)) s) until every node is Ready with its planned InternalIP")
        lines.append(shown(commands.getNodes))
        if let install = commands.cniInstall {
            lines.append(shown(commands.cniRolloutStatus(install, timeoutSeconds: Int(options.waitTimeout))))
        }
        if commands.install != nil {
            lines.append(shown(commands.rolloutStatus(timeoutSeconds: Int(options.waitTimeout))))
        }
        say(lines.joined(separator: "\n") + "\n")
    }
}
