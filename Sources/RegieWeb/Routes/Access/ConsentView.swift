import Foundation
import RegieCore
import RegieStore

/// Who shares the file, on the case page: the care team (removable by a director), every recorded consent with
/// who gave it and whether it still holds, which organisations the care team may share with today on consent,
/// and the form that records a new one.
struct ConsentView {
    let base: CaseView

    private var facts: CaseFacts { base.facts }
    private func text(_ key: String) -> String { base.text(key) }

    func values() -> [String: Any] {
        let today = Day(Date())
        let members = facts.members.map {
            ConsentAgeRules.Member(id: $0.id, birthDate: $0.birthDate, unborn: $0.unborn)
        }
        let consented = ConsentAgeRules.consentedOrganisations(
            facts.consents.map(\.record), members: members, purpose: .careTeam, on: today)
        let names = Dictionary(uniqueKeysWithValues: facts.organisations.map { ($0.id, $0.name) })
        return [
            "consents": facts.consents.reversed().map { item -> [String: Any] in
                [
                    "consentId": item.id, "person": item.personName, "organisation": item.organisationName,
                    "purpose": text(item.record.purpose.textKey),
                    "giver": "\(text(item.record.givenBy.textKey)) — \(item.giverName)",
                    "on": item.record.givenOn.dutch, "holds": item.record.holds(on: today),
                    "withdrawn": item.record.withdrawnOn?.dutch ?? "",
                    "hasWithdrawn": item.record.withdrawnOn != nil,
                ]
            },
            "hasConsents": !facts.consents.isEmpty,
            "consentedOrganisations": consented.compactMap { names[$0] }.sorted().joined(separator: ", "),
            "hasConsented": !consented.isEmpty, "basisIsConsent": facts.lawfulBasis.basis == .consent,
            "consentPersons": ChoiceList.options(
                facts.members.map { member in
                    Choice(
                        member.id, member.name.isEmpty ? text("signal.unborn_short") : member.name,
                        chosen: member.id == base.kept("consent_person"))
                }),
            "consentOrganisations": ChoiceList.options(
                facts.organisations.filter(\.active).map { organisation in
                    Choice(
                        organisation.id.rawValue, organisation.name,
                        chosen: organisation.id.rawValue == base.kept("consent_organisation"))
                }),
            "consentPurposes": base.options(
                ConsentRecord.Purpose.allCases, selected: base.kept("consent_purpose", "care_team")
            ) {
                text($0.textKey)
            },
            "consentGivers": base.options(ConsentRecord.Giver.allCases, selected: base.kept("consent_giver", "person"))
            {
                text($0.textKey)
            },
            "giverNameInput": base.kept("giver_name"), "consentOn": base.kept("consent_on", today.dutch),
            "today": today.dutch,
            "careTeam": facts.careTeam.map { member -> [String: Any] in
                [
                    "userId": member.userId, "name": member.name, "organisation": member.organisationName,
                    "source": text("care_team.source.\(member.source)"),
                    "since": DutchFormat.day(Date(millis: member.since)),
                    "removable": member.userId != facts.grant.context.caseDirector?.rawValue,
                ]
            },
            "careTeamSize": facts.careTeam.count,
            "sharingAgreed": facts.grant.context.sharedWithCareTeam,
            "sharingSince": facts.events.last { $0.kind == CareTeamSharing.agreedEvent }.map {
                "\(DutchFormat.day($0.occurredAt)) — \($0.summary)"
            } ?? "",
            "sharingNoteInput": base.kept("sharing_note"),
        ]
    }
}
