import FluentPostgresDriver

/// Failures a store reports to the layers above, which turn them into Dutch messages.
public enum StoreError: Error, Equatable, Sendable {
    /// A unique value is already taken (e.g. an e-mail address or organisation name); `field` names it.
    case duplicate(field: String)
    /// The referenced record does not exist.
    case notFound(String)
    /// The change does not fit the record's current state (e.g. editing an adopted plan); the value is the
    /// translation key of the Dutch explanation.
    case refused(String)
}

extension Error {
    /// Whether the database refused a row because a UNIQUE constraint already holds the value.
    var isUniqueViolation: Bool {
        if let error = self as? PSQLError { return error.serverInfo?[.sqlState] == "23505" }
        if let error = self as? SQLiteFailure { return error.isUniqueViolation }
        return String(reflecting: self).contains("UNIQUE constraint failed")
    }
}
