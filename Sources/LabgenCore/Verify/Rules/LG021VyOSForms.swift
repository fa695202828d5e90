import LabModel

extension RuleID {
    public static let vyosForms: DiagnosticID = "LG021"
}

enum VyOSFormsRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.vyosForms, summary: "a gateway's set commands agree with its config.boot",
        explanation: """
            A gateway often ships twice: as config.boot (<gw>-boot.cfg, what containerlab mounts) and as the `set`
            commands a person types (<gw>.cfg). Where both set the same setting, they must set the same value, and
            the commands may set nothing the config.boot lacks; otherwise the router you rebuild by hand from the
            commands is not the router the lab boots (a different rack address breaks that rack's default route).
            The set file may leave settings out (VyOS defaults). Dialect forms are one value (1.2's
            `outbound-interface eth0` is 1.4's `outbound-interface { name eth0 }`). When the topology mounts the
            config.boot and not the set file, a difference is a warning: the set file is stale.
            """, severity: .error)

    /// `<gw>.cfg` (set commands) against `<gw>-boot.cfg` in the same folder.
    static func check(_ lab: LabView) -> [Diagnostic] {
        let facts = lab.facts
        var diagnostics = DiagnosticList()
        for (path, commands) in facts.vyos.sorted(by: { $0.key < $1.key })
        where commands.isSetCommands && path.hasSuffix(".cfg") {
            let bootPath = String(path.dropLast(".cfg".count)) + "-boot.cfg"
            guard let boot = facts.vyos[bootPath], !boot.isSetCommands else { continue }
            // A set-command file the topology does not mount, next to a config.boot it does: stale, a warning.
            let mounted = Set(lab.gateways.values.map(\.file))
            let stale = facts.clab != nil && !mounted.contains(commands.file) && mounted.contains(boot.file)
            let severity: Severity = stale ? .warning : .error
            let staleNote = stale ? " (\(commands.file) is not mounted by the topology: stale?)" : ""
            for (setting, values) in commands.settings.sorted(by: { $0.key < $1.key }) {
                guard let bootValues = boot.settings[setting] else {
                    // The commands configure something the booted router does not have.
                    diagnostics.append(
                        Diagnostic(
                            RuleID.vyosForms, severity,
                            "\(commands.file) sets '\(setting)', which \(boot.file) does not have\(staleNote)",
                            at: values[0].location))
                    continue
                }
                let here = Set(values.map(\.value))
                let there = Set(bootValues.map(\.value))
                guard here != there, let first = values.first(where: { !there.contains($0.value) }) ?? values.first
                else {
                    continue
                }
                let hereList = here.sorted().map { "'\($0)'" }.joined(separator: ", ")
                let thereList = there.sorted().map { "'\($0)'" }.joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(
                        RuleID.vyosForms, severity,
                        "\(commands.file) sets '\(setting)' to \(hereList) but \(boot.file) has "
                            + "\(thereList)\(staleNote)",
                        at: first.location, notes: [.init("\(boot.file) sets it here", at: bootValues[0].location)]))
            }
        }
        return diagnostics.all
    }
}
