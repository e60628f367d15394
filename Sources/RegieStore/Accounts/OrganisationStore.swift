import Foundation
import RegieCore
import SQLKit

/// Reads and writes partner organisations.
public enum OrganisationStore {
    private struct Row: Decodable {
        let id: String, name: String, kind: String, active: Bool, createdAt: Int64
        var organisation: Organisation {
            Organisation(
                id: OrganisationID(rawValue: id), name: name, kind: OrganisationKind(rawValue: kind) ?? .other,
                active: active, createdAt: Date(millis: createdAt))
        }
    }

    public static func insert(_ organisation: Organisation, on db: any SQLDatabase) async throws {
        do {
            try await db.insert(into: "organisations")
                .columns("id", "name", "kind", "active", "created_at")
                .values(
                    SQLBind(organisation.id.rawValue), SQLBind(organisation.name), SQLBind(organisation.kind.rawValue),
                    SQLBind(organisation.active), SQLBind(organisation.createdAt.millis)
                )
                .run()
        } catch let error where error.isUniqueViolation {
            throw StoreError.duplicate(field: "name")
        }
        try await DirectoryVersion.raise(on: db)
    }

    /// Saves name, kind and active flag; a new name makes the rows kept with its directors' households stale.
    public static func update(_ organisation: Organisation, on db: any SQLDatabase) async throws {
        let renamed = try await find(organisation.id, on: db).map { $0.name != organisation.name }
        do {
            try await db.update("organisations")
                .set("name", to: SQLBind(organisation.name)).set("kind", to: SQLBind(organisation.kind.rawValue))
                .set("active", to: SQLBind(organisation.active))
                .where("id", .equal, SQLBind(organisation.id.rawValue)).run()
        } catch let error where error.isUniqueViolation {
            throw StoreError.duplicate(field: "name")
        }
        if renamed == true { try await HouseholdStore.touchDirected(from: organisation.id, on: db) }
        try await DirectoryVersion.raise(on: db)
    }

    public static func all(on db: any SQLDatabase) async throws -> [Organisation] {
        try await db.select().columns("id", "name", "kind", "active", "created_at").from("organisations")
            .orderBy("name").all(decoding: Row.self, keyDecodingStrategy: .snakeCase).map(\.organisation)
    }

    public static func find(_ id: OrganisationID, on db: any SQLDatabase) async throws -> Organisation? {
        try await db.select().columns("id", "name", "kind", "active", "created_at").from("organisations")
            .where("id", .equal, SQLBind(id.rawValue))
            .first(decoding: Row.self, keyDecodingStrategy: .snakeCase)?.organisation
    }

    public static func find(name: String, on db: any SQLDatabase) async throws -> Organisation? {
        try await db.select().columns("id", "name", "kind", "active", "created_at").from("organisations")
            .where("name", .equal, SQLBind(name))
            .first(decoding: Row.self, keyDecodingStrategy: .snakeCase)?.organisation
    }
}
