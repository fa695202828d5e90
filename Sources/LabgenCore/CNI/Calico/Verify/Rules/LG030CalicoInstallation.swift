import LabModel

extension RuleID {
    public static let calicoInstallation: DiagnosticID = "LG030"
}

enum CalicoInstallationRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.calicoInstallation,
        summary: "the operator's Installation is one it accepts: named default, valid fields",
        explanation: """
            The Tigera operator (operator.tigera.io/v1) reads only the Installation named `default`; any other is
            ignored and Calico is never installed. Its settings differ from an IPPool's: `natOutgoing` is Enabled or
            Disabled (not true/false), `registry` ends with '/', and `nodeAddressAutodetectionV4` holds exactly one
            method (cidrs, interface, skipInterface, canReach, firstFound or kubernetes); the API server rejects the
            object otherwise and nodes stay NotReady. Its ipPools and autodetection are checked like an IPPool and
            calico-node's environment (LG007, LG008, LG017).
            """, severity: .error)

    /// Checked while reading: `CalicoInstallationReader` reports with this ID.
    static func check(_ lab: LabView) -> [Diagnostic] { [] }
}
