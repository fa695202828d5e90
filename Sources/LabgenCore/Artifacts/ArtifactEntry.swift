import LabFormats
import LabModel

/// Everything labgen knows about one kind of artifact: one row of `ArtifactTable.entries`.
///
/// A row says how the artifact is written (paths and renderer), how `labgen verify` recognizes it
/// (detectors) and reads it into `LabFacts` (reader), which `labgen verify` option names such a file,
/// and which DSL element a diagnostic about a rendered file points back to (source mapping).
/// Every field but `kind` is optional: labgen's records and pictures are written and never read;
/// Kubernetes workloads and Cilium install commands are read and never written.
struct ArtifactEntry: Sendable {
    /// What `labgen verify` finds; nil for files labgen writes and never reads back (lab.json, ...).
    var kind: ArtifactDiscovery.Kind?
    /// The kinds of the files this row renders (`Artifact.Kind`, in `RenderedLab`).
    var written: [Artifact.Kind] = []
    /// The file's path in the output folder (documentation; the renderer writes it through `ArtifactPaths`).
    var path: String = ""
    /// Renders the lab's files of this kind (none when the lab has no such file).
    var render: (@Sendable (inout RenderContext) throws -> [Artifact])?
    /// Which render job renders it (`Renderer.render`); output order is table order.
    var lane: RenderLane = .other
    /// Roughly how long the row takes to render a large lab, relative to the others (0: little; the
    /// picture is the longest): `Renderer.render` starts the heaviest jobs first.
    var renderWeight = 0

    /// Recognizes the artifact in a shell script (`*.sh`, a `#!` shell): what the script reader found.
    var detectScript: (@Sendable (ShellScriptFacts) -> Bool)?
    /// Recognizes the artifact from its whole text, before any YAML parsing (VyOS, bridge scripts).
    var detectText: [TextSign] = []
    /// Recognizes one YAML document of a file.
    var detectDocument: (@Sendable (YAMLNode) -> Bool)?
    /// Recognizes a YAML-named file that does not parse, from its text: it is read to report why.
    var detectUnparsed: TextSign?

    /// Reads the artifact's part of a shell script.
    var readScript: (@Sendable (inout LabFacts, inout ReadBook, ShellScriptFacts) -> Void)?
    /// Reads a whole file that is not YAML. A row whose reading splits into work on the text alone
    /// and filing sets `prepareText` and `readPreparedText` instead (`textReader` is either).
    var readText: (@Sendable (inout LabFacts, _ path: String, _ text: String) -> Void)?
    /// Reads one YAML document of a file classified as this kind. A row whose reading splits into
    /// work on the document alone and filing sets `prepareDocument` and `readPrepared` instead
    /// (`documentReader` is either).
    var readDocument: (@Sendable (inout LabFacts, inout ReadBook, YAMLNode, TextOrigin) -> Void)?
    /// Further kinds whose documents the row reads too (the images of a calico-node manifest).
    var readWith: Set<ArtifactDiscovery.Kind> = []
    /// The reader's own work on one document, which depends on the document alone; nil when the
    /// document is not this row's. `LabFacts.read` does it for every file at once, on the machine's
    /// cores, while the files are parsed.
    var prepareDocument: (@Sendable (YAMLNode, TextOrigin) -> PreparedRead?)?
    /// Files what `prepareDocument` read from a document into the lab's facts (in file order).
    var readPrepared: (@Sendable (inout LabFacts, inout ReadBook, TextOrigin, PreparedRead) -> Void)?
    /// `prepareDocument`'s counterpart for files that are not YAML.
    var prepareText: (@Sendable (_ path: String, _ text: String) -> PreparedRead)?
    /// Files what `prepareText` read.
    var readPreparedText: (@Sendable (inout LabFacts, _ path: String, PreparedRead) -> Void)?

    /// How the row reads one document where nothing was read ahead: `readDocument`, or
    /// `prepareDocument` then `readPrepared` (one reading, whichever path the file takes).
    var documentReader: (@Sendable (inout LabFacts, inout ReadBook, YAMLNode, TextOrigin) -> Void)? {
        if let readDocument { return readDocument }
        guard let prepare = prepareDocument, let file = readPrepared else { return nil }
        return { facts, book, document, origin in
            if let read = prepare(document, origin) { file(&facts, &book, origin, read) }
        }
    }

