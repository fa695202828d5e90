import LabModel

extension RuleID {
    public static let interfaceNames: DiagnosticID = "LG013"
}

enum InterfaceNamesRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.interfaceNames, summary: "interface names fit 15 characters; every bridge is created by the script",
        explanation: """
            Linux interface names (link endpoints, bridge ports, bridges) are at most 15 characters: containerlab
            fails to create a longer veth. containerlab does not create `kind: bridge` nodes; the bridge setup script
            must create every one, else `containerlab deploy` fails with "bridge not found".
            """, severity: .error)

    static func check(_ lab: LabView) -> [Diagnostic] {
        guard let clab = lab.facts.clab else { return [] }
        var diagnostics = DiagnosticList()
        for link in clab.links {
            for endpoint in link.endpoints where endpoint.interface.unicodeScalars.count > 15 {
                diagnostics.error(
                    RuleID.interfaceNames,
                    "interface name '\(endpoint.interface)' has \(endpoint.interface.unicodeScalars.count) characters; "
                        + "Linux allows 15",
                    at: endpoint.location)
            }
        }
        for node in clab.nodes where node.isBridge && node.name.value.unicodeScalars.count > 15 {
            diagnostics.error(
                RuleID.interfaceNames,
                "bridge name '\(node.name.value)' has \(node.name.value.unicodeScalars.count) characters; "
                    + "Linux allows 15",
                at: node.name.location)
        }
        // A script that makes a bridge whose name it computes ($1, br-$i) may make any of them.
        let scripts = lab.facts.bridgeScripts
        guard !scripts.isEmpty, scripts.allSatisfy(\.complete) else { return diagnostics.all }
        var created = Set<String>()
        for script in scripts { created.formUnion(script.bridges.map(\.value)) }
        for node in clab.nodes where node.kind?.value == "bridge" && !created.contains(node.name.value) {
            diagnostics.error(
                RuleID.interfaceNames,
                "bridge \(node.name.value) is not created by the bridge script; containerlab does not create bridges",
                at: node.name.location,
                notes: scripts.map {
                    Diagnostic.Note("bridge script", at: SourceLocation(file: $0.file, line: 1, column: 1))
                })
        }
        return diagnostics.all
    }
}
