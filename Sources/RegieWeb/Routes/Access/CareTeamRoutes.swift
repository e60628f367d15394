import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// Taking someone out of a household's care team: a decision, on the timeline, effective with their next request.
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
    }
}
