/// A 1-based line and column in a text, counted in Unicode scalars.
///
/// Every reader in LabFormats attaches a position to each value it returns and
/// to each error it throws, so that a later diagnostic can point at the exact
/// place in the file.
public struct TextPosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = TextPosition(line: 1, column: 1)

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// An error found while reading a text format, with the position it applies to.
public struct FormatError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as one sentence without a trailing period.
    public var message: String
    public var position: TextPosition

    public init(_ message: String, at position: TextPosition) {
        self.message = message
        self.position = position
    }

    public var description: String { "\(position): \(message)" }
}
