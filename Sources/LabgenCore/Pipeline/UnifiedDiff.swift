/// Line-based unified diffs (Myers' O(ND) algorithm), as `diff -u` prints them.
public enum UnifiedDiff {
    enum Edit: Equatable {
        case same(Int, Int)  // old index, new index
        case delete(Int)
        case insert(Int)
    }

    /// Splits text into lines, keeping track of a missing final newline.
    static func lines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The shortest edit script from `a` to `b`.
    static func edits(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        let n = a.count
        let m = b.count
        let max = n + m
        if max == 0 { return [] }
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        let offset = max
        outer: for d in 0...max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m {
                    trace.append(v)
                    break outer
                }
            }
        }
        // Backtrack.
        var result: [Edit] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 2, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let prevK: Int
            if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                prevK = k + 1
            } else {
                prevK = k - 1
            }
            let prevX = v[offset + prevK]
            let prevY = prevX - prevK
            while x > prevX && y > prevY {
                x -= 1
                y -= 1
                result.append(.same(x, y))
            }
            if d > 0 {
                if x == prevX {
                    y -= 1
                    result.append(.insert(y))
                } else {
                    x -= 1
                    result.append(.delete(x))
                }
            }
        }
        while x > 0 && y > 0 {
            x -= 1
            y -= 1
            result.append(.same(x, y))
        }
        return result.reversed()
    }

    /// A unified diff with `context` lines around each change, or "" when equal.
    public static func diff(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = lines(old)
        let b = lines(new)
        let script = edits(a, b)
        var output = "--- \(oldName)\n+++ \(newName)\n"
        // Group edits into hunks.
        var index = 0
        while index < script.count {
            guard let changeStart = script[index...].firstIndex(where: { if case .same = $0 { false } else { true } })
            else { break }
            var hunkStart = Swift.max(index, changeStart - context)
            if hunkStart < 0 { hunkStart = 0 }
            var end = changeStart
            var lastChange = changeStart
            while end < script.count {
                if case .same = script[end] {
                    if end - lastChange > 2 * context { break }
                } else {
                    lastChange = end
                }
                end += 1
            }
            let hunkEnd = Swift.min(script.count, lastChange + context + 1)
            let hunk = script[hunkStart..<hunkEnd]
            var oldStart = 0
            var newStart = 0
            var oldCount = 0
            var newCount = 0
            var firstOld: Int?
            var firstNew: Int?
            var body = ""
            for edit in hunk {
                switch edit {
                case .same(let i, let j):
                    firstOld = firstOld ?? i
                    firstNew = firstNew ?? j
                    oldCount += 1
                    newCount += 1
                    body += " \(a[i])\n"
                case .delete(let i):
                    firstOld = firstOld ?? i
                    oldCount += 1
                    body += "-\(a[i])\n"
                case .insert(let j):
                    firstNew = firstNew ?? j
                    newCount += 1
                    body += "+\(b[j])\n"
                }
            }
            oldStart = (firstOld ?? precedingOld(script, hunkStart)) + (oldCount == 0 ? 0 : 1)
            newStart = (firstNew ?? precedingNew(script, hunkStart)) + (newCount == 0 ? 0 : 1)
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n" + body
            index = hunkEnd
        }
        if (!old.isEmpty && old.last != "\n") || (!new.isEmpty && new.last != "\n") {
            output += "\\ No newline at end of file\n"
        }
        return output
    }

    private static func range(_ start: Int, _ count: Int) -> String { count == 1 ? "\(start)" : "\(start),\(count)" }

    /// Number of old lines before position `index` of the script (for empty-side hunks).
    private static func precedingOld(_ script: [Edit], _ index: Int) -> Int {
        script[..<index].reduce(0) { count, edit in if case .insert = edit { count } else { count + 1 } }
    }

    private static func precedingNew(_ script: [Edit], _ index: Int) -> Int {
        script[..<index].reduce(0) { count, edit in if case .delete = edit { count } else { count + 1 } }
    }
}
