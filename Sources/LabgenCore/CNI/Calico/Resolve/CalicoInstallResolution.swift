import LabModel

/// `Calico(..., install:)`: the mode, a release tag like `v3.30.3` and the manifest's source.
/// The release and the manifest end up in `lab.sh` and in kubectl's arguments, so they are checked
/// to hold nothing a shell or a URL would read differently.
struct CalicoInstallPass: ResolverPass {
    let cluster: ClusterSpec?

    func run(_ context: inout ResolveContext) -> CalicoInstallPlan? {
        guard let cluster, !cluster.pools.isEmpty else { return nil }
        let installs = cluster.calicoInstalls
        context.reportAllButFirst(installs.map(\.location), as: .invalidCalicoInstall) { _ in
            ("Calico is installed one way per lab; this second 'install:' conflicts", "the first is here")
        }
        let written = installs.first
        let mode = written?.mode ?? .operator
        let version = written?.version ?? CalicoInstallPlan.defaultVersion
        if !ToolGrammars.isReleaseTag(version) {
            context.diagnostics.error(
                .invalidCalicoInstall,
                "Calico release '\(version.debugEscaped)' is not a release tag such as \(CalicoInstallPlan.defaultVersion)",
                at: written?.location ?? cluster.location)
            return nil
        }
        let manifest = written?.manifest ?? CalicoInstallPlan.upstreamManifest(mode, version: version)
        if let problem = Self.manifestProblem(manifest) {
            context.diagnostics.error(
                .invalidCalicoInstall, "Calico manifest '\(manifest.debugEscaped)' \(problem)",
                at: written?.location ?? cluster.location)
            return nil
        }
        return CalicoInstallPlan(mode: mode, version: version, manifest: manifest)
    }

    /// Why a manifest location is unusable, or nil: an `https://` or `http://` URL, or a file path,
    /// made of visible ASCII without quotes, spaces, `$`, backquotes or backslashes.
    static func manifestProblem(_ text: String) -> String? {
        if text.isEmpty { return "is empty" }
        let forbidden: Set<Unicode.Scalar> = [
            "'", "\"", "`", "$", "\\", " ", ";", "&", "|", "<", ">", "(", ")", "*", "?",
        ]
        if let bad = text.unicodeScalars.first(where: {
            !$0.isASCII || $0.value < 0x21 || $0.value == 0x7F || forbidden.contains($0)
        }) {
            return "contains '\(String(bad).debugEscaped)'; use a plain URL or file path"
        }
        if text.contains("://"), !(text.hasPrefix("https://") || text.hasPrefix("http://")) {
            return "is a URL kubectl cannot read; use https://, http:// or a file path"
        }
        if text.hasPrefix("-") { return "starts with '-', which kubectl would read as an option" }
        return nil
    }
}
