import Dispatch
import Foundation
import Testing

@testable import LabgenCore

@Suite("Parallel work keeps its order")
struct ParallelTests {
    @Test func queueReturnsResultsInTheOrderOfItsItems() {
        let items = Array(0..<100)
        // Uneven work: early items are the largest.
        let results = Parallel.queue(items) { item -> Int in
            var sum = 0
            for k in 0..<((100 - item) * 1000) { sum &+= k }
            return item * 2 + (sum == -1 ? 1 : 0)
        }
        #expect(results == items.map { $0 * 2 })
        #expect(Parallel.queue([7]) { $0 + 1 } == [8])
        #expect(Parallel.queue([Int]()) { $0 } == [])
    }

    @Test func startedWorkIsWaitedFor() {
        let wait = Parallel.start { (0..<1000).reduce(0, +) }
        let mapped = Parallel.map(Array(0..<10), minimumCount: 2) { $0 * $0 }
        #expect(wait() == 499_500)
        #expect(mapped == (0..<10).map { $0 * $0 })
    }
}

@Suite("Heaviest first, and freeing in the background")
struct ParallelSchedulingTests {
    @Test func heaviestFirstQueuesTheHeaviestItemsFirstAndKeepsTheOrder() {
        let weights = [3, 9, 1, 9, 5, 0, 7]
        #expect(Parallel.heaviestFirstOrder(weights) == [1, 3, 6, 4, 0, 2, 5])
        let results = Parallel.heaviestFirst(weights, weights: weights) { $0 * 10 }
        #expect(results == weights.map { $0 * 10 })
        #expect(Parallel.heaviestFirst([Int](), weights: []) { $0 } == [])
        #expect(Parallel.heaviestFirst([4], weights: [4]) { $0 + 1 } == [5])
    }

    @Test func droppedValuesAreFreedOnAnotherThread() {
        let freed = DispatchSemaphore(value: 0)
        let thread = ThreadRecord()
        var value: Tracked? = Tracked {
            thread.name = "\(pthread_self())"
            freed.signal()
        }
        let here = "\(pthread_self())"
        Parallel.dropInBackground(value.take()!)
        #expect(value == nil)
        #expect(freed.wait(timeout: .now() + 10) == .success)
        #expect(thread.name != here)
    }
}

private final class ThreadRecord: @unchecked Sendable {
    var name = ""
}

private final class Tracked: @unchecked Sendable {
    let onDeinit: @Sendable () -> Void
    init(_ onDeinit: @escaping @Sendable () -> Void) { self.onDeinit = onDeinit }
    deinit { onDeinit() }
}
