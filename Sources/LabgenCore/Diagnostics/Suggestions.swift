/// Did-you-mean suggestions by edit distance: the one suggestion function of labgen (command
/// names, options, lab names and rule IDs in the CLI; node names, field names and kube-proxy
/// modes in the readers and the rules).
public enum Suggestions {
    /// How far a candidate may be from the word and still be suggested.
    public enum Tolerance: Sendable {
        /// A word typed on the command line: at most a third of its length, 1 to 3 edits.
        case word
        /// A name written in a file (often long and generated, `clab-lab-worker2`): a third of the
        /// shorter of the two, at least 2 edits.
        case name

        func limit(word: Int, candidate: Int) -> Int {
            switch self {
            case .word: max(1, min(3, word / 3))
            case .name: max(2, min(word, candidate) / 3)
            }
        }
    }

    /// The candidate closest to `word` (case-insensitive; ties: the first in alphabetical order),
    /// when it is close enough to be a likely typo.
    public static func closest(
        to word: String, in candidates: some Sequence<String>, tolerance: Tolerance = .word
    ) -> String? {
        let target = word.lowercased()
        let targetLength = target.unicodeScalars.count
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let lowered = candidate.lowercased()
            let distance = distance(target, lowered)
            guard distance <= tolerance.limit(word: targetLength, candidate: lowered.unicodeScalars.count) else {
                continue
            }
            if let current = best, (current.distance, current.candidate) <= (distance, candidate) { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// Levenshtein distance with adjacent transpositions (optimal string alignment), on Unicode scalars.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
