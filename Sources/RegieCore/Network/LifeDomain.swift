/// A life domain (leefgebied) on which a household can have problems.
///
/// Networks configure their own list in their profile; `defaults` is what a network gets when it does not.
public struct LifeDomain: Hashable, Sendable, Codable {
    public let code: String
    public let name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// A broad default list that covers the domains named in the sources (seed-000 §4.2, seed-003 §7).
    public static let defaults: [LifeDomain] = [
        LifeDomain(code: "wonen", name: "Wonen"),
        LifeDomain(code: "financien", name: "Financiën"),
        LifeDomain(code: "werk_dagbesteding", name: "Werk en dagbesteding"),
        LifeDomain(code: "psychische_gezondheid", name: "Psychische gezondheid"),
        LifeDomain(code: "lichamelijke_gezondheid", name: "Lichamelijke gezondheid"),
        LifeDomain(code: "verslaving", name: "Verslaving"),
        LifeDomain(code: "sociaal_netwerk", name: "Sociaal netwerk"),
        LifeDomain(code: "opvoeding_ontwikkeling", name: "Opvoeding en ontwikkeling kinderen"),
        LifeDomain(code: "onderwijs", name: "Onderwijs"),
        LifeDomain(code: "veiligheid", name: "Veiligheid en huiselijk geweld"),
        LifeDomain(code: "justitie", name: "Justitie"),
        LifeDomain(code: "overlast", name: "Overlast"),
    ]
}
