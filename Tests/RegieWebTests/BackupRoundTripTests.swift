import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Backup and restore of the embedded database")
struct BackupRoundTripTests {
    static func path(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("regie-\(name)-\(UUID().uuidString).sqlite").path
    }

    static func remove(_ paths: String...) {
        for path in paths {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }

    static func factVersion(_ household: String, _ db: any SQLDatabase) async throws -> Int {
        try await db.select().column("fact_version").from("households").where("id", .equal, SQLBind(household))
            .first()?.decode(column: "fact_version", as: Int.self) ?? -1
    }

    @Test("The demo region round-trips through backup and restore with every row of every table the same")
    func roundTrip() async throws {
        try await TestDatabases.with(.sqlite) { db in
            _ = try await DemoRegionTests.loaded(db)
            let backup = Self.path("backup")
            let restored = Self.path("restored")
            defer { Self.remove(backup, restored) }
            let summary = try await SQLiteBackup.backup(db, to: backup)
            let original = try await SQLiteBackup.contents(db)
            #expect(summary.tables == original.count && summary.rows == original.values.map(\.count).reduce(0, +))
            #expect((original["timeline_events"]?.count ?? 0) > 20 && (original["users"]?.count ?? 0) > 10)

            #expect(try await SQLiteBackup.restore(from: backup, to: restored) == summary)
            let copy = try await RegieDatabase.open(.sqlite(path: restored))
            let contents = try await SQLiteBackup.contents(copy)
            await copy.shutdown()
            #expect(contents == original, "every table, every row")
            await #expect(throws: SQLiteBackup.Failure.exists(backup)) {
                _ = try await SQLiteBackup.backup(db, to: backup)
            }
        }
    }

    @Test("A backup taken while Regie writes holds whole transactions only")
    func whileWriting() async throws {
        try await TestDatabases.with(.sqlite) { db in
            _ = try await DemoRegionTests.loaded(db)
            let backup = Self.path("live")
            defer { Self.remove(backup) }
            let row = try #require(try await db.sql.select().columns("id", "network_id").from("households").first())
            let household = try row.decode(column: "id", as: String.self)
            let network = try row.decode(column: "network_id", as: String.self)
            let before = try await Self.factVersion(household, db.sql)
            // Each write is one event plus the household's version raised, in one transaction.
            let writer = Task {
                for index in 0..<200 {
                    try await db.write { tx in
                        try await TimelineStore.append(
                            TimelineEvent(
                                household: HouseholdID(rawValue: household), network: NetworkID(rawValue: network),
                                actor: nil, actorOrganisation: nil, kind: "test.during_backup", summary: "\(index)"),
                            on: tx)
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(20))
            _ = try await SQLiteBackup.backup(db, to: backup)
            try await writer.value
            let copy = try await RegieDatabase.open(.sqlite(path: backup))
            let events = try await copy.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("timeline_events").where("kind", .equal, SQLBind("test.during_backup")).first()?
                .decode(column: "n", as: Int.self)
            let version = try await Self.factVersion(household, copy.sql)
            await copy.shutdown()
            #expect(version - before == events, "every event in the backup came with its version, and no other")
        }
    }

    @Test("Restore refuses a damaged file and a database in use, and leaves the target as it was")
    func refusals() async throws {
        let target = Self.path("target")
        let junk = Self.path("junk")
        defer { Self.remove(target, junk) }
        try Data("dit is geen database".utf8).write(to: URL(fileURLWithPath: junk))
        try Data("oude inhoud".utf8).write(to: URL(fileURLWithPath: target))
        await #expect(throws: SQLiteBackup.Failure.self) { _ = try await SQLiteBackup.restore(from: junk, to: target) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "oude inhoud")
        try Data().write(to: URL(fileURLWithPath: target + "-wal"))
        await #expect(throws: SQLiteBackup.Failure.inUse(target)) {
            _ = try await SQLiteBackup.restore(from: junk, to: target)
        }
        #expect(!FileManager.default.fileExists(atPath: target + ".restoring"), "no half-restored file left")
    }
}
