#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether the UTF-8 of `needle` occurs in this string's UTF-8: a byte search.
    ///
    /// With Foundation imported, `String.contains(_:)` is `NSString.range(of:)`, which bridges
    /// and scans as UTF-16; artifact discovery asks this of every file (10,000 files in a lab of
    /// 10,000 nodes), so it uses this instead. Same answer for the ASCII needles it looks for.
    func containsBytes(_ needle: String) -> Bool {
        var text = self
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard !pattern.isEmpty else { return true }
                guard haystack.count >= pattern.count, let h = haystack.baseAddress, let p = pattern.baseAddress else {
                    return false
                }
                let first = pattern[0]
                let count = pattern.count
                var index = 0
                while index <= haystack.count - count {
                    if haystack[index] == first && memcmp(h + index, p, count) == 0 { return true }
                    index += 1
                }
                return false
            }
        }
    }
}
