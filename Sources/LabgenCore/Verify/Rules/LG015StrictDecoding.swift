import LabModel

extension RuleID {
    public static let strictDecoding: DiagnosticID = "LG015"
}

enum StrictDecodingRule: VerificationRule {
    static let rule = Rule(
        id: RuleID.strictDecoding, summary: "kind config and kubeadm patches have no unknown fields or wrong types",
        explanation: """
            kind decodes its config strictly, and kubeadm its configurations: an unknown field (`kubeIetExtraArgs`
            with a capital I, copied from slides) or a wrong type (`nodes: 3`) makes `kind create cluster` fail, or,
            inside a patch, makes kubeadm reject it. labgen reports the field with a did-you-mean suggestion.
            """, severity: .error)

    /// Checked while reading: `StrictSchema`, `KindConfigReader` and `KubeadmPatchReader` report with this ID.
    static func check(_ lab: LabView) -> [Diagnostic] { [] }
}
