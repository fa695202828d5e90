/// An IPv4 address.
public struct IPv4Address: Hashable, Comparable, Sendable, TextCodable {
    /// The address in host byte order (`10.1.5.1` is `0x0A01_0501`).
    public var value: UInt32

    public init(_ value: UInt32) { self.value = value }

    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        value = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    /// Parses dotted-quad notation strictly: four decimal octets 0...255, no leading
    /// zeros (`010` is octal to some tools and decimal to others), no spaces, ASCII digits only
    /// (text copied from slides carries look-alike characters such as `ĭ`).
    public init?(_ text: some StringProtocol) {
        // On the contiguous UTF-8 bytes (String, Substring): no generic iteration, no array.
        let parsed =
            text.utf8.withContiguousStorageIfAvailable { Self.parse($0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { Self.parse($0) }
        guard let parsed else { return nil }
        value = parsed
    }

    /// The dotted quad in `bytes`, by the rules above, or nil.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var result: UInt32 = 0
        var octets = 0
        var current: UInt32 = 0
        var digits = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if digits == 1 && current == 0 { return nil }  // leading zero
                current = current * 10 + UInt32(byte - UInt8(ascii: "0"))
                digits += 1
                if digits > 3 || current > 255 { return nil }
            case UInt8(ascii: "."):
                guard digits > 0, octets < 3 else { return nil }
                result = result << 8 | current
                octets += 1
                current = 0
                digits = 0
            default:
                return nil
            }
        }
        guard digits > 0, octets == 3 else { return nil }
        return result << 8 | current
    }

    public var octets: (UInt8, UInt8, UInt8, UInt8) {
        (UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }

    public var description: String {
        let (a, b, c, d) = octets
        return "\(a).\(b).\(c).\(d)"
    }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }

    /// The address `offset` places after this one, or nil past 255.255.255.255.
    public func advanced(by offset: Int) -> IPv4Address? {
        let next = Int64(value) + Int64(offset)
        guard next >= 0, next <= Int64(UInt32.max) else { return nil }
        return IPv4Address(UInt32(next))
    }

}

extension IPv4Address {
    public init?(parsing text: String) { self.init(text) }
    public static let textDescription = "an IPv4 address"
}
