/// The shared storage of a copy-on-write fact type (`ClabNodeFacts`): the owner replaces it with a
/// copy before it changes a storage that another value shares, so values keep value semantics.
final class CopyOnWriteBox<Value: Sendable>: @unchecked Sendable {
    // Only written through a uniquely referenced box (see the owners' `_modify` accessors).
    var value: Value

    init(_ value: Value) { self.value = value }
}
