import LabFormats
import LabModel

/// The result of compiling one lab description: resolved, rendered and verified in memory.
public struct CompiledLab: Sendable {
    public var spec: LabSpec
    public var plan: LabPlan?
    public var rendered: RenderedLab?
    /// Model diagnostics and verification diagnostics, in that order.
    public var diagnostics: [Diagnostic]

    /// True when the lab may be written: a plan and artifacts, and no error.
    public var isWritable: Bool { rendered != nil && !diagnostics.contains { $0.severity == .error } }
}

/// resolve -> render -> verify, in memory. Nothing is written here; `OutputWriter` writes.
public enum Pipeline {
    /// A renderer failure that is labgen's own bug (a template that does not parse, a value the
    /// writers refuse that the model checks let through): reported, never written.
    public static let internalErrorID: DiagnosticID = "LG900"
    static let internalErrorSummary = "a lab that labgen could not render: labgen's own bug"
    static let internalErrorExplanation = """
        Every value that reaches the renderers has passed the model checks; a renderer that still fails (a \
        template that does not parse, a value the YAML or VyOS writers refuse) is a bug in labgen, not in the lab. \
        The lab is not written. Change the value the message names to get on, and please report it as a labgen bug \
        with the lab that shows it.
        """

    public static func compile(_ spec: LabSpec) -> CompiledLab {
        let resolution = Resolver.resolve(spec)
        var result = CompiledLab(spec: spec, plan: resolution.plan, rendered: nil, diagnostics: resolution.diagnostics)
        guard let plan = resolution.plan else { return result }
        do {
            let rendered = try Renderer.render(plan)
            // Read back what was rendered and check it like a hand-written lab: a renderer or
            // template bug is reported here and never reaches out/.
            let (verification, hashed) = verify(rendered)
            result.rendered = hashed
            result.diagnostics += verification.map {
                attachSource($0, plan: plan, spec: spec, rendered: rendered)
            }
        } catch {
            result.diagnostics.append(
                .error(
                    internalErrorID,
                    "labgen could not render lab '\(spec.name.debugEscaped)': "
                        + "\(String(describing: error).debugEscaped); a model check should have caught this value: "
                        + "change it, and please report it as a labgen bug",
                    at: spec.location))
        }
        return result
    }

    /// Reads `rendered` back and verifies it; meanwhile, on the other core, computes the SHA-256 of
    /// every artifact for the manifest (hashing was a tenth of a build). Returns the diagnostics and
    /// the lab with its digests.
    public static func verify(_ rendered: RenderedLab) -> (diagnostics: [Diagnostic], rendered: RenderedLab) {
        // The manifest's digests on another thread; reading back parses files on both cores.
        let hashed = Parallel.start { () -> RenderedLab in
            var copy = rendered
            copy.computeDigests()
            return copy
        }
        let diagnostics = Verifier.verify(LabFacts.read(rendered))
        return (diagnostics, hashed())
    }

    /// A diagnostic about a rendered artifact, with a note pointing at the DSL element that
    /// produced the file (a warning such as LG008 is about the user's model, not the file): the
    /// artifact's row in `ArtifactTable` knows which element, else it is the lab.
    static func attachSource(
        _ diagnostic: Diagnostic, plan: LabPlan, spec: LabSpec, rendered: RenderedLab
    ) -> Diagnostic {
        guard let file = diagnostic.location?.file, let line = diagnostic.location?.line else { return diagnostic }
        let query = SourceQuery(file: file, line: line, plan: plan, spec: spec, rendered: rendered)
        let source =
            ArtifactTable.entries.lazy.compactMap { $0.source?(query) }.first
            ?? ("the lab is declared here", spec.location)
        guard let location = source.1 else { return diagnostic }
        var result = diagnostic
        result.notes.append(Diagnostic.Note(source.0, at: location))
        return result
    }
}

extension LabFacts {
    /// The facts of a rendered lab, read from its artifacts' contents as `labgen verify` reads
    /// files (lab.json is labgen's own record and topology.md/.svg its picture, not artifacts of the lab).
    /// `lab.sh` is left out too: it runs kind, bridges.sh, containerlab and the CNI install in order and
    /// holds no artifact (no kind heredoc, no bridge of its own); at 10,000 nodes reading its 30,000
    /// lines cost a fifth of the read-back.
    public static func read(_ rendered: RenderedLab) -> LabFacts {
        read(
            rendered.artifacts.filter { $0.kind.isReadBack }
                .map { ($0.path, $0.contents) })
    }
}
