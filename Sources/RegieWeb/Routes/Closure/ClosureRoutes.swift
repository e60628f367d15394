import Foundation
import Hummingbird
import RegieCore
import RegieStore
import SQLKit

/// Steps 8–9 on the case: closing with a coded reason and a safety check (or background presence instead),
/// the partners' aftercare answers, and reopening on the same timeline.
struct ClosureRoutes {
    let app: WebApp

    func register(_ routes: RecordedGroup) {
        routes.post("cases/:id/closure") { request, context in try await close(request, context) }
        routes.post("cases/:id/background") { request, context in try await background(request, context) }
        routes.post("cases/:id/reopen") { request, context in try await reopen(request, context) }
        routes.post("cases/:id/aftercare") { request, context in try await aftercare(request, context) }
        routes.post("cases/:id/legal-hold") { request, context in try await legalHold(request, context) }
        routes.post("cases/:id/legal-hold/lift") { request, context in
            try await service.perform(request, context, .decide, notice: "notice.hold_lifted") { _, grant, db in
                try await RetentionStore.setLegalHold(nil, grant: grant, on: db)
            }
        }
    }

    private var service: CaseService { CaseService(app: app) }

    private func close(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .decide, notice: "notice.case_closed") { form, grant, db in
            var problems: [String: String] = [:]
            let day = CaseService.day(form, "closed_on", field: "closedOn", into: &problems)
            guard let reason = ClosureReason(rawValue: form.value("closure_reason") ?? "") else {
                throw FieldProblems(problems.merging(["closureReason": "error.invalid_choice"]) { first, _ in first })
            }
            let closure = ClosureRequest(
                reason: reason, closedOn: day ?? Day(Date()),
                safety: ClosureRequest.SafetyCheck(rawValue: form.value("safety_check") ?? ""),
                safetyNote: form.value("closure_safety_note") ?? "",
                regularDirector: form.value("regular_director") ?? "",
                destination: form.value("destination") ?? "", staysInView: form.value("stays_in_view") ?? "",
                note: form.value("closure_note") ?? "")
            problems.merge(closure.problems(today: Day(Date()))) { first, _ in first }
            let receiving = try await receivingNetwork(form, closure, grant: grant, into: &problems, on: db)
            guard problems.isEmpty else { throw FieldProblems(problems) }
            let reference = try await HouseholdStore.reference(grant, on: db)
            let handover = try await receiving.asyncMap { _ in
                try await HandoverSummary(app: app).handover(closure, grant: grant, on: db)
            }
            let closureID = try await ClosureStore.close(closure, grant: grant, on: db)
            if let receiving, let handover {
                let offer = try await HandoverStore.offer(
                    handover, to: receiving, closure: closureID, grant: grant, on: db)
                let notifier = Notifier(app: app)
                try await notifier.tell(
                    try await notifier.users(with: [.networkDirector], in: receiving, on: db), .handoverOffered,
                    household: grant.context.household, network: receiving,
                    reference: try await NetworkStore.find(grant.context.network, on: db)?.name ?? "—",
                    key: "handover:\(offer)", link: "/handovers/\(offer)", on: db)
            }
            // Feedback to the reporters (step 9) and word to the care team: a message without content.
            let notifier = Notifier(app: app)
            try await notifier.tell(
                grant.context.reporters.union(grant.context.careTeam).subtracting([grant.actor.user]), .caseClosed,
                household: grant.context.household, network: grant.context.network, reference: reference,
                key: "closed:\(closureID)", on: db)
        }
    }

    /// The network in Regie a moved household is handed over to, when the user chose one: another network.
    private func receivingNetwork(
        _ form: FormData, _ closure: ClosureRequest, grant: AccessGrant, into problems: inout [String: String],
        on db: any SQLDatabase
    ) async throws -> NetworkID? {
        guard let chosen = form.value("receiving_network"), !chosen.isEmpty else { return nil }
        let network = NetworkID(rawValue: chosen)
        guard closure.reason == .moved, network != grant.context.network,
            try await NetworkStore.find(network, on: db) != nil
        else {
            problems["receivingNetwork"] = "error.receiving_network"
            return nil
        }
        return network
    }

    private func background(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .decide, notice: "notice.background_recorded") { form, grant, db in
            let note = form.value("background_note") ?? ""
            if note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw FieldProblems(["backgroundNote": "error.required"])
            }
            try await ClosureStore.backgroundPresence(note: note, grant: grant, on: db)
        }
    }

    private func reopen(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .decide, notice: "notice.case_reopened") { form, grant, db in
            let reason = form.value("reopen_reason") ?? ""
            if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw FieldProblems(["reopenReason": "error.required"])
            }
            try await ClosureStore.reopen(reason: reason, grant: grant, on: db)
            try await tellReopened(grant, on: db)
        }
    }

    private func aftercare(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.performLeading(request, context, .addToOwnPart) { form, grant, db in
            guard let answer = AftercareAnswer(rawValue: form.value("aftercare_answer") ?? "") else {
                throw FieldProblems(["aftercareAnswer": "error.invalid_choice"])
            }
            let note = form.value("aftercare_note") ?? ""
            if answer == .droppedOut && note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw FieldProblems(["aftercareNote": "error.dropped_out_note"])
            }
            guard let closure = try await ClosureStore.latest(grant, on: db) else {
                throw StoreError.refused("error.not_in_aftercare")
            }
            let schedule = AftercareSchedule(
                profile: try await service.profile(of: grant.context.network, on: db), calendar: app.calendar)
            var answered = try await AftercareStore.answeredChecks(closure: closure.id, on: db)
            guard let next = schedule.next(closedOn: closure.request.closedOn, answered: answered) else {
                throw StoreError.refused("error.not_in_aftercare")
            }
            answered.insert(next.index)
            let ends = schedule.isComplete(answered: answered) && answer != .droppedOut
            try await AftercareStore.answer(
                answer, note: note, check: next.index, closure: closure.id,
                endsAftercare: schedule.isComplete(answered: answered), grant: grant, on: db)
            if answer == .droppedOut { try await tellReopened(grant, lastDirector: closure.lastDirector, on: db) }
            // The last check closes the file to the partners: back to the worklist instead of a refusal.
            return ends
                ? "/?notice=notice.aftercare_completed"
                : "/cases/\(grant.context.household.rawValue)?notice=notice.aftercare_answered"
        }
    }

    /// Puts a legal hold on the file, with the reason: a held file is never purged.
    private func legalHold(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await service.perform(request, context, .decide, notice: "notice.hold_set") { form, grant, db in
            let reason = form.value("hold_reason") ?? ""
            if reason.trimmingCharacters(in: .whitespaces).isEmpty {
                throw FieldProblems(["holdReason": "error.required"])
            }
            try await RetentionStore.setLegalHold(reason, grant: grant, on: db)
        }
    }

    /// Tells the network directors and the last case director that the case is open again.
    private func tellReopened(_ grant: AccessGrant, lastDirector: UserID? = nil, on db: any SQLDatabase) async throws {
        let notifier = Notifier(app: app)
        var users = try await notifier.users(with: [.networkDirector], in: grant.context.network, on: db)
        let closure = try await ClosureStore.latest(grant, on: db)
        if let director = lastDirector ?? closure?.lastDirector { users.insert(director) }
        try await notifier.tell(
            users.subtracting([grant.actor.user]), .caseReopened, household: grant.context.household,
            network: grant.context.network, reference: try await HouseholdStore.reference(grant, on: db),
            key: "reopened:\(grant.context.household.rawValue):\(Date().millis)", on: db)
    }
}
