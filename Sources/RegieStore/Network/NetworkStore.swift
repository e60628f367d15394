import Foundation
import RegieCore
import SQLKit

/// Reads and writes networks and their member organisations.
public enum NetworkStore {
    private struct Row: Decodable {
        let id: String, name: String, municipality: String, neighbourhoods: String, profileCode: String
        let active: Bool, createdAt: Int64, retentionYears: Int, profileOverrides: String
        var network: Network {
            // Every page reads the user's networks; most have no overrides, stored as `{}`, which need no decoder.
            let areas =
                neighbourhoods == "[]"
                ? [] : (try? JSONDecoder().decode([String].self, from: Data(neighbourhoods.utf8)))
            // An unreadable override (written by a newer version) falls back to the plain profile.
            let overrides =
                profileOverrides == "{}"
                ? ProfileOverrides()
                : (try? JSONDecoder().decode(ProfileOverrides.self, from: Data(profileOverrides.utf8)))
            return Network(
                id: NetworkID(rawValue: id), name: name, municipality: municipality, neighbourhoods: areas ?? [],
                profileCode: profileCode, active: active, createdAt: Date(millis: createdAt),
                retentionYears: retentionYears, profileOverrides: overrides ?? ProfileOverrides())
        }
    }

    private static let columns = [
        "id", "name", "municipality", "neighbourhoods", "profile_code", "active", "created_at", "retention_years",
        "profile_overrides",
    ]

    private static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The network's overrides as stored: `{}` when there are none, so a plain network reads plainly.
    private static func overrides(_ network: Network) -> String {
        network.profileOverrides.isEmpty ? "{}" : json(network.profileOverrides)
    }

    public static func insert(_ network: Network, on db: any SQLDatabase) async throws {
        do {
            try await db.insert(into: "networks").columns(columns)
                .values(
                    SQLBind(network.id.rawValue), SQLBind(network.name), SQLBind(network.municipality),
                    SQLBind(json(network.neighbourhoods)), SQLBind(network.profileCode), SQLBind(network.active),
                    SQLBind(network.createdAt.millis), SQLBind(network.retentionYears),
                    SQLBind(overrides(network))
                )
                .run()
        } catch let error where error.isUniqueViolation {
            throw StoreError.duplicate(field: "name")
        }
        try await DirectoryVersion.raise(on: db)
    }

    public static func update(_ network: Network, on db: any SQLDatabase) async throws {
        do {
            try await db.update("networks")
                .set("name", to: SQLBind(network.name)).set("municipality", to: SQLBind(network.municipality))
                .set("neighbourhoods", to: SQLBind(json(network.neighbourhoods)))
                .set("profile_code", to: SQLBind(network.profileCode)).set("active", to: SQLBind(network.active))
                .set("retention_years", to: SQLBind(network.retentionYears))
                .set("profile_overrides", to: SQLBind(overrides(network)))
                .where("id", .equal, SQLBind(network.id.rawValue)).run()
        } catch let error where error.isUniqueViolation {
            throw StoreError.duplicate(field: "name")
        }
        try await DirectoryVersion.raise(on: db)
    }

    public static func all(on db: any SQLDatabase) async throws -> [Network] {
        try await db.select().columns(columns).from("networks").orderBy("name")
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase).map(\.network)
    }

    /// The networks among `ids`, by name: a user's own, for the switcher every page shows.
    public static func all(_ ids: Set<NetworkID>, on db: any SQLDatabase) async throws -> [Network] {
        guard !ids.isEmpty else { return [] }
        return try await db.select().columns(columns).from("networks")
            .where("id", .in, SQLBind.group(ids.map(\.rawValue))).orderBy("name")
            .all(decoding: Row.self, keyDecodingStrategy: .snakeCase).map(\.network)
    }

    public static func find(_ id: NetworkID, on db: any SQLDatabase) async throws -> Network? {
        try await db.select().columns(columns).from("networks").where("id", .equal, SQLBind(id.rawValue))
            .first(decoding: Row.self, keyDecodingStrategy: .snakeCase)?.network
    }

    public static func find(name: String, on db: any SQLDatabase) async throws -> Network? {
        try await db.select().columns(columns).from("networks").where("name", .equal, SQLBind(name))
            .first(decoding: Row.self, keyDecodingStrategy: .snakeCase)?.network
    }

    private struct MemberRow: Decodable {
        let networkId: String, organisationId: String, partnerType: String
    }

    public static func members(of network: NetworkID, on db: any SQLDatabase) async throws -> [NetworkMember] {
        try await db.select().columns("network_id", "organisation_id", "partner_type").from("network_members")
            .where("network_id", .equal, SQLBind(network.rawValue))
            .all(decoding: MemberRow.self, keyDecodingStrategy: .snakeCase)
            .map {
                NetworkMember(
                    network: NetworkID(rawValue: $0.networkId),
                    organisation: OrganisationID(rawValue: $0.organisationId),
                    partnerType: PartnerType(rawValue: $0.partnerType) ?? .shell)
            }
    }

    /// Adds the organisation to the network, or changes its partner type when it is already a member.
    public static func setMember(_ member: NetworkMember, on db: any SQLDatabase) async throws {
        try await db.delete(from: "network_members").where("network_id", .equal, SQLBind(member.network.rawValue))
            .where("organisation_id", .equal, SQLBind(member.organisation.rawValue)).run()
        try await db.insert(into: "network_members").columns("network_id", "organisation_id", "partner_type")
            .values(
                SQLBind(member.network.rawValue), SQLBind(member.organisation.rawValue),
                SQLBind(member.partnerType.rawValue)
            )
            .run()
        try await DirectoryVersion.raise(on: db)
    }

    public static func removeMember(network: NetworkID, organisation: OrganisationID, on db: any SQLDatabase)
        async throws
    {
        try await db.delete(from: "network_members").where("network_id", .equal, SQLBind(network.rawValue))
            .where("organisation_id", .equal, SQLBind(organisation.rawValue)).run()
        try await DirectoryVersion.raise(on: db)
    }
}
