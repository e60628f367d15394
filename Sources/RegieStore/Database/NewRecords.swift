import SQLKit

/// Rows of records that are new in every way — a new household with its first persons, signal and timeline events —
/// put in as they are, without reading anything first.
///
/// Nothing stored refers to such records yet and nobody sees them before their transaction commits, so the records of
/// many requests can go in together: `GroupCommit` stores a whole batch's with one multi-row statement per table,
/// where each request's own statements would have queued one by one for SQLite's single writer.
public struct NewRecords: Sendable {
    /// The rows for one table with one column list.
    struct Table: Sendable {
        let name: String
        let columns: [String]
        var rows: [[SQLBind]]
    }

    /// A value its column must not hold yet (a household reference).
    struct Unused: Sendable, Hashable {
        let table: String, column: String, value: String
    }

    /// In the order each table was first added: rows that refer to others (members to persons) are added after them.
    private(set) var tables: [Table] = []
    private(set) var unused: [Unused] = []

    public init() {}

    /// Adds one row to `table`; `values` in the order of `columns`.
    public mutating func add(_ table: String, columns: [String], values: [SQLBind]) {
        precondition(values.count == columns.count, "a value per column")
        if let index = tables.firstIndex(where: { $0.name == table && $0.columns == columns }) {
            tables[index].rows.append(values)
        } else {
            tables.append(Table(name: table, columns: columns, rows: [values]))
        }
    }

    /// Asks that no row of `table` holds `value` in `column` yet; `store` draws the records again while one does.
    public mutating func requireUnused(_ value: String, in table: String, column: String) {
        unused.append(Unused(table: table, column: column, value: value))
    }

    /// Adds all of `other`'s rows after these.
    mutating func append(_ other: NewRecords) {
        for table in other.tables {
            for row in table.rows { add(table.name, columns: table.columns, values: row) }
        }
        unused += other.unused
    }

    /// How many rows of `columns` columns one insert takes: both databases take at least 32,766 parameters per
    /// statement, and 8,000 leaves room.
    static func rowsPerStatement(columns: Int) -> Int { max(1, 8_000 / columns) }

    /// Inserts the rows: one statement per table, more only where a table's rows pass the parameter limit.
    public func insert(on db: any SQLDatabase) async throws {
        for table in tables {
            let perStatement = Self.rowsPerStatement(columns: table.columns.count)
            for start in stride(from: 0, to: table.rows.count, by: perStatement) {
                let insert = db.insert(into: table.name).columns(table.columns)
                for row in table.rows[start..<min(start + perStatement, table.rows.count)] { insert.values(row) }
                try await insert.run()
            }
        }
    }

    /// Stores the records that `draws` make, together, and returns what each draw returned with its records.
    ///
    /// A draw is made again while a value it requires unused is held by a stored row or by an earlier draw of the same
    /// batch: one read per column for the whole batch, where checking each draw alone would cost a read each.
    static func store<T: Sendable>(
        _ draws: [@Sendable () throws -> (NewRecords, T)], on db: any SQLDatabase
    ) async throws -> [T] {
        var drawn = try draws.map { try $0() }
        for _ in 0..<50 {
            var held = try await inUse(Set(drawn.flatMap(\.0.unused)), on: db)
            var again: [Int] = []
            for (index, (records, _)) in drawn.enumerated() {
                if records.unused.contains(where: held.contains) {
                    again.append(index)
                } else {
                    held.formUnion(records.unused)
                }
            }
            guard !again.isEmpty else {
                var all = NewRecords()
                for (records, _) in drawn { all.append(records) }
                try await all.insert(on: db)
                return drawn.map(\.1)
            }
            for index in again { drawn[index] = try draws[index]() }
        }
        // Fifty draws in a row that all hit a value in use: the draw repeats itself, which is a fault in its caller.
        throw StoreError.duplicate(field: drawn.flatMap(\.0.unused).first?.column ?? "")
    }

    /// Which of `values` their columns already hold: one read per table and column.
    private static func inUse(_ values: Set<Unused>, on db: any SQLDatabase) async throws -> Set<Unused> {
        var held: Set<Unused> = []
        let columns = Dictionary(grouping: values) { TableColumn(table: $0.table, column: $0.column) }
        for (place, wanted) in columns {
            let rows = try await db.select().distinct().column(SQLIdentifier(place.column))
                .from(SQLIdentifier(place.table))
                .where(SQLIdentifier(place.column), .in, SQLBind.group(wanted.map(\.value))).all()
            for row in rows {
                let value = try row.decode(column: place.column, as: String.self)
                held.insert(Unused(table: place.table, column: place.column, value: value))
            }
        }
        return held
    }

    private struct TableColumn: Hashable {
        let table: String, column: String
    }
}
