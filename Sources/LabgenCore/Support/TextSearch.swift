import CLabgenSystem

extension String {
    /// Whether the UTF-8 of `needle` occurs in this string's UTF-8: a byte search.
    ///
    /// With Foundation imported, `String.contains(_:)` is `NSString.range(of:)`, which bridges
    /// and scans as UTF-16; artifact discovery asks this of every file (10,000 files in a lab of
    /// 10,000 nodes, or a few files of megabytes each), so it uses the C library's `memmem`
    /// instead, which compares many bytes at a time. Same answer for the ASCII needles it looks for.
    func containsBytes(_ needle: String) -> Bool {
        var text = self
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard !pattern.isEmpty else { return true }
                guard haystack.count >= pattern.count, let h = haystack.baseAddress, let p = pattern.baseAddress else {
                    return false
                }
                return labgen_memmem(h, haystack.count, p, pattern.count) != nil
            }
        }
    }
}
