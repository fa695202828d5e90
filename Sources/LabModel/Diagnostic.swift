/// Where something was written: a file and a 1-based line and column.
///
/// For DSL elements `file` is the `#fileID` of the user's source (`MyLabs/lab.swift`);
/// for artifacts it is the artifact's path relative to the lab folder.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// Decoding with `userInfo[SourceLocation.relocation] = Relocation(module:, file:)` renames the
    /// file of every location in that module (`<module>/...`) to `file`, as it decodes: a lab file's
    /// compiled program records `LabFile/lab.swift`, diagnostics name the path the user gave.
    public static let relocation = CodingUserInfoKey(rawValue: "labgen.SourceLocation.relocation")!

    public struct Relocation: Sendable {
        public var modulePrefix: String
        public var file: String
        public init(module: String, file: String) {
            modulePrefix = module + "/"
            self.file = file
        }
    }

    private enum CodingKeys: String, CodingKey { case file, line, column }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        line = try container.decode(Int.self, forKey: .line)
        column = try container.decode(Int.self, forKey: .column)
        if let relocation = decoder.userInfo[Self.relocation] as? Relocation, file.hasPrefix(relocation.modulePrefix) {
            file = relocation.file
        }
    }
}

/// A stable diagnostic identifier such as `LG002`. IDs never change meaning once published.
public struct DiagnosticID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable,
    ExpressibleByStringLiteral
{
    public var rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum Severity: String, Hashable, Sendable, Codable, Comparable {
    case error, warning, note

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A message about a lab, in the style of the Swift compiler:
/// `path:line:col: error: message [LGnnn]`, followed by `note:` lines.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public struct Note: Hashable, Sendable, Codable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var id: DiagnosticID
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    public var notes: [Note]

    public init(
        _ id: DiagnosticID, _ severity: Severity, _ message: String, at location: SourceLocation?,
        notes: [Note] = []
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(
        _ id: DiagnosticID, _ message: String, at location: SourceLocation?, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(id, .error, message, at: location, notes: notes)
    }

    public static func warning(
        _ id: DiagnosticID, _ message: String, at location: SourceLocation?, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(id, .warning, message, at: location, notes: notes)
    }

    /// The compiler-style text, one line for the diagnostic and one per note.
    public var description: String {
        var lines = ["\(Self.prefix(location))\(severity.rawValue): \(message) [\(id)]"]
        for note in notes {
            lines.append("\(Self.prefix(note.location))note: \(note.message)")
        }
        return lines.joined(separator: "\n")
    }

    private static func prefix(_ location: SourceLocation?) -> String {
        location.map { "\($0): " } ?? ""
    }
}

/// The one collector of diagnostics: the resolver's passes, the artifact readers and the verifier's
/// aggregation of its rules all report into a `DiagnosticList`, in the order found. It is a
/// collection of `Diagnostic`s, so it is used like an array (`append`, `+=`, `filter`, `isEmpty`).
public struct DiagnosticList: Sendable, Hashable, RandomAccessCollection, RangeReplaceableCollection,
    ExpressibleByArrayLiteral
{
    public private(set) var all: [Diagnostic] = []

    public init() {}
    public init(_ diagnostics: some Sequence<Diagnostic>) { all = Array(diagnostics) }
    public init(arrayLiteral elements: Diagnostic...) { all = elements }

    public var startIndex: Int { all.startIndex }
    public var endIndex: Int { all.endIndex }
    public subscript(position: Int) -> Diagnostic { all[position] }

    public mutating func replaceSubrange<C: Collection<Diagnostic>>(_ subrange: Range<Int>, with newElements: C) {
        all.replaceSubrange(subrange, with: newElements)
    }

    public mutating func error(
        _ id: DiagnosticID, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []
    ) {
        all.append(.error(id, message, at: location, notes: notes))
    }

    public mutating func warning(
        _ id: DiagnosticID, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []
    ) {
        all.append(.warning(id, message, at: location, notes: notes))
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    /// Each diagnostic once (the first of equal ones), sorted by file, line, column and ID; those
    /// without a location first. The order `labgen verify` reports in.
    public var uniqueSortedByLocation: [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = all.filter { seen.insert($0).inserted }
        return unique.sorted { a, b in
            let la = a.location ?? SourceLocation(file: "", line: 0, column: 0)
            let lb = b.location ?? SourceLocation(file: "", line: 0, column: 0)
            return (la.file, la.line, la.column, a.id.rawValue) < (lb.file, lb.line, lb.column, b.id.rawValue)
        }
    }
}
