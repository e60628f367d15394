import FluentKit
import SQLKit

/// Steps 4–5: directors, the picture (scores, safety, informal network), the versioned plan, partner
/// commitments, and meetings with their participants.
struct M004CaseWork: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for statement in Self.statements { try await db.raw(SQLQueryString(statement)).run() }
        // Scores, safety pictures and partner answers are history: a new one is added, none is rewritten.
        try await AppendOnly.protect(["domain_scores", "safety_pictures", "commitment_responses"], on: db)
    }

    func revert(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for table in [
            "commitment_responses", "commitments", "meeting_participants", "plan_reasons", "plan_goals",
            "plan_versions", "plans", "meetings", "informal_network", "safety_pictures", "domain_scores",
            "case_directors",
        ] {
            try await db.drop(table: table).ifExists().run()
        }
        try await db.raw("ALTER TABLE households DROP COLUMN lawful_basis_note").run()
    }

    static let statements = [
        "ALTER TABLE households ADD COLUMN lawful_basis_note TEXT NOT NULL DEFAULT ''",
        """
        CREATE TABLE case_directors (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id),
            user_id TEXT NOT NULL REFERENCES users(id), organisation_id TEXT NOT NULL REFERENCES organisations(id),
            kind TEXT NOT NULL, started_on TEXT NOT NULL, ended_on TEXT, appointed_by TEXT NOT NULL REFERENCES users(id),
            appointed_at BIGINT NOT NULL)
        """,
        "CREATE INDEX case_directors_household ON case_directors(household_id)",
        "CREATE INDEX case_directors_user ON case_directors(user_id, ended_on)",
        """
        CREATE UNIQUE INDEX case_directors_one_current ON case_directors(household_id, kind)
            WHERE ended_on IS NULL
        """,
        """
        CREATE TABLE domain_scores (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id),
            person_id TEXT NOT NULL REFERENCES persons(id), domain TEXT NOT NULL, score INTEGER NOT NULL,
            assessed_on TEXT NOT NULL, assessor_user_id TEXT NOT NULL REFERENCES users(id),
            recorded_at BIGINT NOT NULL)
        """,
        "CREATE INDEX domain_scores_household ON domain_scores(household_id, assessed_on)",
        """
        CREATE TABLE safety_pictures (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id),
            person_id TEXT NOT NULL REFERENCES persons(id), as_of TEXT NOT NULL, concerns TEXT NOT NULL,
            note TEXT NOT NULL, recorded_by TEXT NOT NULL REFERENCES users(id), recorded_at BIGINT NOT NULL)
        """,
        "CREATE INDEX safety_pictures_household ON safety_pictures(household_id)",
        """
        CREATE TABLE informal_network (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id), kind TEXT NOT NULL,
            name TEXT NOT NULL, description TEXT NOT NULL, recorded_by TEXT NOT NULL REFERENCES users(id),
            recorded_at BIGINT NOT NULL)
        """,
        "CREATE INDEX informal_network_household ON informal_network(household_id)",
        """
        CREATE TABLE meetings (
            id TEXT PRIMARY KEY, network_id TEXT NOT NULL REFERENCES networks(id), kind TEXT NOT NULL,
            household_id TEXT REFERENCES households(id), scheduled_at BIGINT NOT NULL,
            duration_minutes INTEGER NOT NULL, place TEXT NOT NULL, chair_user_id TEXT REFERENCES users(id),
            content_lead_user_id TEXT REFERENCES users(id), minutes TEXT NOT NULL DEFAULT '',
            minutes_by TEXT REFERENCES users(id), minutes_at BIGINT, created_by TEXT NOT NULL REFERENCES users(id),
            created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX meetings_network ON meetings(network_id, kind, scheduled_at)",
        "CREATE INDEX meetings_household ON meetings(household_id)",
        """
        CREATE TABLE meeting_participants (
            id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL REFERENCES meetings(id), kind TEXT NOT NULL,
            reference TEXT NOT NULL, name TEXT NOT NULL, attended BOOLEAN)
        """,
        "CREATE INDEX meeting_participants_meeting ON meeting_participants(meeting_id)",
        """
        CREATE TABLE plans (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id), opened_at BIGINT NOT NULL,
            closed_at BIGINT)
        """,
        "CREATE UNIQUE INDEX plans_one_active ON plans(household_id) WHERE closed_at IS NULL",
        """
        CREATE TABLE plan_versions (
            id TEXT PRIMARY KEY, plan_id TEXT NOT NULL REFERENCES plans(id), version INTEGER NOT NULL,
            status TEXT NOT NULL, context TEXT NOT NULL, agreement TEXT, agreement_on TEXT,
            agreement_how TEXT NOT NULL DEFAULT '', adopted_on TEXT, meeting_id TEXT REFERENCES meetings(id),
            created_by TEXT NOT NULL REFERENCES users(id), created_at BIGINT NOT NULL, UNIQUE (plan_id, version))
        """,
        "CREATE UNIQUE INDEX plan_versions_one_concept ON plan_versions(plan_id) WHERE status = 'concept'",
        """
        CREATE TABLE plan_goals (
            id TEXT PRIMARY KEY, version_id TEXT NOT NULL REFERENCES plan_versions(id), goal_key TEXT NOT NULL,
            domain TEXT NOT NULL, persons TEXT NOT NULL, description TEXT NOT NULL, household_words TEXT NOT NULL,
            target_on TEXT, position INTEGER NOT NULL)
        """,
        "CREATE INDEX plan_goals_version ON plan_goals(version_id)",
        """
        CREATE TABLE plan_reasons (
            version_id TEXT NOT NULL REFERENCES plan_versions(id), domain TEXT NOT NULL, reason TEXT NOT NULL,
            PRIMARY KEY (version_id, domain))
        """,
        """
        CREATE TABLE commitments (
            id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id),
            network_id TEXT NOT NULL REFERENCES networks(id), goal_key TEXT, meeting_id TEXT REFERENCES meetings(id),
            organisation_id TEXT NOT NULL REFERENCES organisations(id), user_id TEXT REFERENCES users(id),
            description TEXT NOT NULL, due_on TEXT NOT NULL, after_id TEXT REFERENCES commitments(id),
            status TEXT NOT NULL, created_by TEXT NOT NULL REFERENCES users(id), created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX commitments_household ON commitments(household_id)",
        "CREATE INDEX commitments_organisation ON commitments(organisation_id, network_id, status)",
        """
        CREATE TABLE commitment_responses (
            id TEXT PRIMARY KEY, commitment_id TEXT NOT NULL REFERENCES commitments(id), response TEXT NOT NULL,
            note TEXT NOT NULL, user_id TEXT NOT NULL REFERENCES users(id), responded_at BIGINT NOT NULL)
        """,
        "CREATE INDEX commitment_responses_commitment ON commitment_responses(commitment_id)",
    ]
}
