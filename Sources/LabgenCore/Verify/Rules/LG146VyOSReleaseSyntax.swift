import LabFormats
import LabModel

extension RuleID {
    public static let vyosReleaseSyntax: DiagnosticID = "LG146"
}

enum VyOSReleaseSyntaxRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.vyosReleaseSyntax, summary: "a VyOS config's syntax is that of the release its footer names",
        explanation: """
            VyOS reads config.boot with the syntax of its own release, after migrating the file from the component
            versions its footer names (`// vyos-config-version: "...nat@5:ntp@1..."`). Syntax of an older release
            is migrated only when the footer says so, syntax of a newer release never: `system ntp` in a file whose
            footer says ntp@2 or later (VyOS 1.4+, where NTP is `service ntp`), `outbound-interface eth0` as a leaf
            in a file that says nat@6 or later (1.4+ writes `outbound-interface { name eth0 }`), and, the other way
            round, `service ntp`, `outbound-interface { name ... }` or the 1.2-only `login user ... level` in a file
            of a release that lacks them. VyOS then rejects the node when it loads the file at boot, and the router
            comes up without NAT (the racks lose the outside world) or without NTP or its users. Write the syntax of
            the release the footer names (labgen's stock data for 1.2, 1.3, 1.4 and 1.5 does), or fix the footer.
            """, severity: .error)

    /// The nodes whose syntax differs between releases agree with the release (and the component
    /// versions) the file's footer names.
    static func check(_ lab: LabView) -> [Diagnostic] {
        var diagnostics = DiagnosticList()
        for (_, vyos) in lab.facts.vyos.sorted(by: { $0.key < $1.key }) {
            guard let release = vyos.release else { continue }
            let evidence = release.value
            let named = "\(VyOSFactsReader.short(evidence)) (by \(evidence.source))"
            let notes = [Diagnostic.Note("the release is named here", at: release.location)]
            let old = evidence.dialect == .crux || evidence.dialect == .equuleus
            let new = evidence.dialect == .sagitta || evidence.dialect == .circinus || (evidence.dialect == nil)
            for marker in vyos.releaseSyntax {
                var problem: String?
                switch marker.value {
                case .systemNTP:
                    if let ntp = evidence.components["ntp"], ntp >= 2 {
                        problem =
                            "'system ntp' in a config of \(named) whose footer says ntp@\(ntp): VyOS moved "
                            + "NTP to 'service ntp' (ntp@2, VyOS 1.4) and does not migrate this file"
                    } else if new && evidence.components["ntp"] == nil {
                        problem = "'system ntp' in a config of \(named): VyOS 1.4 and later have 'service ntp'"
                    }
                case .serviceNTP:
                    if old {
                        problem = "'service ntp' in a config of \(named): 1.2 and 1.3 keep NTP under 'system ntp'"
                    }
                case .loginLevel:
                    if evidence.dialect != .crux {
                        problem = "'level' of a login user in a config of \(named): only VyOS 1.2 has it"
                    }
                case .natInterfaceLeaf(let name):
                    if let nat = evidence.components["nat"], nat >= 6 {
                        problem =
                            "'\(name)' written as a leaf in a config of \(named) whose footer says nat@\(nat): "
                            + "VyOS 1.4 and later want '\(name) { name ... }' and migrate a leaf only when the footer "
                            + "says nat@5 or lower"
                    } else if new && evidence.components["nat"] == nil {
                        problem =
                            "'\(name)' written as a leaf in a config of \(named): VyOS 1.4 and later want "
                            + "'\(name) { name ... }'"
                    }
                case .natInterfaceBlock(let name):
                    if old {
                        problem =
                            "'\(name) { ... }' in a config of \(named): 1.2 and 1.3 take the interface as a leaf "
                            + "('\(name) eth0')"
                    }
                }
                if let problem {
                    diagnostics.error(RuleID.vyosReleaseSyntax, problem, at: marker.location, notes: notes)
                }
            }
        }
        return diagnostics.all
    }
}
