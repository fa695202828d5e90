import LabFormats
import LabModel

/// Cilium's rows of `ArtifactTable`: the Helm values labgen writes, and the `cilium install` or
/// `helm install --set` commands of a hand-written script (read, never written).
enum CiliumArtifacts {
    static let entries = [values, bgp, installScript]

    /// cilium/bgp.yaml: written only (its resources are read by whichever row reads BGP peerings).
    static let bgp = ArtifactEntry(
        written: [.ciliumBGP], path: ArtifactPaths.ciliumBGP, render: ArtifactTable.one(CiliumBGPRenderer.render))

    static let values = ArtifactEntry(
        kind: .ciliumValues, written: [.ciliumValues], path: ArtifactPaths.ciliumValues,
        render: ArtifactTable.one(CiliumValuesRenderer.render),
        detectDocument: CiliumReader.isValuesFile,
        readDocument: { facts, _, document, origin in
            guard CiliumReader.isValuesFile(document) else { return }
            facts.cilium.append(CiliumReader.readValues(document, origin: origin))
        },
        option: VerifyOption("--cilium", help: "Cilium Helm values, or a script that runs cilium/helm install --set."),
        source: { query in
            guard query.file == ArtifactPaths.ciliumValues, let cilium = query.plan.cluster?.cilium else { return nil }
            return ("Cilium is declared here", cilium.location)
        })

    static let installScript = ArtifactEntry(
        kind: .ciliumScript,
        detectScript: { !$0.ciliumInstalls.isEmpty },
        readScript: { facts, _, script in facts.cilium += script.ciliumInstalls })
}

extension Artifact.Kind {
    public static let ciliumValues = Self(rawValue: "Cilium Helm values")
    public static let ciliumBGP = Self(rawValue: "Cilium BGP resources")
}

extension ArtifactDiscovery.Kind {
    public static let ciliumValues = Self(rawValue: "Cilium Helm values")
    public static let ciliumScript = Self(rawValue: "Cilium install command")
}

extension ArtifactPaths {
    /// Helm values for the cilium/cilium chart.
    public static let ciliumValues = "cilium/values.yaml"
    /// Cilium's BGP control plane resources (`kubectl apply -f`), one document each.
    public static let ciliumBGP = "cilium/bgp.yaml"
}
