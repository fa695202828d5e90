import LabModel

/// One generated file of a lab, with its path relative to the lab's output folder.
public struct Artifact: Hashable, Sendable {
    /// What the file is, for readers and for messages. Each kind is declared beside its row of
    /// `ArtifactTable` (the core kinds in `ArtifactTable.swift`, each CNI's in its `*Artifacts.swift`).
    public struct Kind: RawRepresentable, Hashable, Sendable, CaseIterable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Every kind, in the order of `ArtifactTable`.
        public static var allCases: [Kind] { ArtifactTable.entries.flatMap(\.written) }

        /// labgen's own records and pictures: not artifacts a lab runs with, not read back by `verify`.
        public var isRecordOrPicture: Bool { self == .labModel || self == .topologyMarkdown || self == .topologySVG }

        /// Whether `labgen verify` reads this kind back (its row in `ArtifactTable` has a read kind).
        public var isReadBack: Bool { Self.readBack.contains(self) }
        private static let readBack = Set(ArtifactTable.entries.filter { $0.kind != nil }.flatMap(\.written))
    }

    public var path: String
    public var kind: Kind
    public var contents: String
    /// Whether the file should be executable (the bridge script, the lab script).
    public var executable: Bool

    public init(path: String, kind: Kind, contents: String, executable: Bool = false) {
        self.path = path
        self.kind = kind
        self.contents = contents
        self.executable = executable
    }
}

/// All the artifacts of one lab, in a fixed order.
public struct RenderedLab: Sendable {
    public var name: String
    public var artifacts: [Artifact]
    /// The lab's source (`templates/labs/<file>.swift`, or a lab file's path relative to the folder
    /// that holds the output folder), recorded in the manifest so that a build of another source
    /// does not silently replace this lab's folder.
    public var source: String?

    public init(name: String, artifacts: [Artifact], source: String? = nil) {
        self.name = name
        self.artifacts = artifacts
        self.source = source
    }

    public func artifact(at path: String) -> Artifact? { artifacts.first { $0.path == path } }

    /// SHA-256 digests of artifacts computed ahead (`Pipeline.compile` hashes while it verifies), by
    /// path, with the contents they were computed from: the manifest uses one only for those contents.
    var digestCache: [String: (contents: String, hex: String)] = [:]

    /// The SHA-256 of an artifact's contents, as lower-case hex.
    func digest(of artifact: Artifact) -> String {
        if let cached = digestCache[artifact.path], cached.contents == artifact.contents { return cached.hex }
        return SHA256.hex(artifact.contents.utf8)
    }

    /// Every artifact's digest, computed now (on the caller's thread) for the manifest.
    mutating func computeDigests() {
        digestCache = Dictionary(
            artifacts.map { ($0.path, (contents: $0.contents, hex: SHA256.hex($0.contents.utf8))) },
            uniquingKeysWith: { first, _ in first })
    }
}

/// The conventional file names of a lab's artifacts (documented in the README); each CNI's are
/// declared beside its rows of `ArtifactTable` (`CNI/*/…Artifacts.swift`).
public enum ArtifactPaths {
    public static let kindConfig = "kind.yaml"
    /// A node's standalone kubeadm patch (`Cluster(..., kubeadmPatches: .perNode)`).
    public static func kubeadmPatch(node: String) -> String { "kubeadm/\(node).yaml" }
    /// Every node's standalone kubeadm patch, one document each (the default).
    public static let kubeadmPatches = "kubeadm.yaml"
    public static func containerlab(topology: String) -> String { "\(topology).clab.yaml" }
    public static func vyosBoot(gateway: String) -> String { "startup-conf/\(gateway)-boot.cfg" }
    public static func vyosCommands(gateway: String) -> String { "startup-conf/\(gateway).cfg" }
    public static let bridgeScript = "bridges.sh"
    /// `lab.sh up|down|status`: the bring-up sequence of `labgen up` as a POSIX shell script.
    public static let labScript = "lab.sh"
    public static let labModel = "lab.json"
    /// The lab's picture: a Mermaid flowchart in Markdown (GitHub renders it), and the same as SVG.
    public static let topologyMarkdown = "topology.md"
    public static let topologySVG = "topology.svg"
    /// Where the VyOS config is mounted inside the gateway container.
    public static let vyosConfigMount = Conventions.vyosConfigMount
}
