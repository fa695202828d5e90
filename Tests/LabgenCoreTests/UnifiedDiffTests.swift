import Testing

@testable import LabgenCore

@Suite("Unified diff")
struct UnifiedDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(UnifiedDiff.diff(old: "a\nb\n", new: "a\nb\n", oldName: "x", newName: "y") == "")
    }

    @Test func changedLineWithContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(
            UnifiedDiff.diff(old: old, new: new, oldName: "out/a", newName: "generated") == """
                --- out/a
                +++ generated
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8

                """)
    }

    @Test func insertionIntoEmptyFile() {
        #expect(
            UnifiedDiff.diff(old: "", new: "a\nb\n", oldName: "o", newName: "n")
                == "--- o\n+++ n\n@@ -0,0 +1,2 @@\n+a\n+b\n")
    }

    @Test func deletionToEmptyFile() {
        #expect(
            UnifiedDiff.diff(old: "a\n", new: "", oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -1 +0,0 @@\n-a\n")
    }

    @Test func separateHunks() {
        let old = (1...30).map(String.init).joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "\n2\n", with: "\nTWO\n").replacingOccurrences(of: "\n28\n", with: "\n")
        let diff = UnifiedDiff.diff(old: old, new: new, oldName: "o", newName: "n")
        #expect(diff.components(separatedBy: "\n@@ ").count == 3)
        #expect(diff.contains("-2\n+TWO\n"))
        #expect(diff.contains("@@ -25,6 +25,5 @@\n"))
    }

    /// Property: applying the edit script to the old lines gives the new lines.
    @Test func editScriptReconstructsNewText() {
        var seed: UInt64 = 7
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 33
        }
        for _ in 0..<300 {
            let a = (0..<Int(next() % 15)).map { _ in Substring(String(next() % 4)) }
            let b = (0..<Int(next() % 15)).map { _ in Substring(String(next() % 4)) }
            let script = UnifiedDiff.edits(a, b)
            var rebuilt: [Substring] = []
            var kept = 0
            for edit in script {
                switch edit {
                case .same(let i, let j):
                    #expect(a[i] == b[j])
                    rebuilt.append(a[i])
                    kept += 1
                case .insert(let j): rebuilt.append(b[j])
                case .delete: break
                }
            }
            #expect(rebuilt == b)
            #expect(script.count - kept == a.count + b.count - 2 * kept)
        }
    }
}