    /// How the row reads a file that is not YAML where nothing was read ahead: `readText`, or
    /// `prepareText` then `readPreparedText`.
    var textReader: (@Sendable (inout LabFacts, _ path: String, _ text: String) -> Void)? {
        if let readText { return readText }
        guard let prepare = prepareText, let file = readPreparedText else { return nil }
        return { facts, path, text in file(&facts, path, prepare(path, text)) }
    }

    /// `labgen verify`'s option that names a file of this kind.
    var option: VerifyOption?
    /// The DSL element behind a line of a rendered file of this kind (nil: not this row's file).
    var source: (@Sendable (SourceQuery) -> (String, SourceLocation?)?)?
}

/// What a row's `prepareDocument` read from one document, and the diagnostics its reader reported
/// (added to the lab's in the order reading the document would have added them).
struct PreparedRead: Sendable {
    var value: any Sendable
    var diagnostics: DiagnosticList

    /// What `read` returns (an optional stays an optional), with the diagnostics it reports.
    static func reading<Value: Sendable>(_ read: (inout DiagnosticList) -> Value) -> PreparedRead {
        var diagnostics = DiagnosticList()
        let value = read(&diagnostics)
        return PreparedRead(value: value, diagnostics: diagnostics)
    }
}

/// A text test with its rank: where several rows' tests match, the lowest rank wins.
struct TextSign: Sendable {
    var rank: Int
    var matches: @Sendable (String) -> Bool
}

/// How rows are grouped into render jobs (`Renderer.render` runs the jobs on the machine's cores):
/// the kind side (kind.yaml and the kubeadm patches share their patch texts) is one job; every other
/// row is a job of its own.
enum RenderLane: Sendable {
    case kind, other
}

/// What renderers share on one thread: the plan, and the kubeadm patch texts that kind.yaml embeds
/// and kubeadm.yaml repeats (computed once).
struct RenderContext {
    let plan: LabPlan
    private var patches: [String?]?

    init(_ plan: LabPlan) { self.plan = plan }

    mutating func kubeadmPatchTexts() -> [String?] {
        if let patches { return patches }
        let texts = KubeadmPatchRenderer.texts(for: plan)
        patches = texts
        return texts
    }
}

/// What the readers of one `LabFacts.read` note beside the facts: the files that held a kind config
/// and a containerlab topology, in order (for the notes on several of them).
struct ReadBook {
    var kindFiles: [String] = []
    var clabFiles: [String] = []
}

/// A `labgen verify` option naming a file.
public struct VerifyOption: Sendable {
    public var name: String
    public var help: String
    public var repeatable: Bool
    /// The kinds the file may hold; nil: exactly the row's kind (the file is then read as that kind only).
    public var anyOf: Set<ArtifactDiscovery.Kind>?
    /// With `anyOf`: what the usage error says a file holding none of them lacks.
    public var holdsNone: String
    /// The row's kind (set by `ArtifactDiscovery.verifyOptions`).
    public internal(set) var kind: ArtifactDiscovery.Kind?

    init(
        _ name: String, help: String, repeatable: Bool = false, anyOf: Set<ArtifactDiscovery.Kind>? = nil,
        holdsNone: String = ""
    ) {
        self.name = name
        self.help = help
        self.repeatable = repeatable
        self.anyOf = anyOf
        self.holdsNone = holdsNone
    }
}

/// A diagnostic's line in a rendered file, with the lab it was rendered from.
struct SourceQuery {
    var file: String
    var line: Int
    var plan: LabPlan
    var spec: LabSpec
    var rendered: RenderedLab

    /// The rendered file's lines up to (`through: true`) or before the diagnostic's line.
    func lines(through: Bool) -> ArraySlice<Substring>? {
        guard let text = rendered.artifact(at: file)?.contents else { return nil }
        return text.split(separator: "\n", omittingEmptySubsequences: false).prefix(max(0, through ? line : line - 1))
    }
}
