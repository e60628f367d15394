import Foundation
import Hummingbird
import RegieCore
import RegieStore

/// The household's composition over time: a member who moves out is recorded with the day they left.
struct MemberRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.post("cases/:id/members/:person/leave") { request, context in try await leave(request, context) }
    }

    private func leave(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let person = try context.parameters.require("person")
        return try await CaseService(app: app).perform(
            request, context, .update, notice: "notice.member_left", guarding: .caseData
        ) {
            form, grant, db in
            var problems: [String: String] = [:]
            let day = CaseService.day(form, "left_on", field: "leftOn", into: &problems)
            if let day, day > Day(Date()) { problems["leftOn"] = "error.date_future" }
            guard problems.isEmpty, let day else { throw FieldProblems(problems) }
            try await HouseholdStore.recordLeaving(person: person, on: day, grant: grant, on: db)
        }
    }
}
