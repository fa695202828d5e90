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
