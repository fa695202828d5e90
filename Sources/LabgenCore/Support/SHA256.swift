import CLabgenSystem

/// SHA-256 (FIPS 180-4) of the manifest's artifacts. The padding and buffering are here; the block
/// compression is `labgen_sha256_blocks` (CLabgenSystem/sha256.c), which uses the processor's SHA
/// instructions where it has them (x86-64 SHA extensions) and portable rounds elsewhere.
public struct SHA256 {
    private var state: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0
    /// Whether blocks go through the portable rounds even where the processor has SHA instructions
    /// (the tests compare both).
    private let portable: Bool

    public init() { portable = false }

    /// A hasher that never uses the processor's SHA instructions.
    init(portable: Bool) { self.portable = portable }

    /// Whether this machine's blocks are compressed by the processor's SHA instructions.
    static var usesHardware: Bool { labgen_sha256_has_hardware() != 0 }

    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        // Contiguous bytes (arrays, native strings' UTF-8) are compressed straight from their storage.
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(contiguous: UnsafeRawBufferPointer($0)) }
        if done != nil { return }
        update(contiguous: Array(bytes))
    }

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(contiguous: UnsafeRawBufferPointer($0)) }
    }

    private mutating func update(contiguous bytes: [UInt8]) {
        bytes.withUnsafeBytes { update(contiguous: $0) }
    }

    private mutating func update(contiguous bytes: UnsafeRawBufferPointer) {
        var offset = 0
        length &+= UInt64(bytes.count)
        if !buffer.isEmpty {
            let take = min(64 - buffer.count, bytes.count)
            buffer.append(contentsOf: bytes[0..<take])
            offset = take
            guard buffer.count == 64 else { return }
            buffer.withUnsafeBytes { compress($0) }
            buffer.removeAll(keepingCapacity: true)
        }
        let whole = (bytes.count - offset) / 64 * 64
        if whole > 0 {
            compress(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + whole]))
            offset += whole
        }
        buffer.append(contentsOf: bytes[offset...])
    }

    /// Compresses whole 64-byte blocks.
    private mutating func compress(_ blocks: UnsafeRawBufferPointer) {
        guard let base = blocks.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let count = blocks.count / 64
        let portable = self.portable
        state.withUnsafeMutableBufferPointer { words in
            if portable {
                labgen_sha256_blocks_portable(words.baseAddress!, base, count)
            } else {
                labgen_sha256_blocks(words.baseAddress!, base, count)
            }
        }
    }

    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        buffer.append(0x80)
        if buffer.count > 56 {
            buffer.append(contentsOf: repeatElement(0, count: 64 - buffer.count))
            buffer.withUnsafeBytes { compress($0) }
            buffer.removeAll(keepingCapacity: true)
        }
        buffer.append(contentsOf: repeatElement(0, count: 56 - buffer.count))
        for shift in stride(from: 56, through: 0, by: -8) {
            buffer.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        buffer.withUnsafeBytes { compress($0) }
        buffer.removeAll()
        return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * $0)) } }
    }

    /// The digest as lower-case hex.
    public mutating func finalizeHex() -> String {
        finalize().map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }
}
