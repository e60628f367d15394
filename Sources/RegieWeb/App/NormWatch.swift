import Foundation
import RegieCore
import RegieStore
import SQLKit
import ServiceLifecycle

/// The background work that no user action triggers: telling people that an unanswered escalation rose to the
/// next rung, asking partners for a due aftercare check, and purging closed files past the retention period. Both are derived from
/// recorded facts on the day it runs; each notice carries a dedupe key, so several app servers (or a restart)
/// never tell anyone twice. Reads process facts only — no household content.
struct NormWatch {
    let app: WebApp

    /// What one run did, for the log and the tests.
    struct Report: Equatable {
        var rises = 0
        var aftercareRequests = 0
        var purged = 0
        /// Networks skipped because nothing changed in them since their last round today (see `NormWatchLedger`).
        var unchanged = 0

        /// Whether the run changed anything, for the log.
        var didWork: Bool { rises + aftercareRequests + purged > 0 }
    }

    func run(today: Day = Day(Date())) async throws -> Report {
        var report = Report()
        for network in try await NetworkStore.all(on: app.database.sql) {
            // A round at region scale takes a while; a server asked to stop finishes the network it is on.
            if Task.isShuttingDownGracefully { break }
            guard let profile = app.profiles.profile(for: network) else { continue }
            // The stamp is read before the facts, so a change made during the round is judged in the next one.
            let stamp = try await HouseholdStore.factStamp(of: [network.id], on: app.database.sql)
            var round = NormWatchLedger.Judged(stamp: stamp, day: today, network: network, profile: profile)
            if await app.normWatchLedger.isSettled(round) {
                report.unchanged += 1
                continue
            }
            var raised = OwnChanges()
            report.rises += try await escalationRises(network.id, profile: profile, today: today, raised: &raised)
            report.aftercareRequests += try await aftercareChecks(network.id, profile: profile, today: today)
            for household in try await RetentionStore.due(in: network, today: today, on: app.database.sql) {
                try await raised.write(household, app: app) { db in
                    _ = try await RetentionStore.purge(household, on: db)
                }
                report.purged += 1
            }
            // The round's own writes move the stamp too. When they alone moved it, the facts after them are what this
            // round judged (it recorded every rung due today), so the next round need not go through the network again —
            // at region scale the first round's rises otherwise cost a second full round a minute later.
            if raised.versions > 0, let expected = HouseholdStore.factStamp(stamp, raisedBy: raised.versions),
                try await HouseholdStore.factStamp(of: [network.id], on: app.database.sql) == expected
            {
                round = NormWatchLedger.Judged(stamp: expected, day: today, network: network, profile: profile)
            }
            await app.normWatchLedger.settle(round)
        }
        return report
    }

    /// Rungs reached because a deadline passed: recorded once on the timeline, with the process manager, the
    /// network directors and whoever raised it told.
    private func escalationRises(
        _ network: NetworkID, profile: WorkflowProfile, today: Day, raised: inout OwnChanges
    ) async throws -> Int {
        var count = 0
        for escalation in try await EscalationStore.undecided(in: network, on: app.database.sql) {
            let clock = EscalationClock(ladder: escalation.kind.ladder(in: profile), calendar: app.calendar)
            for step in clock.steps(recorded: escalation.recorded, decidedOn: nil, today: today) where step.automatic {
                count += try await raised.write(escalation.household, app: app) { db in
                    guard try await EscalationStore.noticeRise(escalation.id, rung: step.rung, on: db) else { return 0 }
                    let notifier = Notifier(app: app)
                    let rung = clock.ladder[step.rung].name
                    try await TimelineStore.append(
                        TimelineEvent(
                            household: escalation.household, network: network, actor: nil, actorOrganisation: nil,
                            kind: "escalation.risen",
                            summary: "Termijn verstreken: opgeschaald naar trede \(step.rung + 1) (\(rung)), "
                                + "te beantwoorden vóór \(step.deadline.dutch)"), on: db)
                    try await notifier.tell(
                        try await notifier.users(with: [.processManager, .networkDirector], in: network, on: db),
                        .escalationRisen, household: escalation.household, network: network,
                        reference: try await HouseholdStore.reference(of: escalation.household, on: db),
                        key: "escalation-risen:\(escalation.id):\(step.rung)", on: db)
                    return 1
                }
            }
        }
        return count
    }

    /// Households in aftercare whose next check is due: the care team is asked in its inbox (and by e-mail). The
    /// network's closed households are judged together, in a few reads per 500, because this runs for every
    /// network on every round and a read per household kept a core busy for over a minute at region scale.
    private func aftercareChecks(_ network: NetworkID, profile: WorkflowProfile, today: Day) async throws -> Int {
        let db = app.database.sql
        let schedule = AftercareSchedule(profile: profile, calendar: app.calendar)
        let closed = try await ClosureStore.latestDays(in: network, on: db)
        let contexts = try await HouseholdStore.accessContexts(closed.map(\.household), on: db)
        let inAftercare = closed.filter { contexts[$0.household]?.phase == .aftercare }
        let answered = try await AftercareStore.answeredChecks(closures: inAftercare.map(\.id), on: db)
        var count = 0
        for closure in inAftercare {
            guard let context = contexts[closure.household],
                let next = schedule.next(closedOn: closure.closedOn, answered: answered[closure.id] ?? []),
                next.day <= today
            else { continue }
            count += try await app.database.write { db in
                try await NotificationStore.notify(
                    context.careTeam, .aftercareCheck, about: closure.household, network: network,
                    reference: try await HouseholdStore.reference(of: closure.household, on: db),
                    link: "/cases/\(closure.household.rawValue)#aftercare",
                    key: "aftercare:\(closure.id):\(next.index)", emailing: app.configuration.mail != nil, on: db)
            }
        }
        return count
    }
}

/// How far a round's own writes raised the fact versions of the households they changed, read inside each write's
/// transaction before and after it: exact whatever the write records, and untouched by other writers, whose changes
/// to the same household wait for the transaction (its row is locked before the first read).
struct OwnChanges {
    private(set) var versions: Int64 = 0

    /// Runs `body` on `household` in one transaction and counts how far it raised the household's version.
    mutating func write<T: Sendable>(
        _ household: HouseholdID, app: WebApp, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        let (result, raised) = try await app.database.write { db in
            let before = try await HouseholdStore.lockedFactVersion(of: household, on: db)
            let result = try await body(db)
            let after = try await HouseholdStore.lockedFactVersion(of: household, on: db)
            return (result, after - before)
        }
        versions += raised
        return result
    }
}
