import LabModel

/// What `labgen explain` says about one diagnostic ID, whichever stage reports it.
public struct DiagnosticDescriptor: Sendable, Hashable {
    /// The stage that reports a diagnostic.
    public enum Stage: Sendable, Hashable {
        /// A cross-artifact rule of `labgen verify` (`LG0nn`, `Rule.catalogue`).
        case verify
        /// A model check of the resolver, on the lab description (`LG1nn`, `ModelCheck`).
        case model
        /// A refusal of `labgen import`.
        case importLab
        /// labgen's own bug, caught before anything is written (`LG9nn`).
        case internalError
    }

    public var id: DiagnosticID
    /// One line.
    public var summary: String
    /// What is checked and what would break without the check.
    public var explanation: String
    public var severity: Severity
    public var stage: Stage
}

/// Every diagnostic ID labgen reports, with its descriptor: the one list `labgen explain` reads, and
/// that the tests hold every reported ID against.
public enum DiagnosticCatalogue {
    /// The cross-artifact rules, the model checks, the import refusal and the internal error, each
    /// group in ID order.
    public static let all: [DiagnosticDescriptor] =
        Rule.catalogue.map {
            DiagnosticDescriptor(
                id: $0.id, summary: $0.summary, explanation: $0.explanation, severity: $0.severity, stage: .verify)
        }
        + ModelCheck.allCases.sorted { $0.rawValue < $1.rawValue }.map {
            DiagnosticDescriptor(
                id: $0.id, summary: $0.summary, explanation: $0.explanation,
                severity: $0.isWarning ? .warning : .error, stage: .model)
        }
        + [
            DiagnosticDescriptor(
                id: LabImporter.refusalID, summary: LabImporter.refusalSummary,
                explanation: LabImporter.refusalExplanation, severity: .error, stage: .importLab),
            DiagnosticDescriptor(
                id: Pipeline.internalErrorID, summary: Pipeline.internalErrorSummary,
                explanation: Pipeline.internalErrorExplanation, severity: .error, stage: .internalError),
        ]

    private static let byID: [DiagnosticID: DiagnosticDescriptor] = Dictionary(
        all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The descriptor of `id`, or nil when labgen has no such diagnostic.
    public static func descriptor(_ id: DiagnosticID) -> DiagnosticDescriptor? { byID[id] }
}
