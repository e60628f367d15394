import Foundation
import RegieCore
import SQLKit

/// The register of pressure and coercion (drang en dwang) per household: every measure with its legal basis.
public enum CoercionStore {
    /// Records a measure. Needs an `update` grant; the measure's own rules are checked first.
    public static func record(
        _ measure: CoercionMeasure, grant: AccessGrant, at moment: Date = Date(), on db: any SQLDatabase
    )
        async throws
    {
        precondition(grant.action == .update, "The register is part of the file")
        try await db.insert(into: "coercion_measures")
            .columns(
                "id", "household_id", "measure", "legal_basis", "imposed_by", "from_on", "until_on", "recorded_by",
                "recorded_at"
            )
            .values(
                SQLBind(TimeOrderedID.make()), SQLBind(grant.context.household.rawValue),
                SQLBind(measure.measure.trimmed), SQLBind(measure.legalBasis.trimmed),
                SQLBind(measure.imposedBy.trimmed),
                SQLBind(measure.from.iso), SQLBind(measure.until?.iso), SQLBind(grant.actor.user.rawValue),
                SQLBind(moment.millis)
            )
            .run()
        try await TimelineStore.append(
            "coercion.recorded", summary: "Maatregel in het register drang en dwang vanaf \(measure.from.dutch)",
            by: grant, at: moment, on: db)
    }

    private struct Row: Decodable {
        let measure: String, legalBasis: String, imposedBy: String, fromOn: String, untilOn: String?
    }

    /// The household's measures, oldest first.
    public static func measures(_ grant: AccessGrant, on db: any SQLDatabase) async throws -> [CoercionMeasure] {
        try await db.select().columns("measure", "legal_basis", "imposed_by", "from_on", "until_on")
            .from("coercion_measures").where("household_id", .equal, SQLBind(grant.context.household.rawValue))
            .orderBy("from_on").all(decoding: Row.self, keyDecodingStrategy: .snakeCase)
            .compactMap { row in
                Day(row.fromOn).map {
                    CoercionMeasure(
                        measure: row.measure, legalBasis: row.legalBasis, imposedBy: row.imposedBy, from: $0,
                        until: row.untilOn.flatMap(Day.init))
                }
            }
    }
}
