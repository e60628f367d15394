import Foundation
import RegieCore
import SQLKit

extension SignalStore {
    /// Everything the eligibility decision needs about one signal: its own fields, the household's address
    /// and current members.
    public struct Detail: Sendable {
        public typealias Member = HouseholdStore.Member

        public let summary: Summary
        public let channel: SignalChannel
        public let description: String
        public let householdInformed: Bool
        public let notInformedReason: String
        public let origin: SignalOrigin
        public let trigger: String
        public let ownAttempt: String
        public let address: String
        public let neighbourhood: String
        public let members: [Member]
    }

    private struct DetailRow: Decodable {
        let channel: String, description: String, householdInformed: Bool, notInformedReason: String, origin: String
        let triggerCode: String, ownAttempt: String
    }

    private struct AddressRow: Decodable {
        let street: String?, houseNumber: String?, postcode: String?, city: String?, neighbourhood: String?
        let noFixedAddress: Bool
    }

    /// One signal on the household the grant is for; `nil` when it is not on that household.
    public static func detail(_ id: String, grant: AccessGrant, on db: any SQLDatabase) async throws -> Detail? {
        guard let summary = try await summaries(grant, on: db).first(where: { $0.id == id }),
            let row = try await db.select()
                .columns(
                    "channel", "description", "household_informed", "not_informed_reason", "origin",
                    "trigger_code", "own_attempt"
                )
                .from("signals").where("id", .equal, SQLBind(id))
                .first(decoding: DetailRow.self, keyDecodingStrategy: .snakeCase),
            let address = try await db.select()
                .columns("street", "house_number", "postcode", "city", "neighbourhood", "no_fixed_address")
                .from("households").where("id", .equal, SQLBind(grant.context.household.rawValue))
                .first(decoding: AddressRow.self, keyDecodingStrategy: .snakeCase)
        else { return nil }
        let members = try await HouseholdStore.members(grant, on: db)
        let line =
            address.noFixedAddress
            ? ""
            : "\(address.street ?? "") \(address.houseNumber ?? ""), \(address.postcode ?? "") \(address.city ?? "")"
        return Detail(
            summary: summary, channel: SignalChannel(rawValue: row.channel) ?? .form, description: row.description,
            householdInformed: row.householdInformed, notInformedReason: row.notInformedReason,
            origin: SignalOrigin(rawValue: row.origin) ?? .environment, trigger: row.triggerCode,
            ownAttempt: row.ownAttempt, address: line, neighbourhood: address.neighbourhood ?? "",
            members: members)
    }

    /// The household a signal belongs to (an id only), for routes that start from a signal id.
    public static func household(ofSignal id: String, on db: any SQLDatabase) async throws -> HouseholdID? {
        try await db.select().column("household_id").from("signals").where("id", .equal, SQLBind(id)).first()
            .map { HouseholdID(rawValue: try $0.decode(column: "household_id", as: String.self)) }
    }
}
