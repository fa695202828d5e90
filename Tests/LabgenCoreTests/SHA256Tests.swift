import Testing

@testable import LabgenCore

@Suite("SHA-256")
struct SHA256Tests {
    @Test(
        "known answers (FIPS 180-4 examples)",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func knownAnswers(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func millionAs() {
        #expect(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The processor's SHA instructions (where this machine has them) and the portable rounds agree,
    /// on lengths around the block and padding boundaries, fed whole or in uneven pieces.
    @Test func hardwareAndPortableAgree() {
        var generator = SplitMix64(seed: 17)
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4096, 65_537] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            var portable = SHA256(portable: true)
            portable.update(bytes)
            let expected = portable.finalizeHex()
            #expect(SHA256.hex(bytes) == expected, "length \(length)")
            var pieces = SHA256()
            var offset = 0
            var step = 1
            while offset < bytes.count {
                let end = min(bytes.count, offset + step)
                pieces.update(bytes[offset..<end])
                offset = end
                step = step * 3 % 97 + 1
            }
            #expect(pieces.finalizeHex() == expected, "length \(length), in pieces")
        }
    }

    @Test func stringsHashTheirUTF8() {
        var hasher = SHA256()
        hasher.update("h\u{e9}llo, w\u{f6}rld")
        #expect(hasher.finalizeHex() == SHA256.hex(Array("h\u{e9}llo, w\u{f6}rld".utf8)))
    }
}

/// A small deterministic generator (Steele, Lea and Flood's SplitMix64) for the test inputs.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
