/// Who decides about a member's consent, by age (BRIEF.md "Privacy"; WGBO/Jeugdwet practice): under 12 the
/// parents (or a guardian), from 12 to 15 the child and the parents together, from 16 the young person. An adult
/// under mentorship or curatorship is represented by the mentor or curator; an unborn child by the parents.
public enum ConsentAgeRules {
    /// What a member is, for the rules: born on a day, unborn, or of unknown age.
    public struct Member: Sendable, Hashable {
        public let id: String
        public let birthDate: Day?
        public let unborn: Bool

        public init(id: String, birthDate: Day?, unborn: Bool) {
            self.id = id
            self.birthDate = birthDate
            self.unborn = unborn
        }

        /// Whole years of age on `day`, when the birth date is known.
        public func age(on day: Day) -> Int? {
            guard let birth = birthDate, !unborn else { return nil }
            var years = day.year - birth.year
            if (day.month, day.day) < (birth.month, birth.day) { years -= 1 }
            return years
        }
    }

    /// The consents needed: each inner set is one requirement, met by a consent from any giver in it.
    public static func required(for member: Member, on day: Day) -> [Set<ConsentRecord.Giver>] {
        if member.unborn { return [[.parent, .representative]] }
        guard let age = member.age(on: day) else { return [[.person, .representative]] }
        switch age {
        case ..<12: return [[.parent, .representative]]
        case 12..<16: return [[.person], [.parent, .representative]]
        default: return [[.person, .representative]]
        }
    }

    /// Why `giver` cannot consent for this member on `day`, if they cannot.
    public static func problem(giver: ConsentRecord.Giver, for member: Member, on day: Day) -> String? {
        required(for: member, on: day).contains { $0.contains(giver) } ? nil : "error.consent_giver_\(giver.rawValue)"
    }

    /// Whether the member's consents for one purpose and organisation meet the rules on `day`.
    public static func isGiven(_ consents: [ConsentRecord], for member: Member, on day: Day) -> Bool {
        let givers = Set(consents.filter { $0.person == member.id && $0.holds(on: day) }.map(\.givenBy))
        return required(for: member, on: day).allSatisfy { !$0.isDisjoint(with: givers) }
    }

    /// The organisations every member consented to share with for `purpose` on `day`. One member's withdrawal
    /// takes the organisation out from that day.
    public static func consentedOrganisations(
        _ consents: [ConsentRecord], members: [Member], purpose: ConsentRecord.Purpose, on day: Day
    ) -> Set<OrganisationID> {
        guard !members.isEmpty else { return [] }
        let relevant = consents.filter { $0.purpose == purpose }
        return Set(relevant.map(\.organisation)).filter { organisation in
            let own = relevant.filter { $0.organisation == organisation }
            return members.allSatisfy { isGiven(own, for: $0, on: day) }
        }
    }
}
