/// An entry in the register of pressure and coercion (drang en dwang, seed-000 §3 instrument 6): what measure,
/// on which legal basis, by whom, from when and until when.
public struct CoercionMeasure: Sendable, Hashable, Codable {
    public let measure: String
    public let legalBasis: String
    public let imposedBy: String
    public let from: Day
    public let until: Day?

    public init(measure: String, legalBasis: String, imposedBy: String, from: Day, until: Day?) {
        self.measure = measure
        self.legalBasis = legalBasis
        self.imposedBy = imposedBy
        self.from = from
        self.until = until
    }

    /// Field problems: all texts are required and the end is not before the start.
    public var problems: [String: String] {
        var problems: [String: String] = [:]
        for (field, value) in [("measure", measure), ("legalBasis", legalBasis), ("imposedBy", imposedBy)]
        where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems[field] = "error.required"
        }
        if let until, until < from { problems["until"] = "error.until_before_from" }
        return problems
    }
}
