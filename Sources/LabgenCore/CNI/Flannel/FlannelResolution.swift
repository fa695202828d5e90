import LabModel

enum FlannelResolution {
    /// `Flannel(...)`: the backend, DirectRouting (vxlan and ipip only) and the release.
    static func resolve(_ spec: FlannelSpec, _ context: inout ResolveContext) -> FlannelPlan? {
        if spec.directRouting, spec.backend == .hostGW {
            context.diagnostics.error(
                .invalidFlannel,
                "DirectRouting applies to the vxlan and ipip backends; host-gw routes directly already",
                at: spec.location)
            return nil
        }
        let version = spec.version ?? FlannelPlan.defaultVersion
        if !ToolGrammars.isReleaseTag(version) {
            context.diagnostics.error(
                .invalidFlannel,
                "Flannel release '\(version.debugEscaped)' is not a release tag such as \(FlannelPlan.defaultVersion)",
                at: spec.location)
            return nil
        }
        return FlannelPlan(
            backend: spec.backend, directRouting: spec.directRouting, version: version,
            manifest: FlannelPlan.upstreamManifest(version: version), location: spec.location)
    }
}
