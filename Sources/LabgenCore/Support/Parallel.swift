import Dispatch
import Foundation

/// Data parallelism for the stages that handle many independent files (rendering and reading
/// back a 10,000-node lab). Results keep the input order, so output stays deterministic.
enum Parallel {
    /// `items.map(transform)`, spread over the machine's cores when there are enough items.
    static func map<T: Sendable, R: Sendable>(_ items: [T], minimumCount: Int = 256, _ transform: @Sendable (T) -> R)
        -> [R]
    {
        guard items.count >= minimumCount else { return items.map(transform) }
        return collect(items.count) { output in
            // Each index is written by exactly one iteration.
            let chunks = min(items.count, 16)
            let size = (items.count + chunks - 1) / chunks
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * size
                let end = Swift.min(items.count, start + size)
                guard start < end else { return }
                for index in start..<end { output[index] = transform(items[index]) }
            }
        }
    }

    /// `items.map(transform)` with each core taking the next item when it is done with one (items of
    /// very different sizes, largest first): results in the order of `items`.
    static func queue<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        return collect(items.count) { output in
            // Each index is taken by exactly one worker (under the lock).
            let next = NextIndex()
            let workers = min(items.count, ProcessInfo.processInfo.activeProcessorCount)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = next.take(below: items.count) { output[index] = transform(items[index]) }
            }
        }
    }

    /// The `count` results that `fill` writes into the buffer it is given, one per index, from any
    /// thread; the buffer lives until `fill` returns.
    private static func collect<R>(
        _ count: Int, _ fill: (_ output: Results<R>) -> Void
    ) -> [R] {
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        fill(Results(buffer: results))
        return results.map { $0! }
    }

    /// A result buffer that workers on other threads write, each to indices no other writes.
    private struct Results<R>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<R?>
        subscript(index: Int) -> R? {
            get { buffer[index] }
            nonmutating set { buffer[index] = newValue }
        }
    }

    /// `items.map(transform)` with the heaviest items (`weights`, one per item) started first, each
    /// core taking the next when it is done with one: the largest item never starts last and runs
    /// alone while the other cores wait. Results in the order of `items`.
    static func heaviestFirst<T: Sendable, R: Sendable>(
        _ items: [T], weights: [Int], _ transform: @Sendable (T) -> R
    ) -> [R] {
        precondition(weights.count == items.count, "one weight per item")
        guard items.count > 1 else { return items.map(transform) }
        let order = heaviestFirstOrder(weights)
        let results = queue(order) { transform(items[$0]) }
        var inPlace = [R?](repeating: nil, count: items.count)
        for (index, result) in zip(order, results) { inPlace[index] = result }
        return inPlace.map { $0! }
    }

    /// The indices of `weights`, heaviest first; equal weights in their order.
    static func heaviestFirstOrder(_ weights: [Int]) -> [Int] {
        weights.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
    }

    /// The next unclaimed index, shared by the workers of `queue`.
    private final class NextIndex: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take(below count: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard value < count else { return nil }
            value += 1
            return value - 1
        }
    }

    /// Starts `work` on another thread and returns what waits for its result. The
    /// caller's own work runs outside any `concurrentPerform`: Dispatch runs a `concurrentPerform`
    /// nested in another one on fewer threads (on two cores, on one), so running both sides in one
    /// would keep the caller's `Parallel.map` on one core.
    static func start<T: Sendable>(_ work: @escaping @Sendable () -> T) -> () -> T {
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox<T>()
        DispatchQueue.global().async {
            result.value = work()
            done.signal()
        }
        return {
            done.wait()
            return result.value!
        }
    }

    /// Frees `value` on another thread: the parsed documents or the view of a 10,000-node lab take
    /// tens of milliseconds to free, which nothing waits for. The caller hands over its reference
    /// (`consume`), so the last one is released there.
    static func dropInBackground<T: Sendable>(_ value: consuming T) {
        let box = DropBox(value)
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }

    private final class DropBox<T>: @unchecked Sendable {
        var value: T?
        init(_ value: consuming T) { self.value = value }
    }

    /// Written once by the started work before it signals, read after the wait.
    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }
}
