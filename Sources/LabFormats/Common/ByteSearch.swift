extension String {
    /// The first range of `needle` in this string, found by comparing UTF-8 bytes.
    ///
    /// The same answer as `firstRange(of:)` for the ASCII markers the readers look for, without
    /// `_StringProcessing`'s generic (per-Character) search, which costs more than the whole read of
    /// a VyOS comment. The bounds are on scalar boundaries since an ASCII needle starts and ends on one.
    public func utf8Range(of needle: String) -> Range<String.Index>? {
        let haystack = Array(utf8)
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
        var offset = 0
        while offset <= haystack.count - pattern.count {
            if haystack[offset] == pattern[0], haystack[offset..<(offset + pattern.count)].elementsEqual(pattern) {
                let lower = utf8.index(utf8.startIndex, offsetBy: offset)
                let upper = utf8.index(lower, offsetBy: pattern.count)
                return lower..<upper
            }
            offset += 1
        }
        return nil
    }
}
