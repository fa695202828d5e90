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
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        // Each index is written by exactly one iteration; the buffer outlives concurrentPerform.
        nonisolated(unsafe) let output = results
        let chunks = min(items.count, 16)
        let size = (items.count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * size
            let end = Swift.min(items.count, start + size)
            guard start < end else { return }
            for index in start..<end { output[index] = transform(items[index]) }
        }
        return results.map { $0! }
    }

    /// `items.map(transform)` with each core taking the next item when it is done with one (items of
    /// very different sizes, largest first): results in the order of `items`.
    static func queue<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        // Each index is taken by exactly one worker (under the lock); the buffer outlives concurrentPerform.
        nonisolated(unsafe) let output = results
        let next = NextIndex()
        let workers = min(items.count, ProcessInfo.processInfo.activeProcessorCount)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: items.count) { output[index] = transform(items[index]) }
        }
        return results.map { $0! }
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

    /// Written once by the started work before it signals, read after the wait.
    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }
}
