import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Consent on the case: recorded per member, purpose and organisation with who gave it — checked against the
/// age rules — and withdrawn from a day. Both are decisions; the access policy follows them at once.
struct ConsentRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.post("cases/:id/consents") { request, context in try await record(request, context) }
        routes.post("cases/:id/consents/:consent/withdraw") { request, context in try await withdraw(request, context) }
    }

    private var service: CaseService { CaseService(app: app) }

    private func record(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .decide, notice: "notice.consent_recorded") { form, grant, db in
            var problems: [String: String] = [:]
            let day = CaseService.day(form, "consent_on", field: "consentOn", into: &problems)
            if let day, day > Day(Date()) { problems["consentOn"] = "error.date_future" }
            let members = try await HouseholdStore.members(grant, on: db)
            let member = members.first { $0.id == form.value("consent_person") }
            if member == nil { problems["consentPerson"] = "error.invalid_choice" }
            let purpose = ConsentRecord.Purpose(rawValue: form.value("consent_purpose") ?? "")
            if purpose == nil { problems["consentPurpose"] = "error.invalid_choice" }
            let organisation = OrganisationID(validating: form.value("consent_organisation") ?? "")
            if try await organisation.asyncMap({ try await OrganisationStore.find($0, on: db) }) ?? nil == nil {
                problems["consentOrganisation"] = "error.invalid_choice"
            }
            let giver = ConsentRecord.Giver(rawValue: form.value("consent_giver") ?? "")
            let giverName = form.value("giver_name") ?? ""
            if giver == nil { problems["consentGiver"] = "error.invalid_choice" }
            if giver != nil && giver != .person && giverName.trimmingCharacters(in: .whitespaces).isEmpty {
                problems["giverName"] = "error.giver_name"
            }
            if let member, let giver, let day,
                let problem = ConsentAgeRules.problem(
                    giver: giver,
                    for: ConsentAgeRules.Member(id: member.id, birthDate: member.birthDate, unborn: member.unborn),
                    on: day)
            {
                problems["consentGiver"] = problem
            }
            guard problems.isEmpty, let member, let purpose, let organisation, let giver, let day else {
                throw FieldProblems(problems)
            }
            try await ConsentStore.record(
                ConsentRecord(
                    person: member.id, purpose: purpose, organisation: organisation, givenBy: giver, givenOn: day),
                giverName: giver == .person ? member.name : giverName, grant: grant, on: db)
        }
    }

    private func withdraw(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .decide, notice: "notice.consent_withdrawn") { form, grant, db in
            var problems: [String: String] = [:]
            let day = CaseService.day(form, "withdrawn_on", field: "withdrawnOn", into: &problems)
            guard problems.isEmpty, let day else { throw FieldProblems(problems) }
            try await ConsentStore.withdraw(try context.parameters.require("consent"), on: day, grant: grant, on: db)
        }
    }
}
