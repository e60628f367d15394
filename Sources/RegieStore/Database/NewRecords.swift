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

    /// How many parameters one statement takes: both databases take at least 32,766, and 8,000 leaves room.
    static let parametersPerStatement = 8_000

    /// How many rows of `columns` columns one insert takes.
    static func rowsPerStatement(columns: Int) -> Int { max(1, parametersPerStatement / columns) }

    /// Inserts the rows: on SQLite one statement per table, more only where a table's rows pass the parameter limit;
    /// on PostgreSQL the tables together in one statement while their parameters fit it (`Together`): a statement
    /// there is a round trip, and a new signal's household, persons, members, signal, concerns and first event were
    /// six of them.
    public func insert(on db: any SQLDatabase) async throws {
        var inserts: [(insert: SQLInsert, parameters: Int)] = []
        for table in tables {
            let perStatement = Self.rowsPerStatement(columns: table.columns.count)
            for start in stride(from: 0, to: table.rows.count, by: perStatement) {
                let insert = db.insert(into: table.name).columns(table.columns)
                let rows = table.rows[start..<min(start + perStatement, table.rows.count)]
                for row in rows { insert.values(row) }
                inserts.append((insert.insert, rows.count * table.columns.count))
            }
        }
        guard db.dialect.name == "postgresql" else {
            for (insert, _) in inserts { try await db.execute(sql: insert) { _ in } }
            return
        }
        var together: [SQLInsert] = []
        var parameters = 0
        for (insert, count) in inserts {
            if !together.isEmpty && parameters + count > Self.parametersPerStatement {
                try await db.execute(sql: Together(inserts: together)) { _ in }
                (together, parameters) = ([], 0)
            }
            together.append(insert)
            parameters += count
        }
        if !together.isEmpty { try await db.execute(sql: Together(inserts: together)) { _ in } }
    }

    /// Inserts into several tables as one PostgreSQL statement: all but the last in `WITH` (data-modifying common
    /// table expressions). They run as one statement, and foreign keys are checked at its end, when every row is in.
    /// They share one snapshot, so a trigger reading another of the statement's tables would not see its new rows:
    /// the tables' triggers (`households`' stamps and fact marks) read only their own row.
    struct Together: SQLExpression {
        let inserts: [SQLInsert]

        func serialize(to serializer: inout SQLSerializer) {
            for (index, insert) in inserts.dropLast().enumerated() {
                serializer.write(index == 0 ? "WITH " : ", ")
                SQLIdentifier("new_records_\(index)").serialize(to: &serializer)
                serializer.write(" AS (")
                insert.serialize(to: &serializer)
                serializer.write(")")
            }
            if inserts.count > 1 { serializer.write(" ") }
            inserts.last?.serialize(to: &serializer)
        }
    }

    /// Stores the records that `draws` make, together with `rows`, and returns what each draw returned with its
    /// records.
    ///
    /// A draw is made again while a value it requires unused is held by a stored row or by an earlier draw of the same
    /// batch: one read per column for the whole batch, where checking each draw alone would cost a read each.
    static func store<T: Sendable>(
        _ draws: [@Sendable () throws -> (NewRecords, T)], with rows: NewRecords = NewRecords(), on db: any SQLDatabase
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
                var all = rows
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
