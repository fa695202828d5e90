import LabModel

extension ResolveState {
    /// `Flannel(...)`: the backend, DirectRouting (vxlan and ipip only) and the release.
    mutating func resolveFlannel(_ spec: FlannelSpec) -> FlannelPlan? {
        if spec.directRouting, spec.backend == .hostGW {
            diagnostics.error(
                .invalidFlannel,
                "DirectRouting applies to the vxlan and ipip backends; host-gw routes directly already",
                at: spec.location)
            return nil
        }
        let version = spec.version ?? FlannelPlan.defaultVersion
        if !Self.isReleaseTag(version) {
            diagnostics.error(
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
