import LabFormats
import Testing

/// SplitMix64: a tiny seeded generator, so property and fuzz tests are deterministic.
struct VyOSSplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// The error a throwing call threw, or nil.
func vyosError<T>(_ body: () throws -> T) -> FormatError? {
    do {
        _ = try body()
        return nil
    } catch let error as FormatError {
        return error
    } catch {
        Issue.record("not a FormatError: \(error)")
        return nil
    }
}

/// Clears positions so trees can be printed/compared field by field when debugging.
func vyosPaths(_ nodes: [VyOSNode], _ prefix: String = "") -> [String] {
    var out: [String] = []
    for n in nodes {
        let p = prefix + n.name + (n.value.map { " <\($0)>" } ?? "")
        out.append(p + (n.children == nil ? "" : " {}"))
        if let c = n.children { out += vyosPaths(c, p + " ") }
    }
    return out
}
