import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

/// Holds each read of a network's versions at the gate, after it read, until the test lets them through.
actor ReadGate {
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var isOpen = false
    /// The versions each read started from, in the order they read.
    private(set) var startedFrom: [NetworkFactVersions.Reading?] = []

    func pass(from kept: NetworkFactVersions?) async {
        startedFrom.append(kept?.reading)
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting = []
    }

    var reads: Int { startedFrom.count }
}

@Suite("One read of a network's versions at a time")
struct NetworkVersionReadsTests {
    /// A network with one household whose versions the app server keeps, and a way to change that household.
    static func network(_ harness: Harness) async throws -> (
        household: HouseholdID, touch: @Sendable () async throws -> String
    ) {
        let director = try await harness.user(
            "lezer@test.nl", [RoleAssignment(role: .networkDirector, network: harness.network.id)])
        let maker = AccessActor(
            user: director.id, organisation: director.organisation,
            assignments: [RoleAssignment(role: .networkDirector, network: harness.network.id)])
        let (app, network) = (harness.app, harness.network.id)
        let household = try await app.database.write { tx in
            try await HouseholdStore.create(network: network, reference: "LEES-1", actor: maker, on: tx)
        }
        _ = try await app.factVersions(in: network)
        let touch: @Sendable () async throws -> String = {
            try await app.database.write { tx in try await HouseholdStore.touch(household, on: tx) }
            return try await HouseholdStore.factStamp(of: [network], on: app.database.sql)
        }
        return (household, touch)
    }

    /// Asks for the versions at `stamp` the way the lists do, through `gate`.
    static func versions(_ harness: Harness, stamp: String, gate: ReadGate) -> Task<NetworkFactVersions, any Error> {
        let (app, network) = (harness.app, harness.network.id)
        return Task {
            try await app.householdFacts.versions(of: network, stamp: stamp) { kept in
                let read = try await NetworkFactVersions.read(network, after: kept, on: app.database.sql)
                await gate.pass(from: kept)
                return read
            }
        }
    }

    /// Waits until `gate` has seen `count` reads.
    static func reads(_ count: Int, at gate: ReadGate) async throws {
        while await gate.reads < count { try await Task.sleep(for: .milliseconds(2)) }
    }

    /// A request for the versions at `first`, held at `gate` once it has read, and then one at the stamp `second` gives
    /// (after the first read), given time to ask: it must not read on its own while the first is under way.
    static func twoRequests(
        _ harness: Harness, gate: ReadGate, first: String, second: () async throws -> String
    ) async throws -> (Task<NetworkFactVersions, any Error>, Task<NetworkFactVersions, any Error>) {
        let earlier = Self.versions(harness, stamp: first, gate: gate)
        try await Self.reads(1, at: gate)
        let later = Self.versions(harness, stamp: try await second(), gate: gate)
        try await Task.sleep(for: .milliseconds(100))
        return (earlier, later)
    }

    @Test(
        "Requests after a change that ask side by side get one reading, from which the next learns what changed",
        arguments: TestDatabases.backends)
    func sideBySide(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, _ in
            let (household, touch) = try await Self.network(harness)
            let stamp = try await touch()
            let gate = ReadGate()
            let (first, second) = try await Self.twoRequests(harness, gate: gate, first: stamp) { stamp }
            await gate.open()
            let (one, other) = (try await first.value, try await second.value)
            #expect(await gate.reads == 1, "the second request took what the first read")
            #expect(one.reading == other.reading)
            let next = try await harness.app.factVersions(in: harness.network.id)
            #expect(next.changed(since: other.reading) == [])
            _ = try await touch()
            let after = try await harness.app.factVersions(in: harness.network.id)
            #expect(after.changed(since: one.reading) == [household], "a list derived from it takes over the rest")
        }
    }

    @Test(
        "A request that finds a read under way of an older stamp waits for it and reads on from what it found",
        arguments: TestDatabases.backends)
    func afterEachOther(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, _ in
            let (household, touch) = try await Self.network(harness)
            let gate = ReadGate()
            let (first, second) = try await Self.twoRequests(
                harness, gate: gate, first: try await touch(), second: touch)
            #expect(await gate.reads == 1, "the second read waits for the first")
            await gate.open()
            let (one, other) = (try await first.value, try await second.value)
            #expect(await gate.startedFrom.last == one.reading, "the second read starts from the first's versions")
            #expect(other.changed(since: one.reading) == [household])
            #expect(other.stamp != one.stamp, "the second request's versions make up its own, later stamp")
        }
    }
}
