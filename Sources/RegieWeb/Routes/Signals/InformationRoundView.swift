import Foundation
import RegieCore
import RegieStore

/// The information-round part of the signal page: partners asked and their answers (non-replies marked),
/// home visits, and the coordination decision.
struct InformationRoundView {
    let app: WebApp
    let locale: String

    private func text(_ key: String) -> String { app.views.translations.text(key, locale) }

    func values(grant: AccessGrant, events: [TimelineEvent], form: FormData?, mayDecide: Bool) async throws
        -> [String: Any]
    {
        let db = app.database.sql
        let requests = try await InformationRoundStore.requests(grant, on: db)
        let today = Day(Date())
        let asked = Set(requests.map(\.organisation))
        var organisations: [[String: Any]] = []
        for member in try await NetworkStore.members(of: grant.context.network, on: db)
        where !asked.contains(member.organisation) {
            guard let organisation = try await OrganisationStore.find(member.organisation, on: db), organisation.active
            else { continue }
            organisations.append([
                "id": organisation.id.rawValue, "name": organisation.name,
                "shell": member.partnerType == .shell,
            ])
        }
        organisations.sort { ($0["name"] as? String ?? "") < ($1["name"] as? String ?? "") }
        let inRound = grant.context.phase == .informationRound
        var values: [String: Any] = [
            "inRound": inRound, "roundStarted": !requests.isEmpty,
            "requests": requests.map { request -> [String: Any] in
                let status = InformationRequestStatus.of(
                    answered: request.answer != nil, due: request.dueOn, today: today)
                var row: [String: Any] = [
                    "organisation": request.organisationName, "due": request.dueOn.dutch,
                    "status": text(status.textKey), "overdue": status == .overdue,
                ]
                if let answer = request.answer {
                    row["answer"] = [
                        "known": answer.known, "shared": answer.shared, "hasShared": !answer.shared.isEmpty,
                        "by": answer.userName, "at": DutchFormat.moment(answer.answeredAt),
                    ]
                }
                return row
            },
            "askable": organisations, "mayAsk": inRound && mayDecide && !organisations.isEmpty,
            "mayVisit": inRound && mayDecide, "mayCoordinate": inRound && mayDecide,
            "visits": try await InformationRoundStore.visits(grant, on: db).map { visit -> [String: Any] in
                [
                    "on": visit.visitedOn.dutch, "visitors": visit.visitors, "roles": visit.roleDivision,
                    "reason": visit.reason, "outcome": visit.outcome, "letIn": visit.letIn,
                ]
            },
            "coordinationOutcomes": ChoiceList.radios(
                "coordination", required: true,
                CoordinationDecision.Outcome.allCases.map {
                    Choice($0.rawValue, text($0.textKey), chosen: form?.value("coordination") == $0.rawValue)
                }),
            "visitedOn": form?.value("visited_on") ?? today.dutch, "visitors": form?.value("visitors") ?? "",
            "roleDivision": form?.value("role_division") ?? "", "visitReason": form?.value("visit_reason") ?? "",
            "visitOutcome": form?.value("visit_outcome") ?? "", "letInNo": form?.value("let_in") == "no",
            "coordinationReferredTo": form?.value("coordination_referred_to") ?? "",
            "coordinationReason": form?.value("coordination_reason") ?? "",
        ]
        if let decided = InformationRoundStore.coordination(in: events) {
            values["coordinated"] = [
                "at": DutchFormat.moment(decided.at), "outcome": text(decided.decision.outcome.textKey),
                "referredTo": decided.decision.referredTo, "hasReferredTo": !decided.decision.referredTo.isEmpty,
                "reason": decided.decision.reason, "isCase": decided.decision.outcome == .openCase && mayDecide,
                "household": grant.context.household.rawValue,
            ]
        }
        return values
    }
}
