import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Taking someone out of a household's care team, and recording whether the care team agreed to share the whole
/// file: decisions, on the timeline, effective with the next request of everyone concerned.
struct CareTeamRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.post("cases/:id/care-team/:user/remove") { request, context in
            let user = UserID(rawValue: try context.parameters.require("user"))
            return try await CaseService(app: app).perform(
                request, context, .decide, notice: "notice.care_team_removed"
            ) {
                _, grant, db in
                try await HouseholdStore.removeFromCareTeam(user, grant: grant, on: db)
            }
        }
        routes.post("cases/:id/sharing") { request, context in
            try await CaseService(app: app).perform(request, context, .decide, notice: "notice.sharing_recorded") {
                form, grant, db in
                let agreed = form.value("sharing") == "agreed"
                let note = form.value("sharing_note") ?? ""
                if agreed && note.trimmingCharacters(in: .whitespacesAndNewlines).count < CareTeamSharing.minimumNote {
                    throw FieldProblems(["sharingNote": "error.sharing_note"])
                }
                try await HouseholdStore.recordSharing(agreed: agreed, note: note, grant: grant, on: db)
            }
        }
    }
}
