import LabModel

extension RuleID {
    public static let vyosBind: DiagnosticID = "LG010"
}

enum VyOSBindRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.vyosBind, summary: "the VyOS bind points at an existing config file and at config.boot",
        explanation: """
            The gateway's bind `./startup-conf/<gw>-boot.cfg:/opt/vyatta/etc/config/config.boot` is relative to the
            topology file; it must name a file that exists and holds a VyOS config, and mount it at
            /opt/vyatta/etc/config/config.boot. Otherwise docker creates an empty directory in its place or VyOS
            boots its default config: no rack addresses, no NAT, and every rack is cut off.
            """, severity: .error)

    /// The binds `LabView` found that mount a VyOS config, or look like they should.
    /// The binds `LabView` found that mount a VyOS config, or look like they should.
    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        let mount = LabView.vyosMount
        for bind in lab.vyosBinds {
            let name = bind.node.name.value
            switch bind.outcome {
            case .wrongTarget(let target):
                diagnostics.error(
                    RuleID.vyosBind, "\(name) mounts its VyOS config at '\(target)'; VyOS reads \(mount)",
                    at: bind.bind.location)
            case .config: break
            case .notVyOS(let resolved):
                diagnostics.error(
                    RuleID.vyosBind,
                    "\(name) mounts '\(bind.source)' as config.boot, but \(resolved) is not a VyOS config",
                    at: bind.bind.location)
            case .missing(let resolved):
                diagnostics.error(
                    RuleID.vyosBind,
                    "\(name) mounts '\(bind.source)', which does not exist (binds are relative to the topology file: "
                        + "\(resolved))",
                    at: bind.bind.location)
            }
        }
        for node in lab.unmountedVyOSNodes {
            diagnostics.error(
                RuleID.vyosBind,
                "VyOS node \(node.name.value) mounts no config at \(mount): it boots the default config, with no rack "
                    + "addresses",
                at: node.name.location)
        }
        return diagnostics.all
    }
}
