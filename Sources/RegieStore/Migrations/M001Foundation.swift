import FluentKit
import Foundation
import SQLKit

/// Accounts, networks, sessions, the household stub, the timeline and the access log.
///
/// Columns use plain types that mean the same on SQLite and PostgreSQL: TEXT ids (UUID strings),
/// BIGINT moments (epoch ms), BOOLEAN flags, TEXT JSON.
struct M001Foundation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        // The timeline keeps the order in which events were appended, also within one millisecond.
        let serial = db.dialect.name == "sqlite" ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY"
        for statement in Self.tables + Self.indexes {
            let sql = statement.replacingOccurrences(of: "{{SERIAL}}", with: serial)
            try await db.raw(SQLQueryString(sql)).run()
        }
        try await AppendOnly.protect(["timeline_events", "access_log", "admin_log"], on: db)
    }

    func revert(on database: any Database) async throws {
        let db = database as! any SQLDatabase
        for table in [
            "admin_log", "access_log", "timeline_events", "care_team_members", "households", "login_attempts",
            "sessions", "api_tokens",
            "user_roles", "users", "network_members", "networks", "organisations",
        ] {
            try await db.drop(table: table).ifExists().run()
        }
    }

    static let tables = [
        """
        CREATE TABLE organisations (
            id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
            active BOOLEAN NOT NULL, created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE networks (
            id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, municipality TEXT NOT NULL,
            neighbourhoods TEXT NOT NULL, profile_code TEXT NOT NULL, active BOOLEAN NOT NULL,
            created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE network_members (
            network_id TEXT NOT NULL REFERENCES networks(id),
            organisation_id TEXT NOT NULL REFERENCES organisations(id),
            partner_type TEXT NOT NULL, PRIMARY KEY (network_id, organisation_id))
        """,
        """
        CREATE TABLE users (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE,
            organisation_id TEXT NOT NULL REFERENCES organisations(id), password_hash TEXT NOT NULL,
            totp_secret TEXT, totp_enabled BOOLEAN NOT NULL, totp_last_step BIGINT, locale TEXT NOT NULL, active BOOLEAN NOT NULL,
            failed_logins INTEGER NOT NULL, locked_until BIGINT, auth_epoch INTEGER NOT NULL,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE user_roles (
            user_id TEXT NOT NULL REFERENCES users(id), role TEXT NOT NULL,
            network_id TEXT REFERENCES networks(id), scope_key TEXT NOT NULL,
            PRIMARY KEY (user_id, role, scope_key))
        """,
        """
        CREATE TABLE api_tokens (
            id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE, prefix TEXT NOT NULL, created_at BIGINT NOT NULL,
            last_used_at BIGINT, revoked_at BIGINT)
        """,
        """
        CREATE TABLE sessions (
            key_hash TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at BIGINT, created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE login_attempts (
            id TEXT PRIMARY KEY, email TEXT NOT NULL, ip TEXT NOT NULL, occurred_at BIGINT NOT NULL,
            success BOOLEAN NOT NULL)
        """,
        """
        CREATE TABLE households (
            id TEXT PRIMARY KEY, network_id TEXT NOT NULL REFERENCES networks(id), reference TEXT NOT NULL,
            lawful_basis TEXT, created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE care_team_members (
            household_id TEXT NOT NULL REFERENCES households(id), user_id TEXT NOT NULL REFERENCES users(id),
            source TEXT NOT NULL, since BIGINT NOT NULL, PRIMARY KEY (household_id, user_id))
        """,
        """
        CREATE TABLE timeline_events (
            seq {{SERIAL}}, id TEXT NOT NULL UNIQUE, household_id TEXT NOT NULL REFERENCES households(id),
            network_id TEXT NOT NULL, occurred_at BIGINT NOT NULL, actor_user_id TEXT,
            actor_organisation_id TEXT, kind TEXT NOT NULL, summary TEXT NOT NULL, before_json TEXT,
            after_json TEXT)
        """,
        """
        CREATE TABLE access_log (
            id TEXT PRIMARY KEY, occurred_at BIGINT NOT NULL, user_id TEXT NOT NULL,
            organisation_id TEXT NOT NULL, on_behalf_of TEXT, household_id TEXT, network_id TEXT,
            action TEXT NOT NULL, allowed BOOLEAN NOT NULL, rule TEXT NOT NULL, break_glass BOOLEAN NOT NULL,
            break_glass_reason TEXT, request_id TEXT)
        """,
        """
        CREATE TABLE admin_log (
            id TEXT PRIMARY KEY, occurred_at BIGINT NOT NULL, actor_user_id TEXT, entity TEXT NOT NULL,
            entity_id TEXT NOT NULL, action TEXT NOT NULL, details TEXT NOT NULL)
        """,
    ]

    static let indexes = [
        "CREATE INDEX users_organisation ON users(organisation_id)",
        "CREATE INDEX user_roles_network ON user_roles(network_id)",
        "CREATE INDEX api_tokens_user ON api_tokens(user_id)",
        "CREATE INDEX sessions_expires ON sessions(expires_at)",
        "CREATE INDEX login_attempts_email ON login_attempts(email, occurred_at)",
        "CREATE INDEX login_attempts_ip ON login_attempts(ip, occurred_at)",
        "CREATE INDEX households_network ON households(network_id)",
        "CREATE INDEX care_team_user ON care_team_members(user_id)",
        "CREATE INDEX timeline_household ON timeline_events(household_id, occurred_at)",
        "CREATE INDEX access_log_household ON access_log(household_id, occurred_at)",
        "CREATE INDEX access_log_user ON access_log(user_id, occurred_at)",
        "CREATE INDEX access_log_break_glass ON access_log(break_glass, occurred_at)",
    ]
}
