import Foundation
import RegieCore

/// Values derived from many households' facts, kept per app server while those facts stand: each slot (whose
/// value — a network's figures, one user's worklist) remembers the households' fact stamp and the day it was
/// derived at, and is derived again as soon as either moves. The stamp only grows (every change raises a
/// household's version, households are never removed), so a kept value is never older than the database says.
/// Requests that miss the same slot at the same moment wait for one derivation instead of each doing it. A
/// bounded number of slots is kept; the least recently used goes first.
actor StampedCache<Slot: Hashable & Sendable, Value: Sendable> {
    private struct Entry {
        let stamp: String
        let day: Day
        let derivation: Task<Value, any Error>
        var used: UInt64
    }

    private var entries: [Slot: Entry] = [:]
    private var clock: UInt64 = 0
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The value of `slot` at `stamp` on `day`: a kept one, the derivation already under way, or a new one by
    /// `derive`. A failed derivation is not kept.
    func value(
        of slot: Slot, stamp: String, day: Day, derive: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try await value(of: slot, stamp: stamp, day: day) { (_: Value?) in try await derive() }
    }

    /// As `value(of:stamp:day:derive:)`, handing `derive` the slot's value at an earlier stamp of the same day (when
    /// there is one and its derivation did not fail), so it can take over what did not change since.
    func value(
        of slot: Slot, stamp: String, day: Day, derive: @escaping @Sendable (_ earlier: Value?) async throws -> Value
    ) async throws -> Value {
        clock += 1
        let derivation: Task<Value, any Error>
        if var entry = entries[slot], entry.stamp == stamp, entry.day == day {
            entry.used = clock
            entries[slot] = entry
            derivation = entry.derivation
        } else {
            let earlier = entries[slot].flatMap { $0.day == day ? $0.derivation : nil }
            derivation = Task { try await derive(try? await earlier?.value) }
            entries[slot] = Entry(stamp: stamp, day: day, derivation: derivation, used: clock)
            while entries.count > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
                entries[oldest] = nil
            }
        }
        do {
            return try await derivation.value
        } catch {
            if let entry = entries[slot], entry.stamp == stamp, entry.day == day { entries[slot] = nil }
            throw error
        }
    }
}
