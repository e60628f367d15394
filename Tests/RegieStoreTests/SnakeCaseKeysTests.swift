import RegieTestSupport
import SQLKit
import Testing

@testable import RegieStore

@Suite("Snake-case column names")
struct SnakeCaseKeysTests {
    @Test(
        "Field names become the column names SQLKit's convertFromSnakeCase would read",
        arguments: [
            ("id", "id"), ("requestId", "request_id"), ("breakGlassReason", "break_glass_reason"),
            ("myURLKey", "my_url_key"), ("householdID", "household_id"), ("line1Text", "line1_text"),
            ("already_snake", "already_snake"),
        ])
    func names(field: String, column: String) {
        #expect(SQLRowDecoder.KeyDecodingStrategy.snakeCased(field) == column)
    }

    /// A row with multi-word, acronym and absent optional columns.
    private struct Row: Decodable, Equatable {
        let requestId: String
        let organisationName: String
        let myURLKey: Int
        let leftOn: String?
    }

    @Test("Rows decode through it on both databases, optional columns included", arguments: TestDatabases.backends)
    func decodes(backend: RegieDatabase.Backend) async throws {
        try await TestDatabases.with(backend) { db in
            let row = try await db.sql.raw(
                "SELECT 'r1' AS request_id, 'GGD' AS organisation_name, 7 AS my_url_key, NULL AS left_on"
            ).first(decoding: Row.self, keyDecodingStrategy: .snakeCase)
            #expect(row == Row(requestId: "r1", organisationName: "GGD", myURLKey: 7, leftOn: nil))
        }
    }
}
