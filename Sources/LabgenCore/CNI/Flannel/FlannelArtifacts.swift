import LabFormats
import LabModel

/// Flannel's row of `ArtifactTable`: kube-flannel's ConfigMap with the lab's net-conf.json.
enum FlannelArtifacts {
    static let entries = [config]

    static let config = ArtifactEntry(
        kind: .flannelConfig, written: [.flannelConfig], path: ArtifactPaths.flannelConfig,
        render: ArtifactTable.one(FlannelRenderer.render),
        detectDocument: FlannelReader.isFlannelConfig,
        readDocument: { facts, _, document, origin in
            guard FlannelReader.isFlannelConfig(document),
                let found = FlannelReader.read(document, origin: origin, diagnostics: &facts.readDiagnostics)
            else { return }
            facts.flannel.append(found)
        },
        option: VerifyOption("--flannel", help: "A kube-flannel-cfg ConfigMap (net-conf.json) or kube-flannel.yml."),
        source: { query in
            guard query.file == ArtifactPaths.flannelConfig, let flannel = query.plan.cluster?.flannel else {
                return nil
            }
            return ("Flannel is declared here", flannel.location)
        })
}

extension Artifact.Kind {
    public static let flannelConfig = Self(rawValue: "kube-flannel ConfigMap")
}

extension ArtifactDiscovery.Kind {
    public static let flannelConfig = Self(rawValue: "kube-flannel net-conf")
}

extension ArtifactPaths {
    /// kube-flannel's `kube-flannel-cfg` ConfigMap with the lab's net-conf.json.
    public static let flannelConfig = "flannel/net-conf.yaml"
}
