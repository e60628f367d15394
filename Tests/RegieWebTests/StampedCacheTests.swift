import Foundation
import RegieCore
import Testing

@testable import RegieWeb

@Suite("Stamped cache")
struct StampedCacheTests {
    /// Counts derivations, so a test sees whether a value was reused.
    actor Counter {
        var count = 0
        func next() -> Int {
            count += 1
            return count
        }
    }

    @Test("A value is reused while its stamp and day stand, and derived again when either moves")
    func reuse() async throws {
        let cache = StampedCache<String, Int>(capacity: 4)
        let counter = Counter()
        let today = Day(Date())
        let derive: @Sendable () async throws -> Int = { await counter.next() }
        #expect(try await cache.value(of: "a", stamp: "1:1", day: today, derive: derive) == 1)
        #expect(try await cache.value(of: "a", stamp: "1:1", day: today, derive: derive) == 1, "kept")
        #expect(try await cache.value(of: "b", stamp: "1:1", day: today, derive: derive) == 2, "another slot")
        #expect(try await cache.value(of: "a", stamp: "1:2", day: today, derive: derive) == 3, "a change")
        #expect(try await cache.value(of: "a", stamp: "1:2", day: today.adding(days: 1), derive: derive) == 4)
    }

    @Test("A new derivation is handed the slot's earlier value of the same day, never one of another day")
    func earlierValue() async throws {
        let cache = StampedCache<String, Int>(capacity: 4)
        let today = Day(Date())
        let first = try await cache.value(of: "a", stamp: "1", day: today) { (earlier: Int?) in
            #expect(earlier == nil)
            return 10
        }
        let second = try await cache.value(of: "a", stamp: "2", day: today) { (earlier: Int?) in (earlier ?? 0) + 1 }
        #expect(first == 10 && second == 11)
        let other = try await cache.value(of: "b", stamp: "2", day: today) { (earlier: Int?) in earlier ?? -1 }
        #expect(other == -1, "another slot's value is not handed over")
        let tomorrow = try await cache.value(of: "a", stamp: "2", day: today.adding(days: 1)) { (earlier: Int?) in
            earlier ?? -1
        }
        #expect(tomorrow == -1, "norms moved with the day: nothing is taken over")
    }

    @Test("Requests that miss at the same moment wait for one derivation")
    func oneDerivation() async throws {
        let cache = StampedCache<String, Int>(capacity: 4)
        let counter = Counter()
        let today = Day(Date())
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await cache.value(of: "a", stamp: "1:1", day: today) {
                        try await Task.sleep(for: .milliseconds(50))
                        return await counter.next()
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(values == Array(repeating: 1, count: 8))
        #expect(await counter.count == 1)
    }

    @Test("A failed derivation is not kept, and the least recently used slot goes first")
    func failuresAndCapacity() async throws {
        struct Failure: Error {}
        let cache = StampedCache<String, Int>(capacity: 2)
        let counter = Counter()
        let today = Day(Date())
        let derive: @Sendable () async throws -> Int = { await counter.next() }
        await #expect(throws: Failure.self) {
            try await cache.value(of: "a", stamp: "1:1", day: today) { throw Failure() }
        }
        #expect(try await cache.value(of: "a", stamp: "1:1", day: today, derive: derive) == 1, "tried again")
        #expect(try await cache.value(of: "b", stamp: "1:1", day: today, derive: derive) == 2)
        #expect(try await cache.value(of: "a", stamp: "1:1", day: today, derive: derive) == 1, "a used last")
        #expect(try await cache.value(of: "c", stamp: "1:1", day: today, derive: derive) == 3, "b goes")
        #expect(try await cache.value(of: "a", stamp: "1:1", day: today, derive: derive) == 1, "a stays")
        #expect(try await cache.value(of: "b", stamp: "1:1", day: today, derive: derive) == 4, "b derived again")
    }
}
