import Foundation
import RegieCore
import RegieStore

/// What a partner sees of a household in the information round: who and where — enough to look it up in
/// their own files — and the concerned domains; not the reporter's description.
struct InboxView {
    let app: WebApp
    let locale: String

    func items(grant: AccessGrant, t: Translations) async throws -> [[String: Any]] {
        let requests = try await InformationRoundStore.requests(grant, on: app.database.sql)
        guard let signal = try await SignalStore.summaries(grant, on: app.database.sql).first,
            let detail = try await SignalStore.detail(signal.id, grant: grant, on: app.database.sql)
        else { return [] }
        let today = Day(Date())
        return requests.map { request in
            let status = InformationRequestStatus.of(answered: request.answer != nil, due: request.dueOn, today: today)
            return [
                "id": request.id, "reference": signal.householdReference, "due": request.dueOn.dutch,
                "status": t.text(status.textKey, locale), "overdue": status == .overdue,
                "answered": request.answer != nil,
                "answer": request.answer.map { answer -> [String: Any] in
                    ["known": answer.known, "shared": answer.shared, "at": DutchFormat.moment(answer.answeredAt)]
                } ?? [:],
                "address": detail.address.isEmpty ? t.text("signal.no_fixed_address", locale) : detail.address,
                "members": detail.members.map { member -> [String: Any] in
                    [
                        "name": member.name.isEmpty ? t.text("signal.unborn_short", locale) : member.name,
                        "birth": member.birthDate?.dutch ?? "—",
                    ]
                },
            ]
        }
    }
}
