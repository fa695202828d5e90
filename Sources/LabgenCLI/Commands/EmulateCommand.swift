import Foundation
import LabModel
import LabgenCore

/// `labgen emulate [LAB|lab.swift|DIR]`: builds the lab from its generated files in Linux network
/// namespaces, sends real packets and reports what works (see docs/emulate.md).
enum EmulateCommand: Subcommand {
    static let spec = CommandSpec(
        name: "emulate",
        abstract: "Build a lab from its generated files in Linux network namespaces and check it with real packets.",
        discussion: """
            Builds the lab's underlay as its files say: one network namespace per kind node (its containerlab server
            joins it), one per gateway, a host namespace where bridges.sh runs verbatim, each containerlab link as a
            veth pair with its MTU, each server's exec commands run verbatim, each VyOS gateway configured from its
            config as read back (addresses, MTUs, static routes, source NAT masquerade, forwarding), an eth0 per node
            on a kind-like network (172.18.0.0/16) and an outside namespace behind the gateways' eth0. Then the
            lab's CNI datapath: Calico's per pool and mode (blocks, two pods per node, routes via tunl0 (IPIP),
            vxlan.calico (VXLAN) or plain as Felix programs them, natOutgoing); Flannel's per backend (vxlan, host-gw,
            ipip, DirectRouting; cni0, flannel.1, flannel.ipip); Cilium's tunnel (vxlan, geneve) or native routing
            (autoDirectNodeRoutes). The checks: a ping matrix, DF pings at the path MTU and one byte above, and
            captures on the gateways' and the nodes' rack interfaces that show where pod traffic is encapsulated.
            It runs no kubelet, Calico, Flannel, Cilium or VyOS: it proves the wiring, addressing, routing, NAT, MTU
            and the encapsulation decisions of the files. Everything is removed at the end, also on failure or Ctrl-C.

            LAB is a template lab's name, a lab file (lab.swift) or a folder of generated files (out/<lab>).
            --trace prints the path of one packet hop by hop (computed from the files; needs no root) and exits 0
            when the packet is delivered, 1 when it is dropped on the way.
            SRC and DST are node names, NODE/pod0 or NODE/pod1, gateway names, 'outside', or addresses.
            Exit status 0 when every check passes, 1 when one fails, 2 when the machine cannot emulate
            (not Linux, not root, iproute2/nftables/ping/tcpdump missing) or on usage errors.
            """,
        options: [
            .value("--lab", "name", help: "The template lab to emulate (same as naming it as LAB)."),
            .values("--trace", ["src", "dst"], help: "Print the path of one packet from SRC to DST and exit."),
        ],
        positionals: [
            CommandSpec.Positional(
                "lab", help: "A template lab name, a lab file (.swift) or a folder of generated files.")
        ])

    static func run(_ arguments: ParsedArguments, in context: CLIContext) throws -> Int32 {
        guard let (folder, temporary) = try labFolder(arguments, in: context) else { return ExitStatus.failure }
        defer { if temporary { try? FileManager.default.removeItem(at: folder) } }
        let (scanned, problems) = ArtifactDiscovery.scan(folder)
        // Diagnostics and the report name files as the user gave the folder.
        let shown = temporary ? "" : context.display(folder) + "/"
        var facts = LabFacts.read(scanned.map { (shown + $0.path, $0.text) })
        facts.readDiagnostics += problems
        let errors = facts.readDiagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            for diagnostic in errors { context.err(diagnostic.description + "\n") }
            return ExitStatus.failure
        }
        var plan: EmulationPlan
        do {
            plan = try EmulationPlanner.plan(facts)
            plan.bridgeScript = plan.bridgeScript.map { String($0.dropFirst(shown.count)) }
        } catch {
            context.err("error: cannot emulate \(context.display(folder)): \(error.description)\n")
            return ExitStatus.failure
        }
        let trace = arguments.all("--trace")
        if trace.count == 2 {
            do {
                let hops = try EmulationTrace.trace(from: trace[0], to: trace[1], in: plan)
                context.out(EmulationReportText.trace(hops, from: trace[0], to: trace[1], lab: plan.labName))
                return hops.last?.action == "delivered" ? ExitStatus.success : ExitStatus.failure
            } catch {
                throw UsageError(error.description, command: spec.name)
            }
        }
        if let missing = Emulator.missingPrerequisites(for: plan) {
            context.err("error: this machine cannot emulate: \(missing)\n")
            return ExitStatus.usage
        }
        let emulator = Emulator(plan: plan, folder: folder)
        if temporary { emulator.removeAtEnd(folder) }
        switch emulator.run() {
        case .failure(let error):
            context.err("error: this machine cannot emulate: \(error.description)\n")
            return ExitStatus.usage
        case .success(let report):
            context.out(EmulationReportText.table(report))
            return report.passed ? ExitStatus.success : ExitStatus.failure
        }
    }

    /// The folder of generated files to emulate; a template or lab file is rendered into a
    /// temporary folder first (returned with `true`: remove it afterwards).
    static func labFolder(_ arguments: ParsedArguments, in context: CLIContext) throws -> (URL, Bool)? {
        let positional = arguments.positionals.first
        if positional != nil, arguments.value("--lab") != nil {
            throw UsageError("Name the lab either as LAB or with --lab, not both.", command: spec.name)
        }
        var isDirectory: ObjCBool = false
        if let positional,
            FileManager.default.fileExists(atPath: context.url(positional).path, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            return (context.url(positional).standardizedFileURL, false)
        }
        var selection = ParsedArguments()
        if let positional, positional.hasSuffix(".swift") {
            selection.positionals = [positional]
        } else if let name = arguments.value("--lab") ?? positional {
            selection.values["--lab"] = [name]
        } else {
            throw UsageError(
                "Name the lab to emulate: a template lab, a lab file or a folder of generated files.",
                command: spec.name)
        }
        guard let (_, labs) = try LabSelection.compile(selection, in: context) else { return nil }
        guard labs.count == 1, let rendered = labs[0].rendered else {
            throw UsageError(
                "\(positional ?? "") declares \(labs.count) labs; emulate one: name its output folder (out/<lab>).",
                command: spec.name)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "labgen-emulate-\(UUID().uuidString)")
        for artifact in rendered.artifacts {
            let url = folder.appendingPathComponent(artifact.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(artifact.contents.utf8).write(to: url)
        }
        return (folder, true)
    }
}
