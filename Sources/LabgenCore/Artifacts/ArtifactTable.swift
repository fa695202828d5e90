import LabFormats
import LabModel

/// Every kind of artifact labgen writes or reads, once, in output order: its paths, renderer,
/// detectors, reader, `labgen verify` option and source mapping (see `ArtifactEntry`).
///
/// Adding an artifact: a row here (or in its CNI's `*Artifacts.swift`) with its kinds (`Artifact.Kind`
/// for the files written, `ArtifactDiscovery.Kind` for what verify finds) and its path declared beside
/// it, a renderer under `Render/` and a reader under `Read/`. The renderer list, discovery,
/// `LabFacts.read`, the source notes of `Pipeline.compile` and `labgen verify`'s options follow the table.
enum ArtifactTable {
    static let entries: [ArtifactEntry] =
        [kindConfig, kubeadmPatch, containerlab, vyos] + CNIDrivers.artifacts
        + [BGPPeeringArtifacts.entry, bridgeScript, labScript, labModel, topology, workloads]

    /// The rows' whole-text detectors, by rank.
    static let textSigns: [(ArtifactDiscovery.Kind, TextSign)] = entries.flatMap { entry in
        entry.kind.map { kind in entry.detectText.map { (kind, $0) } } ?? []
    }.sorted { $0.1.rank < $1.1.rank }

    /// The rows' detectors of YAML that does not parse, by rank.
    static let unparsedSigns: [(ArtifactDiscovery.Kind, TextSign)] = entries.compactMap { entry in
        entry.kind.flatMap { kind in entry.detectUnparsed.map { (kind, $0) } }
    }.sorted { $0.1.rank < $1.1.rank }

    /// A renderer of at most one file.
    static func one(
        _ render: @escaping @Sendable (LabPlan) -> Artifact?
    ) -> @Sendable (inout RenderContext) -> [Artifact] {
        { context in render(context.plan).map { [$0] } ?? [] }
    }

    static let kindConfig = ArtifactEntry(
        kind: .kindConfig, written: [.kindConfig], path: ArtifactPaths.kindConfig,
        render: { context in
            KindConfigRenderer.render(context.plan, patches: context.kubeadmPatchTexts()).map { [$0] } ?? []
        },
        lane: .kind, renderWeight: 2,
        detectScript: { !$0.kindClusters.isEmpty },
        detectDocument: KindConfigReader.isKindConfig,
        detectUnparsed: TextSign(rank: 0) { text in
            text.containsBytes("kind.x-k8s.io/") || text.containsBytes("kind: Cluster")
                || ArtifactDiscovery.hasKey("kind", containing: "Cluster", in: text)
        },
        readScript: { facts, book, script in facts.addKindClusters(of: script, book: &book) },
        prepareDocument: { document, origin in
            guard KindConfigReader.isKindConfig(document) else { return nil }
            return .reading { KindConfigReader.read(document, origin: origin, diagnostics: &$0) }
        },
        readPrepared: { facts, book, origin, prepared in
            guard let read = prepared.value as? KindFacts else { return }
            book.kindFiles.append(origin.file)
            facts.readDiagnostics.append(contentsOf: prepared.diagnostics)
            if facts.kind == nil { facts.kind = read } else { facts.otherKindConfigs.append(read) }
        },
        option: VerifyOption("--kind", help: "The kind config."))

    static let kubeadmPatch = ArtifactEntry(
        kind: .kubeadmPatch, written: [.kubeadmPatch], path: "\(ArtifactPaths.kubeadmPatches) or kubeadm/<node>.yaml",
        render: { context in KubeadmPatchRenderer.artifacts(for: context.plan, texts: context.kubeadmPatchTexts()) },
        lane: .kind,
        detectDocument: { document in document["kind"]?.scalarText.map(KubeadmPatchReader.kinds.contains) ?? false },
        detectUnparsed: TextSign(rank: 4) { text in
            text.containsBytes("InitConfiguration") || text.containsBytes("JoinConfiguration")
        },
        prepareDocument: { document, origin in
            .reading { KubeadmPatchReader.read(document, origin: origin, diagnostics: &$0) }
        },
        readPrepared: { facts, _, origin, prepared in
            facts.readDiagnostics.append(contentsOf: prepared.diagnostics)
            if let patch = prepared.value as? KubeadmPatchFacts { facts.kubeadmPatches.append((origin.file, patch)) }
        },
        option: VerifyOption("--kubeadm", help: "A standalone kubeadm patch.", repeatable: true),
        source: { query in
            if query.file.hasPrefix("kubeadm/"),
                let node = query.plan.nodes.first(where: { query.file == ArtifactPaths.kubeadmPatch(node: $0.name) })
            {
                return ("the node is declared here", node.location)
            }
            guard query.file == ArtifactPaths.kubeadmPatches, let before = query.lines(through: true) else {
                return nil
            }
            // One document per node that has a patch, in node order, each named by `  name: <node>`.
            if let nameLine = before.last(where: { $0.hasPrefix("  name: ") }),
                let node = query.plan.nodes.first(where: { nameLine == "  name: " + YAMLWriter.scalar($0.name) })
            {
                return ("the node is declared here", node.location)
            }
            return nil
        })

