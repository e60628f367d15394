import Foundation

/// Moments are stored as epoch milliseconds (BIGINT) so SQLite and PostgreSQL compare and sort them alike.
extension Date {
    /// Milliseconds since 1970, the storage form of a moment.
    public var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    public init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}
