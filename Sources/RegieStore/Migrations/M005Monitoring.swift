import FluentKit
import SQLKit

/// Steps 6–9: progress entries and goal evaluations, escalations with their rungs, the pressure and coercion
/// register, closures, aftercare answers, policy signals, and every user's notifications.
struct M005Monitoring: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for statement in Self.statements { try await db.raw(SQLQueryString(statement)).run() }
        // Progress, evaluations, rungs, closures and aftercare answers are history: added, never rewritten.
        try await AppendOnly.protect(
            ["progress_entries", "goal_evaluations", "escalation_steps", "closures", "aftercare_answers"], on: db)
    }

    func revert(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for table in [
            "notifications", "policy_signals", "aftercare_answers", "closures", "coercion_measures", "escalation_rises",
            "escalation_steps", "escalations", "goal_evaluations", "progress_entries",
        ] {
            try await db.drop(table: table).ifExists().run()
        }
    }

    static let statements = [
        """
        CREATE TABLE progress_entries (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id), kind TEXT NOT NULL,
            occurred_on TEXT NOT NULL, with_whom TEXT NOT NULL, text TEXT NOT NULL, deviation BOOLEAN NOT NULL,
            recorded_by TEXT NOT NULL REFERENCES users(id), recorded_at BIGINT NOT NULL)
        """,
        "CREATE INDEX progress_entries_household ON progress_entries(household_id, occurred_on)",
        """
        CREATE TABLE goal_evaluations (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id),
            plan_id TEXT NOT NULL REFERENCES plans(id), goal_key TEXT NOT NULL, status TEXT NOT NULL,
            household_view TEXT NOT NULL, note TEXT NOT NULL, evaluated_on TEXT NOT NULL,
            recorded_by TEXT NOT NULL REFERENCES users(id), recorded_at BIGINT NOT NULL)
        """,
        "CREATE INDEX goal_evaluations_household ON goal_evaluations(household_id, evaluated_on)",
        """
        CREATE TABLE escalations (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id),
            network_id TEXT NOT NULL REFERENCES networks(id), kind TEXT NOT NULL,
            blocking_organisation_id TEXT REFERENCES organisations(id), blocking_rule TEXT NOT NULL,
            reason TEXT NOT NULL, raised_by TEXT NOT NULL REFERENCES users(id), raised_on TEXT NOT NULL,
            raised_at BIGINT NOT NULL, decided_on TEXT, decision TEXT NOT NULL DEFAULT '', mandate TEXT,
            structural BOOLEAN, decided_by TEXT REFERENCES users(id), decided_at BIGINT)
        """,
        "CREATE INDEX escalations_household ON escalations(household_id)",
        "CREATE INDEX escalations_open ON escalations(network_id, decided_on)",
        """
        CREATE TABLE escalation_steps (
            id TEXT PRIMARY KEY, escalation_id TEXT NOT NULL REFERENCES escalations(id), rung INTEGER NOT NULL,
            started_on TEXT NOT NULL, recorded_by TEXT NOT NULL REFERENCES users(id), recorded_at BIGINT NOT NULL)
        """,
        "CREATE INDEX escalation_steps_escalation ON escalation_steps(escalation_id)",
        """
        CREATE TABLE escalation_rises (
            escalation_id TEXT NOT NULL REFERENCES escalations(id), rung INTEGER NOT NULL, noticed_at BIGINT NOT NULL,
            PRIMARY KEY (escalation_id, rung))
        """,
        """
        CREATE TABLE coercion_measures (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id), measure TEXT NOT NULL,
            legal_basis TEXT NOT NULL, imposed_by TEXT NOT NULL, from_on TEXT NOT NULL, until_on TEXT,
            recorded_by TEXT NOT NULL REFERENCES users(id), recorded_at BIGINT NOT NULL)
        """,
        "CREATE INDEX coercion_measures_household ON coercion_measures(household_id)",
        """
        CREATE TABLE closures (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id),
            network_id TEXT NOT NULL REFERENCES networks(id), reason TEXT NOT NULL, closed_on TEXT NOT NULL,
            safety TEXT NOT NULL, safety_note TEXT NOT NULL, regular_director TEXT NOT NULL, destination TEXT NOT NULL,
            stays_in_view TEXT NOT NULL, note TEXT NOT NULL, last_director_id TEXT REFERENCES users(id),
            closed_by TEXT NOT NULL REFERENCES users(id), closed_at BIGINT NOT NULL)
        """,
        "CREATE INDEX closures_household ON closures(household_id, closed_at)",
        "CREATE INDEX closures_network ON closures(network_id, closed_on)",
        """
        CREATE TABLE aftercare_answers (
            id TEXT PRIMARY KEY, closure_id TEXT NOT NULL REFERENCES closures(id), check_index INTEGER NOT NULL,
            organisation_id TEXT NOT NULL REFERENCES organisations(id), answer TEXT NOT NULL, note TEXT NOT NULL,
            answered_by TEXT NOT NULL REFERENCES users(id), answered_at BIGINT NOT NULL)
        """,
        "CREATE INDEX aftercare_answers_closure ON aftercare_answers(closure_id)",
        """
        CREATE TABLE policy_signals (
            id TEXT PRIMARY KEY, network_id TEXT NOT NULL REFERENCES networks(id), source TEXT NOT NULL,
            source_id TEXT NOT NULL, description TEXT NOT NULL, raised_by TEXT NOT NULL REFERENCES users(id),
            raised_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE notifications (
            id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), network_id TEXT REFERENCES networks(id),
            household_id TEXT REFERENCES households(id), kind TEXT NOT NULL, reference TEXT NOT NULL,
            link TEXT NOT NULL, dedupe_key TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL, read_at BIGINT,
            email_state TEXT NOT NULL, email_attempts INTEGER NOT NULL DEFAULT 0, email_claimed_at BIGINT,
            emailed_at BIGINT)
        """,
        "CREATE INDEX notifications_user ON notifications(user_id, created_at)",
        "CREATE INDEX notifications_email ON notifications(email_state)",
    ]
}