    static let containerlab = ArtifactEntry(
        kind: .containerlab, written: [.containerlab], path: ArtifactPaths.containerlab(topology: "<lab>"),
        render: one(ContainerlabRenderer.render), renderWeight: 2,
        detectDocument: ContainerlabReader.isTopology,
        detectUnparsed: TextSign(rank: 1) { $0.containsBytes("topology:") },
        prepareDocument: { document, origin in
            guard ContainerlabReader.isTopology(document) else { return nil }
            return .reading { ContainerlabReader.read(document, origin: origin, diagnostics: &$0) }
        },
        readPrepared: { facts, book, origin, prepared in
            guard let read = prepared.value as? ClabFacts else { return }
            book.clabFiles.append(origin.file)
            if facts.clab == nil {
                facts.clab = read
                facts.readDiagnostics.append(contentsOf: prepared.diagnostics)
            }
            facts.addClabImages(of: origin.file)
        },
        option: VerifyOption("--clab", help: "The containerlab topology (VyOS binds are relative to it)."))

    static let vyos = ArtifactEntry(
        kind: .vyos, written: [.vyosBoot, .vyosCommands],
        path: "\(ArtifactPaths.vyosBoot(gateway: "<gateway>")), \(ArtifactPaths.vyosCommands(gateway: "<gateway>"))",
        render: { context in try VyOSRenderer.artifacts(for: context.plan) },
        detectText: [
            TextSign(rank: 0, matches: VyOSReader.isSetCommands),
            TextSign(rank: 2) { text in
                text.containsBytes("{") && (VyOSFactsReader.isBootConfig(text) || ArtifactDiscovery.looksLikeVyOS(text))
            },
        ],
        prepareText: { path, text in
            .reading { VyOSFactsReader.read(text, file: path, diagnostics: &$0) }
        },
        readPreparedText: { facts, path, prepared in
            facts.readDiagnostics.append(contentsOf: prepared.diagnostics)
            if let vyos = prepared.value as? VyOSFacts { facts.vyos[LabFacts.normalize(path)] = vyos }
        },
        option: VerifyOption("--vyos", help: "A VyOS config.boot or set-command file.", repeatable: true),
        source: { query in
            guard query.file.hasPrefix("startup-conf/"),
                let gateway = query.plan.gateways.first(where: {
                    query.file == ArtifactPaths.vyosBoot(gateway: $0.name)
                        || query.file == ArtifactPaths.vyosCommands(gateway: $0.name)
                })
            else { return nil }
            return ("gateway '\(gateway.name)' is declared here", gateway.location)
        })

    static let bridgeScript = ArtifactEntry(
        kind: .bridgeScript, written: [.bridgeScript], path: ArtifactPaths.bridgeScript,
        render: one(BridgeScriptRenderer.render),
        // A script that only assigns addresses is read for them (kept with the bridge scripts).
        detectScript: { !$0.bridges.isEmpty || $0.unresolvedBridge != nil || !$0.hostAddresses.isEmpty },
        detectText: [
            TextSign(rank: 1) { text in BridgeScriptReader.isBridgeScript(text) && !text.containsBytes("topology:") }
        ],
        readScript: { facts, _, script in
            if !script.bridges.isEmpty || script.unresolvedBridge != nil {
                facts.bridgeScripts.append(BridgeScriptReader.bridges(of: script))
            }
        },
        readText: { facts, path, text in facts.bridgeScripts.append(BridgeScriptReader.read(text, file: path)) },
        option: VerifyOption("--bridges", help: "The script that creates the host bridges.", repeatable: true))

    /// lab.sh: runs kind, bridges.sh, containerlab and the CNI install in order; it holds no artifact
    /// of its own, so it is not read back.
    static let labScript = ArtifactEntry(
        kind: nil, written: [.labScript], path: ArtifactPaths.labScript, render: one(LabScriptRenderer.render),
        renderWeight: 1)

    static let labModel = ArtifactEntry(
        kind: nil, written: [.labModel], path: ArtifactPaths.labModel, render: { [LabModelRenderer.render($0.plan)] },
        renderWeight: 3)

    static let topology = ArtifactEntry(
        kind: nil, written: [.topologyMarkdown, .topologySVG],
        path: "\(ArtifactPaths.topologyMarkdown), \(ArtifactPaths.topologySVG)",
        render: { TopologyPicture.artifacts($0.plan) }, renderWeight: 4)

    /// Kubernetes workloads: their images are pulled inside the cluster (read, never written).
    static let workloads = ArtifactEntry(
        kind: .workloads,
        detectDocument: { !CalicoReader.images($0, origin: TextOrigin(file: "")).isEmpty },
        readDocument: { facts, _, document, origin in
            facts.images += CalicoReader.images(document, origin: origin).map {
                ImageReference(reference: $0, pulledInCluster: true)
            }
        },
        readWith: [.calicoNode])
}

extension Artifact.Kind {
    public static let kindConfig = Self(rawValue: "kind config")
    public static let kubeadmPatch = Self(rawValue: "kubeadm patch")
    public static let containerlab = Self(rawValue: "containerlab topology")
    public static let vyosBoot = Self(rawValue: "VyOS config.boot")
    public static let vyosCommands = Self(rawValue: "VyOS set commands")
    public static let bridgeScript = Self(rawValue: "bridge script")
    public static let labScript = Self(rawValue: "lab script")
    public static let labModel = Self(rawValue: "lab model")
    public static let topologyMarkdown = Self(rawValue: "topology picture (Mermaid)")
    public static let topologySVG = Self(rawValue: "topology picture (SVG)")
}

extension ArtifactDiscovery.Kind {
    public static let kindConfig = Self(rawValue: "kind config")
    public static let containerlab = Self(rawValue: "containerlab topology")
    public static let vyos = Self(rawValue: "VyOS config")
    public static let kubeadmPatch = Self(rawValue: "kubeadm patch")
    public static let bridgeScript = Self(rawValue: "bridge script")
    /// Kubernetes workloads whose images are pulled inside the cluster.
    public static let workloads = Self(rawValue: "Kubernetes workloads")
}
