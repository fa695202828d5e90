import LabgenTestSupport
import Testing

@testable import LabModel

@Suite("IPv4 addresses")
struct IPv4AddressTests {
    @Test(
        "parses dotted quads",
        arguments: [
            ("10.1.5.10", UInt32(0x0A01_050A)), ("0.0.0.0", 0), ("255.255.255.255", UInt32.max),
            ("192.168.2.100", 0xC0A8_0264),
        ])
    func parses(text: String, value: UInt32) {
        #expect(IPv4Address(text)?.value == value)
        #expect(IPv4Address(text)?.description == text)
    }

    @Test(
        "rejects what is not a dotted quad",
        arguments: [
            "", "10.1.5", "10.1.5.10.1", "256.1.1.1", "10.1.5.", ".10.1.5", "10..5.1", "010.1.5.10", "10.1.5.1a",
            " 10.1.5.10", "10.1.5.10 ", "10.ĭ.5.10", "１0.1.5.10", "10.1.5.-1", "1e1.0.0.1", "0x0A.1.5.10",
            "10.1.5.1000",
        ])
    func rejects(text: String) {
        #expect(IPv4Address(text) == nil)
    }

    @Test func ordersAndAdvances() {
        let a = IPv4Address(10, 1, 5, 255)
        #expect(a.advanced(by: 1) == IPv4Address(10, 1, 6, 0))
        #expect(IPv4Address(UInt32.max).advanced(by: 1) == nil)
        #expect(IPv4Address(0).advanced(by: -1) == nil)
        #expect(IPv4Address(10, 1, 5, 1) < IPv4Address(10, 1, 5, 10))
    }
}

@Suite("IPv4 prefixes")
struct IPv4PrefixTests {
    @Test func networkAndBroadcast() throws {
        let prefix = try #require(IPv4Prefix("10.1.5.0/24"))
        #expect(prefix.network == IPv4Address(10, 1, 5, 0))
        #expect(prefix.broadcast == IPv4Address(10, 1, 5, 255))
        #expect(prefix.hostRange == IPv4Address(10, 1, 5, 1)...IPv4Address(10, 1, 5, 254))
        #expect(prefix.size == 256)
        #expect(prefix.isCanonical)
        #expect(prefix.address(at: 10) == IPv4Address(10, 1, 5, 10))
        #expect(prefix.address(at: 256) == nil)
    }

    @Test func hostBits() throws {
        let prefix = try #require(IPv4Prefix("10.1.5.1/24"))
        #expect(!prefix.isCanonical)
        #expect(prefix.canonical.description == "10.1.5.0/24")
    }

    @Test func edgeLengths() throws {
        let all = try #require(IPv4Prefix("0.0.0.0/0"))
        #expect(all.contains(IPv4Address(UInt32.max)))
        #expect(all.size == UInt64(1) << 32)
        let host = try #require(IPv4Prefix("10.0.0.1/32"))
        #expect(host.hostRange == IPv4Address(10, 0, 0, 1)...IPv4Address(10, 0, 0, 1))
        #expect(!host.isNetworkOrBroadcast(IPv4Address(10, 0, 0, 1)))
        let p2p = try #require(IPv4Prefix("10.0.0.0/31"))
        #expect(p2p.hostRange == IPv4Address(10, 0, 0, 0)...IPv4Address(10, 0, 0, 1))
    }

    @Test(
        "rejects malformed prefixes",
        arguments: [
            "10.1.5.0", "10.1.5.0/", "10.1.5.0/33", "10.1.5.0/-1", "10.1.5.0/024", "10.1.5.0/2 4", "/24", "10.1.5/24",
        ])
    func rejects(text: String) {
        #expect(IPv4Prefix(text) == nil)
    }

    @Test func containsAndOverlaps() throws {
        let pool = try #require(IPv4Prefix("10.1.0.0/16"))
        let rack = try #require(IPv4Prefix("10.1.5.0/24"))
        let other = try #require(IPv4Prefix("10.2.0.0/16"))
        #expect(pool.contains(rack))
        #expect(!rack.contains(pool))
        #expect(pool.overlaps(rack) && rack.overlaps(pool))
        #expect(!pool.overlaps(other))
        #expect(pool.contains(IPv4Address(10, 1, 255, 255)))
        #expect(!pool.contains(IPv4Address(10, 2, 0, 0)))
        #expect(rack.isNetworkOrBroadcast(IPv4Address(10, 1, 5, 0)))
        #expect(rack.isNetworkOrBroadcast(IPv4Address(10, 1, 5, 255)))
        #expect(!rack.isNetworkOrBroadcast(IPv4Address(10, 1, 5, 1)))
    }

    /// Property: for random prefixes, `contains` agrees with a range comparison and `overlaps`
    /// is symmetric and agrees with range intersection.
    @Test func propertiesAgainstRanges() {
        var random = SeededRandom(seed: 42)
        for _ in 0..<5000 {
            let a = IPv4Prefix(IPv4Address(UInt32(truncatingIfNeeded: random.next())), length: Int(random.next() % 33))
                .canonical
            let b = IPv4Prefix(IPv4Address(UInt32(truncatingIfNeeded: random.next())), length: Int(random.next() % 33))
                .canonical
            let intersect = a.network <= b.broadcast && b.network <= a.broadcast
            #expect(a.overlaps(b) == intersect)
            #expect(b.overlaps(a) == intersect)
            let x = IPv4Address(UInt32(truncatingIfNeeded: random.next()))
            #expect(a.contains(x) == (a.network <= x && x <= a.broadcast))
            #expect(IPv4Prefix(a.description) == a)
        }
    }

    @Test func interfaceAddress() throws {
        let interface = try #require(IPv4Interface("10.1.5.1/24"))
        #expect(interface.subnet.description == "10.1.5.0/24")
        #expect(interface.description == "10.1.5.1/24")
    }
}
