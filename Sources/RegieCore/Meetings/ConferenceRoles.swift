/// The technical chair leads the meeting; the content lead (usually the case director) leads the content.
/// Keeping them apart lets the chair guard time and process while the content lead speaks for the plan.
public enum ConferenceRoles {
    /// Problems keyed by form field; both roles are required and must be different people.
    public static func problems(chair: UserID?, contentLead: UserID?) -> [String: String] {
        var problems: [String: String] = [:]
        if chair == nil { problems["chair"] = "error.required" }
        if contentLead == nil { problems["contentLead"] = "error.required" }
        if let chair, chair == contentLead { problems["contentLead"] = "error.chair_is_lead" }
        return problems
    }
}
