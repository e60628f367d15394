import SQLKit

/// One field of a JSON object kept in a text column, as text, in each dialect's words: SQLite's `json_extract` and
/// PostgreSQL's `->>` on the column read as `json`. A session's data names its user this way, so the session and
/// its user can be read in one statement without a column of their own.
struct JSONTextField: SQLExpression {
    let column: SQLColumn
    /// The field's name at the object's top level.
    let field: String

    func serialize(to serializer: inout SQLSerializer) {
        if serializer.dialect.name == "sqlite" {
            serializer.write("json_extract(")
            column.serialize(to: &serializer)
            serializer.write(", ")
            SQLLiteral.string("$." + field).serialize(to: &serializer)
            serializer.write(")")
        } else {
            serializer.write("(CAST(")
            column.serialize(to: &serializer)
            serializer.write(" AS json) ->> ")
            SQLLiteral.string(field).serialize(to: &serializer)
            serializer.write(")")
        }
    }
}
