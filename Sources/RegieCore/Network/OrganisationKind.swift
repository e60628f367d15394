/// The kinds of partner organisations that take part in a care network.
///
/// The kind drives figures such as "inflow by source" and the inspection indicator "education is connected".
public enum OrganisationKind: String, Sendable, Codable, CaseIterable {
    case police
    case housingCorporation = "housing_corporation"
    case generalSocialWork = "general_social_work"
    case ggd
    case mentalHealth = "mental_health"
    case addictionCare = "addiction_care"
    case socialServices = "social_services"
    case debtRelief = "debt_relief"
    case youthCare = "youth_care"
    case generalPractitioner = "general_practitioner"
    case school
    case municipality
    case veiligThuis = "veilig_thuis"
    case other

    /// Key into the translation table.
    public var textKey: String { "organisation_kind.\(rawValue)" }
}
