import Foundation
import LabModel

extension LabLifecycle {
    /// containerlab destroy, kind delete, bridges down: only what this lab made, and nothing that
    /// is not there (so it is safe to run twice, and after a half-finished `up`).
    public func down() -> Int32 {
        if options.dryRun {
            var lines = ["# labgen down \(plan.name): the commands, run in \(folder.path)"]
            if let inspect = commands.clabInspect, let destroy = commands.clabDestroy {
                lines += ["# containerlab (skipped when inspect lists no container)", shown(inspect), shown(destroy)]
            }
            lines += ["# kind (skipped when 'kind get clusters' does not list \(commands.cluster))"]
            lines += [shown(commands.kindGetClusters), shown(commands.kindDelete)]
            if commands.hasBridges { lines += ["# host bridges", shown(commands.bridgesDown)] }
            say(lines.joined(separator: "\n") + "\n")
            return 0
        }
        do {
            if let destroy = commands.clabDestroy {
                say("==> containerlab topology\n")
                if deployedContainers() > 0 {
                    _ = try must("containerlab destroy", destroy, advice: downAdvice)
                } else {
                    say("  not deployed; skipped\n")
                }
            }
            // A lab of routers and plain hosts has no kind cluster to delete.
            if commands.hasCluster {
                say("==> kind cluster \(commands.cluster)\n")
                if clusterExists() {
                    _ = try must("kind delete", commands.kindDelete, advice: downAdvice)
                } else {
                    say("  not present; skipped\n")
                }
            }
            if commands.hasBridges {
                say("==> bridges\n")
                _ = try must("bridges", commands.bridgesDown, advice: downAdvice)
            }
        } catch {
            report(error)
            return 1
        }
        say("lab '\(plan.name)' is down\n")
        return 0
    }

    var downAdvice: String {
        "fix the cause and run 'labgen down \(options.invocation)' again; it skips what is already gone"
    }

    /// Which parts are up, and whether the running lab matches the artifacts. Exit status 0 when the
    /// lab is up and matches, 1 otherwise.
    public func status() -> Int32 {
        if options.dryRun {
            var lines = [
                "# labgen status \(plan.name): the commands, run in \(folder.path)", shown(commands.kindGetClusters),
            ]
            if commands.hasBridges { lines += commands.bridges.map { shown(commands.bridgeShow($0)) } }
            if let inspect = commands.clabInspect { lines.append(shown(inspect)) }
            lines += [shown(commands.getNodes)]
            if commands.install != nil { lines.append(shown(commands.getPools)) }
            say(lines.joined(separator: "\n") + "\n")
            return 0
        }
        var problems = 0
        func line(_ ok: Bool, _ text: String) {
            if !ok { problems += 1 }
            say("\(ok ? "ok  " : "--  ")\(text)\n")
        }
        let cluster = commands.hasCluster && clusterExists()
        if commands.hasCluster {
            line(cluster, "kind cluster \(commands.cluster) \(cluster ? "exists" : "does not exist")")
        }
        if commands.hasBridges {
            for bridge in commands.bridges {
                let present = run(commands.bridgeShow(bridge)).succeeded
                line(present, "bridge \(bridge) \(present ? "exists" : "does not exist")")
            }
        }
        if commands.clabInspect != nil {
            let running = deployedContainers()
            line(
                running >= commands.labContainerCount,
                "containerlab: \(running) of \(commands.labContainerCount) containers running")
        }
        guard cluster else {
            if !commands.hasCluster {
                say("lab '\(plan.name)' \(problems == 0 ? "is up" : "is not up")\n")
                return problems == 0 ? 0 : 1
            }
            say("lab '\(plan.name)' is not up\n")
            return 1
        }
        if let nodes = nodes() {
            for planned in commands.plannedNodes {
                guard let node = nodes[planned.name] else {
                    line(false, "node \(planned.name) is not registered")
                    continue
                }
                var differences: [String] = []
                if !planned.address.isEmpty, node.address != planned.address {
                    differences.append(
                        "InternalIP \(node.address.isEmpty ? "none" : node.address), out/ has \(planned.address)")
                }
                if let rack = planned.rack, node.rack != rack {
                    differences.append("rack label '\(node.rack)', out/ has '\(rack)'")
                }
                if !node.ready { differences.append("NotReady") }
                line(
                    differences.isEmpty,
                    "node \(planned.name) \(planned.address) rack \(planned.rack ?? "-")"
                        + (differences.isEmpty ? ": Ready, as planned" : ": " + differences.joined(separator: "; ")))
            }
        } else {
            line(false, "kubectl cannot list the nodes of \(commands.context)")
        }
        if commands.install != nil { checkPools(line) }
        say(
            problems == 0
                ? "lab '\(plan.name)' is up and matches \(folder.lastPathComponent)/\n"
                : "lab '\(plan.name)': \(problems) difference\(problems == 1 ? "" : "s")\n")
        return problems == 0 ? 0 : 1
    }

    /// The pools Calico reports against the planned ones: cidr, block size, encapsulation, NAT.
    func checkPools(_ line: (Bool, String) -> Void) {
        let result = run(commands.getPools)
        guard result.succeeded else {
            line(false, "kubectl cannot list Calico's IP pools (is Calico installed?)")
            return
        }
        var running: [String: [String]] = [:]
        for text in result.output.split(separator: "\n") {
            let fields = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            if let name = fields.first, !name.isEmpty { running[name] = fields }
        }
        var pools = plan.cluster?.pools ?? []
        // In manifest mode calico-node creates only the first pool (the others need calicoctl).
        if commands.install?.mode == .manifest { pools = Array(pools.prefix(1)) }
        for pool in pools {
            guard let fields = running[pool.name] else {
                line(false, "pool \(pool.name) does not exist")
                continue
            }
            func field(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
            let expected = [
                ("cidr", pool.cidr.description, field(1)), ("blockSize", String(pool.blockSize), field(2)),
                ("ipipMode", pool.ipipMode.rawValue, field(3).isEmpty ? "Never" : field(3)),
                ("vxlanMode", pool.vxlanMode.rawValue, field(4).isEmpty ? "Never" : field(4)),
                ("natOutgoing", pool.natOutgoing ? "true" : "false", field(5).isEmpty ? "false" : field(5)),
            ]
            let differences = expected.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.2), out/ has \($0.1)" }
            line(
                differences.isEmpty,
                "pool \(pool.name) \(pool.cidr)"
                    + (differences.isEmpty ? ": as planned" : ": " + differences.joined(separator: "; ")))
        }
    }
}
