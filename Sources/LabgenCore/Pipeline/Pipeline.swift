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

    public static func compile(_ spec: LabSpec) -> CompiledLab {
        let resolution = Resolver.resolve(spec)
        var result = CompiledLab(spec: spec, plan: resolution.plan, rendered: nil, diagnostics: resolution.diagnostics)
        guard let plan = resolution.plan else { return result }
        do {
            let rendered = try Renderer.render(plan)
            result.rendered = rendered
            // Read back what was rendered and check it like a hand-written lab: a renderer or
            // template bug is reported here and never reaches out/.
            let facts = LabFacts.read(rendered.artifacts.filter { $0.kind != .labModel }.map { ($0.path, $0.contents) })
            result.diagnostics += Verifier.verify(facts)
        } catch {
            result.diagnostics.append(
                .error(internalErrorID, "labgen could not render lab '\(spec.name)': \(error)", at: spec.location))
        }
        return result
    }
}
