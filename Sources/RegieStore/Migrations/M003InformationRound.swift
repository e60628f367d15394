import FluentKit
import SQLKit

/// Information requests to partner organisations, their answers, and home visits.
struct M003InformationRound: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for statement in Self.statements { try await db.raw(SQLQueryString(statement)).run() }
    }

    func revert(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for table in ["home_visits", "information_answers", "information_requests"] {
            try await db.drop(table: table).ifExists().run()
        }
    }

    static let statements = [
        """
        CREATE TABLE information_requests (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id),
            network_id TEXT NOT NULL REFERENCES networks(id),
            organisation_id TEXT NOT NULL REFERENCES organisations(id), asked_by TEXT NOT NULL REFERENCES users(id),
            asked_at BIGINT NOT NULL, due_on TEXT NOT NULL)
        """,
        "CREATE INDEX information_requests_household ON information_requests(household_id)",
        "CREATE INDEX information_requests_organisation ON information_requests(organisation_id, network_id)",
        """
        CREATE TABLE information_answers (
            id TEXT PRIMARY KEY, request_id TEXT NOT NULL REFERENCES information_requests(id),
            user_id TEXT NOT NULL REFERENCES users(id), known BOOLEAN NOT NULL, shared TEXT NOT NULL,
            answered_at BIGINT NOT NULL)
        """,
        "CREATE INDEX information_answers_request ON information_answers(request_id)",
        """
        CREATE TABLE home_visits (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id), visited_on TEXT NOT NULL,
            visitors TEXT NOT NULL, role_division TEXT NOT NULL, reason TEXT NOT NULL, outcome TEXT NOT NULL,
            let_in BOOLEAN NOT NULL, recorded_by TEXT NOT NULL REFERENCES users(id), recorded_at BIGINT NOT NULL)
        """,
        "CREATE INDEX home_visits_household ON home_visits(household_id)",
    ]
}
