/// A small seeded generator (SplitMix64) shared by every property and fuzz test, so that each
/// run checks the same inputs on every machine and a failure names the seed that reproduces it.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<bound` (0 when `bound` is not positive).
    public mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }

    /// True with a probability of `percent` in 100.
    public mutating func chance(percent: Int) -> Bool { below(100) < percent }

    /// True with a probability of 1 in `oneIn`.
    public mutating func chance(oneIn: Int) -> Bool { below(oneIn) == 0 }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
