/// An IPv4 network prefix such as `10.1.5.0/24`: a network address and a prefix length.
///
/// A prefix is canonical when no host bits are set; `IPv4Prefix(parsing:)` keeps the
/// address as written so that callers can report `10.1.5.1/24` as "not a network address"
/// instead of silently masking it, and `network` gives the masked form.
public struct IPv4Prefix: Hashable, Comparable, Sendable, TextCodable {
    public var address: IPv4Address
    public var length: Int

    /// Creates a prefix; `length` must be 0...32.
    public init(_ address: IPv4Address, length: Int) {
        precondition((0...32).contains(length), "prefix length \(length) is out of 0...32")
        self.address = address
        self.length = length
    }

    /// Parses `a.b.c.d/n` (n 0...32, decimal, no leading zeros). Host bits may be set;
    /// check `isCanonical`.
    public init?(_ text: some StringProtocol) {
        // On the UTF-8 bytes: a valid prefix is ASCII digits, dots and one "/", so the first "/" byte
        // is the first "/" Character whenever the text can be valid.
        let parsed =
            text.utf8.withContiguousStorageIfAvailable { Self.parse($0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { Self.parse($0) }
        guard let (address, length) = parsed else { return nil }
        self.init(IPv4Address(address), length: length)
    }

    /// The address and length in `bytes`, by the rules above, or nil.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt32, Int)? {
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")),
            let address = IPv4Address.parse(UnsafeBufferPointer(rebasing: bytes[..<slash]))
        else { return nil }
        let lengthText = bytes[(slash + 1)...]
        guard !lengthText.isEmpty, lengthText.count <= 2,
            lengthText.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            !(lengthText.count == 2 && lengthText.first == UInt8(ascii: "0"))
        else { return nil }
        let length = lengthText.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        guard length <= 32 else { return nil }
        return (address, length)
    }

    public var mask: UInt32 { length == 0 ? 0 : UInt32.max << (32 - length) }
    /// The network address (host bits cleared).
    public var network: IPv4Address { IPv4Address(address.value & mask) }
    /// The broadcast address (host bits set).
    public var broadcast: IPv4Address { IPv4Address(address.value | ~mask) }
    /// True when the written address is the network address.
    public var isCanonical: Bool { address.value & ~mask == 0 }
    /// This prefix with host bits cleared.
    public var canonical: IPv4Prefix { IPv4Prefix(network, length: length) }
    /// Number of addresses, including network and broadcast.
    public var size: UInt64 { UInt64(1) << (32 - length) }

    /// Addresses usable by hosts: all but network and broadcast, except for /31 and /32 (RFC 3021).
    public var hostRange: ClosedRange<IPv4Address> {
        if length >= 31 { return network...broadcast }
        return IPv4Address(network.value + 1)...IPv4Address(broadcast.value - 1)
    }

    public func contains(_ address: IPv4Address) -> Bool { address.value & mask == network.value }

    /// True when every address of `other` is in this prefix.
    public func contains(_ other: IPv4Prefix) -> Bool { other.length >= length && contains(other.network) }

    public func overlaps(_ other: IPv4Prefix) -> Bool { contains(other.network) || other.contains(network) }

    /// True for the network or broadcast address of this prefix (never for /31 and /32).
    public func isNetworkOrBroadcast(_ address: IPv4Address) -> Bool {
        length < 31 && (address == network || address == broadcast)
    }

    /// The `index`-th address of the prefix (0 is the network address), or nil outside it.
    public func address(at index: UInt64) -> IPv4Address? {
        guard index < size else { return nil }
        return IPv4Address(network.value + UInt32(index))
    }

    public var description: String { "\(address)/\(length)" }

    public static func < (lhs: IPv4Prefix, rhs: IPv4Prefix) -> Bool {
        (lhs.network, lhs.length) < (rhs.network, rhs.length)
    }

}

/// An address on an interface together with the prefix length of its subnet, as in
/// `ip addr add 10.1.5.10/24` or VyOS `address 10.1.5.1/24`.
public struct IPv4Interface: Hashable, Sendable, TextCodable {
    public var address: IPv4Address
    public var length: Int

    public init(_ address: IPv4Address, length: Int) {
        self.address = address
        self.length = length
    }

    public init?(_ text: some StringProtocol) {
        guard let prefix = IPv4Prefix(text) else { return nil }
        self.init(prefix.address, length: prefix.length)
    }

    /// The subnet the address lives in.
    public var subnet: IPv4Prefix { IPv4Prefix(address, length: length).canonical }

    public var description: String { "\(address)/\(length)" }

}

extension IPv4Prefix {
    public init?(parsing text: String) { self.init(text) }
    public static let textDescription = "an IPv4 prefix"
}

extension IPv4Interface {
    public init?(parsing text: String) { self.init(text) }
    public static let textDescription = "an IPv4 interface address"
}
