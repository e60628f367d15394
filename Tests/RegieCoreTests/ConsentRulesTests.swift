import Foundation
import Testing

@testable import RegieCore

@Suite("Consent per member, purpose and organisation: age rules, representatives and withdrawal")
struct ConsentRulesTests {
    let today = Day("2026-06-01")!
    let ggd = OrganisationID()
    let school = OrganisationID()

    func member(_ id: String, born: String?, unborn: Bool = false) -> ConsentAgeRules.Member {
        ConsentAgeRules.Member(id: id, birthDate: born.flatMap(Day.init), unborn: unborn)
    }

    func consent(
        _ person: String, _ giver: ConsentRecord.Giver, to organisation: OrganisationID, withdrawn: String? = nil
    )
        -> ConsentRecord
    {
        ConsentRecord(
            person: person, purpose: .careTeam, organisation: organisation, givenBy: giver, givenOn: Day("2026-05-01")!,
            withdrawnOn: withdrawn.flatMap(Day.init))
    }

    @Test("Under 12 the parents decide, 12–15 the child and the parents, from 16 the young person")
    func ageRules() {
        let eleven = member("a", born: "2014-06-02")
        let twelve = member("b", born: "2014-06-01")
        let sixteen = member("c", born: "2010-06-01")
        #expect(eleven.age(on: today) == 11 && twelve.age(on: today) == 12 && sixteen.age(on: today) == 16)
        #expect(ConsentAgeRules.problem(giver: .person, for: eleven, on: today) == "error.consent_giver_person")
        #expect(ConsentAgeRules.problem(giver: .parent, for: eleven, on: today) == nil)
        #expect(ConsentAgeRules.isGiven([consent("a", .parent, to: ggd)], for: eleven, on: today))
        #expect(!ConsentAgeRules.isGiven([consent("b", .parent, to: ggd)], for: twelve, on: today), "the child too")
        #expect(
            ConsentAgeRules.isGiven(
                [consent("b", .parent, to: ggd), consent("b", .person, to: ggd)], for: twelve, on: today))
        #expect(ConsentAgeRules.problem(giver: .parent, for: sixteen, on: today) == "error.consent_giver_parent")
        #expect(ConsentAgeRules.isGiven([consent("c", .person, to: ggd)], for: sixteen, on: today))
        #expect(
            ConsentAgeRules.isGiven([consent("c", .representative, to: ggd)], for: sixteen, on: today),
            "a mentor or curator")
        #expect(ConsentAgeRules.problem(giver: .person, for: member("u", born: nil, unborn: true), on: today) != nil)
    }

    @Test("An organisation is consented only when every member consented; one withdrawal ends it from that day")
    func organisations() {
        let members = [member("p", born: "1980-01-01"), member("k", born: "2018-01-01")]
        let consents = [
            consent("p", .person, to: ggd), consent("k", .parent, to: ggd), consent("p", .person, to: school),
        ]
        #expect(
            ConsentAgeRules.consentedOrganisations(consents, members: members, purpose: .careTeam, on: today) == [ggd])
        #expect(
            ConsentAgeRules.consentedOrganisations(consents, members: members, purpose: .inquiry, on: today).isEmpty)
        let withdrawn = [consent("p", .person, to: ggd, withdrawn: "2026-06-01"), consent("k", .parent, to: ggd)]
        #expect(
            ConsentAgeRules.consentedOrganisations(
                withdrawn, members: members, purpose: .careTeam, on: Day("2026-05-31")!)
                == [ggd])
        #expect(
            ConsentAgeRules.consentedOrganisations(withdrawn, members: members, purpose: .careTeam, on: today).isEmpty)
    }
}
