import LabFormats
import LabModel

/// Calico's rows of `ArtifactTable`: the IPPools, the calico-node patch, the operator's Installation.
enum CalicoArtifacts {
    static let entries = [pools, nodePatch, installation, bgp, apiServer]

    /// calico/bgp.yaml and calico/apiserver.yaml: written only (the BGP resources are read by whichever
    /// row reads BGP peerings).
    static let bgp = ArtifactEntry(
        written: [.calicoBGP], path: ArtifactPaths.calicoBGP, render: ArtifactTable.one(CalicoBGPRenderer.render))
    static let apiServer = ArtifactEntry(
        written: [.calicoAPIServer], path: ArtifactPaths.calicoAPIServer,
        render: ArtifactTable.one(CalicoBGPRenderer.apiServer))

    static let pools = ArtifactEntry(
        kind: .calicoPools, written: [.calicoPools], path: ArtifactPaths.calicoPools,
        render: ArtifactTable.one(CalicoRenderer.render),
        detectDocument: CalicoReader.isPoolDocument,
        detectUnparsed: TextSign(rank: 3) { text in
            text.containsBytes("IPPool") || text.containsBytes("projectcalico.org/")
        },
        readDocument: { facts, _, document, origin in
            guard CalicoReader.isPoolDocument(document) else { return }
            facts.pools += CalicoReader.pools(document, origin: origin, diagnostics: &facts.readDiagnostics)
        },
        option: VerifyOption(
            "--calico", help: "A Calico IPPool file or Calico manifest.", repeatable: true, anyOf: calicoKinds,
            holdsNone: calicoHoldsNone),
        source: { query in
            guard query.file == ArtifactPaths.calicoPools, let pools = query.plan.cluster?.pools,
                let before = query.lines(through: false)
            else { return nil }
            // One IPPool document per pool, in plan order: the pool is the document that holds the line.
            let separators = before.filter { $0 == "---" }.count
            guard pools.indices.contains(separators) else { return nil }
            return ("pod pool '\(pools[separators].name)' is declared here", pools[separators].location)
        })

    static let nodePatch = ArtifactEntry(
        kind: .calicoNode, written: [.calicoNodePatch], path: ArtifactPaths.calicoNodePatch,
        render: ArtifactTable.one(CalicoNodePatchRenderer.render),
        detectDocument: { document in
            CalicoReader.isCalicoNode(document) || CalicoReader.vethMTU(document, origin: TextOrigin(file: "")) != nil
        },
        readDocument: { facts, _, document, origin in
            guard let (node, pool) = CalicoReader.calicoNode(document, origin: origin) else { return }
            facts.calicoNode.append(node)
            if let pool { facts.pools.append(pool) }
        },
        option: VerifyOption("--calico-node", help: "The calico-node patch (IP autodetection).", anyOf: calicoKinds))

    static let installation = ArtifactEntry(
        kind: .calicoInstallation, written: [.calicoInstallation], path: ArtifactPaths.calicoInstallation,
        render: ArtifactTable.one(CalicoInstallationRenderer.render),
        detectDocument: CalicoInstallationReader.isInstallation,
        detectUnparsed: TextSign(rank: 2) { $0.containsBytes("operator.tigera.io/") },
        readDocument: { facts, _, document, origin in
            guard CalicoInstallationReader.isInstallation(document) else { return }
            let (found, node) = CalicoInstallationReader.read(
                document, origin: origin, diagnostics: &facts.readDiagnostics)
            facts.pools += found
            facts.calicoNode.append(node)
        },
        source: { query in
            guard query.file == ArtifactPaths.calicoInstallation, let pools = query.plan.cluster?.pools,
                let before = query.lines(through: true)
            else { return nil }
            // One `ipPools` entry per pool, in plan order: the pool is the last entry started before the line.
            let entries = before.filter { $0.hasPrefix("    - name: ") }.count
            guard entries > 0, pools.indices.contains(entries - 1) else { return nil }
            return ("pod pool '\(pools[entries - 1].name)' is declared here", pools[entries - 1].location)
        })

    /// What a file named with `--calico` or `--calico-node` may hold (it is read for whichever it holds).
    static let calicoKinds: Set<ArtifactDiscovery.Kind> = [.calicoPools, .calicoNode, .calicoInstallation]
    static let calicoHoldsNone = "holds no Calico IPPool, Installation or calico-node settings"
}

extension Artifact.Kind {
    public static let calicoPools = Self(rawValue: "Calico IPPool")
    public static let calicoNodePatch = Self(rawValue: "calico-node patch")
    public static let calicoInstallation = Self(rawValue: "Calico Installation")
    public static let calicoBGP = Self(rawValue: "Calico BGP resources")
    public static let calicoAPIServer = Self(rawValue: "Calico API server")
}

extension ArtifactDiscovery.Kind {
    public static let calicoPools = Self(rawValue: "Calico IPPool")
    public static let calicoNode = Self(rawValue: "calico-node patch or manifest")
    public static let calicoInstallation = Self(rawValue: "Calico operator Installation")
}

extension ArtifactPaths {
    public static let calicoPools = "calico/ippool.yaml"
    public static let calicoNodePatch = "calico/calico-node-patch.yaml"
    public static let calicoInstallation = "calico/installation.yaml"
    /// Calico's BGPConfiguration and BGPPeers (one `v1` `List`, `kubectl apply -f`).
    public static let calicoBGP = "calico/bgp.yaml"
    /// The Tigera operator's `APIServer`, which serves calico/bgp.yaml's projectcalico.org/v3 resources.
    public static let calicoAPIServer = "calico/apiserver.yaml"
}
