/// Problems per form field (translation keys) that stop a user action; nothing was stored. The page is
/// shown again with each message next to its field and the input kept.
struct FieldProblems: Error {
    let fields: [String: String]
    init(_ fields: [String: String]) { self.fields = fields }
}
