/// A value that is encoded as its text form (`"10.1.5.0/24"`) and decoded by parsing it.
public protocol TextCodable: Codable, CustomStringConvertible {
    /// Parses the text form, or nil when it is not valid.
    init?(parsing text: String)
    /// What the value is, for the decoding error (`an IPv4 address`).
    static var textDescription: String { get }
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = Self(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not \(Self.textDescription)")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
