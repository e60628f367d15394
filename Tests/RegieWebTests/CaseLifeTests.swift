import Foundation
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Progress, stalled care, escalation, closure, aftercare and relapse on a case (steps 6–9)")
struct CaseLifeTests {
    /// An open case with an adopted plan of one goal, a case director and a partner commitment; returns the
    /// household id, the goal key and the commitment id.
    static func adoptedCase(
        _ harness: Harness, director: inout Browser, partner: inout Browser, caseDirector: UserAccount,
        adoptedOn: Day = Day(Date())
    ) async throws -> (household: String, goal: String, commitment: String) {
        let id = try await CaseWorkTests.openCase(harness, director: &director, partner: &partner)
        let page = "/cases/\(id)"
        let today = Day(Date()).dutch
        _ = try await director.post(
            "\(page)/director",
            [("director", caseDirector.id.rawValue), ("direction", "casusregie"), ("director_from", today)])
        let persons = try await CaseWorkTests.column(harness, "SELECT person_id AS v FROM household_members")
        _ = try await director.post(
            "\(page)/assessment", [("assess_person", persons[0]), ("assessed_on", today), ("score_wonen", "2")])
        _ = try await director.post("\(page)/plan", [("context", "Huurschuld")])
        _ = try await director.post(
            "\(page)/plan/goals",
            [
                ("goal_domain", "wonen"), ("goal_person", persons[0]), ("goal_description", "Huur op tijd betalen"),
                ("goal_target", "31-12-2027"),
            ])
        for person in persons {
            _ = try await director.post("\(page)/safety", [("safety_person", person), ("as_of", today)])
        }
        _ = try await director.post(
            "\(page)/plan/agreement",
            [("agreement", "agreed"), ("agreement_on", today), ("agreement_how", "Aan tafel")])
        let partnerID = try await CaseWorkTests.column(
            harness, "SELECT id AS v FROM users WHERE email = 'partner@test.nl'")[0]
        _ = try await director.post(
            "\(page)/commitments",
            [
                ("commitment_owner", partnerID), ("commitment_description", "Budgetcursus"),
                ("commitment_due", "31-12-2027"),
            ])
        let adopted = try await director.post("\(page)/plan/adopt", [("adopted_on", adoptedOn.dutch), ("meeting", "")])
        #expect(adopted.location == "\(page)?notice=notice.plan_adopted")
        let goal = try await CaseWorkTests.column(harness, "SELECT goal_key AS v FROM plan_goals")[0]
        let commitment = try await CaseWorkTests.column(harness, "SELECT id AS v FROM commitments")[0]
        return (id, goal, commitment)
    }

    @Test(
        "Plan → progress → deviation → stall → escalation → closure with safety check → dropped out → reopened",
        arguments: TestDatabases.backends)
    func life(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, lead, caseDirector) = try await CaseWorkTests.team(harness, client)
            let (id, goal, commitment) = try await Self.adoptedCase(
                harness, director: &director, partner: &partner, caseDirector: caseDirector)
            let page = "/cases/\(id)"
            let today = Day(Date())

            let home = try await lead.get("/").body
            #expect(home.contains("Eerste voortgangscontact") && home.contains("Mijn werklijst"))
            let empty = try await lead.post(
                "\(page)/progress", [("progress_kind", "talk"), ("progress_on", today.dutch), ("with_whom", "Kees")])
            #expect(empty.status == .unprocessableContent && empty.body.contains("Vul dit veld in."))
            #expect(empty.body.contains("value=\"Kees\""), "the input is kept")
            #expect(
                try await lead.post(
                    "\(page)/progress",
                    [
                        ("progress_kind", "talk"), ("progress_on", today.dutch),
                        ("progress_text", "Post samen geopend"),
                        ("deviation", "yes"),
                    ]
                ).location == "\(page)?notice=notice.progress_recorded")
            #expect(try await lead.get("/").body.contains("U meldde een afwijking van het plan."))
            let partnerFlag = try await partner.post(
                "\(page)/progress",
                [
                    ("progress_kind", "contact"), ("progress_on", today.dutch), ("progress_text", "Gebeld"),
                    ("deviation", "yes"),
                ])
            #expect(partnerFlag.body.contains("Alleen de regisseur meldt een afwijking van het plan."))
            let messages = try await director.get("/notifications").body
            #expect(messages.contains("Afwijking van het plan gemeld"))
            #expect(try await director.get("/").body.contains("ongelezen bericht"))

            let noView = try await lead.post(
                "\(page)/evaluations",
                [("evaluation_goal", goal), ("evaluation_status", "no_progress"), ("evaluated_on", today.dutch)])
            #expect(noView.body.contains("Schrijf op wat het huishouden er zelf van vindt."))
            #expect(
                try await lead.post(
                    "\(page)/evaluations",
                    [
                        ("evaluation_goal", goal), ("evaluation_status", "no_progress"), ("evaluated_on", today.dutch),
                        ("household_view", "Het lukt nog niet"),
                    ]
                ).status == .found)

            _ = try await partner.post("/commitments/\(commitment)", [("response", "decline"), ("note", "Wachtlijst")])
            let stalled = try await lead.get(page).body
            #expect(stalled.contains("De zorg stagneert") && stalled.contains("weigerde de afspraak"))
            #expect(try await director.get("/").body.contains("Zorg stagneert"))
            _ = try await director.post(
                "/meetings", [("meeting_day", today.dutch), ("meeting_time", "09:30"), ("duration", "60")])
            let meeting = try await CaseWorkTests.column(harness, "SELECT id AS v FROM meetings")[0]
            let agenda = try await director.get("/meetings/\(meeting)").body
            // Within the agenda's sentence of reasons every reason reads lower-case.
            #expect(agenda.contains("afspraak geweigerd of te laat, zorg stagneert"))

            let orgless = try await lead.post(
                "\(page)/escalations",
                [
                    ("escalation_kind", "organisational"), ("escalated_on", today.dutch),
                    ("escalation_reason", "Wachtlijst"),
                ])
            #expect(orgless.status == .unprocessableContent)
            #expect(orgless.body.contains("Kies de organisatie die de zorg blokkeert."))
            #expect(
                try await lead.post(
                    "\(page)/escalations",
                    [
                        ("escalation_kind", "organisational"), ("escalated_on", today.dutch),
                        ("blocking_organisation", harness.organisation.id.rawValue),
                        ("blocking_rule", "Wachtlijst budgetcursus 4 maanden"), ("escalation_reason", "Huur loopt op"),
                    ]
                ).status == .found)
            let escalation = try await CaseWorkTests.column(harness, "SELECT id AS v FROM escalations")[0]
            #expect(try await lead.post("\(page)/escalations/\(escalation)/raise", []).status == .found)
            let second = try await lead.get(page).body
            #expect(second.contains("<dd>2. Stuurgroep</dd>"), "raised by hand to the second rung")
            let decision = [
                ("decision", "Wachtlijst doorbroken met een doorslaggevende stem"), ("mandate", "deciding_vote"),
                ("structural", "yes"),
                ("decided_on", today.dutch),
            ]
            // A second open escalation: a refused decision on the first shows its error and input in that form only.
            #expect(
                try await lead.post(
                    "\(page)/escalations",
                    [
                        ("escalation_kind", "organisational"), ("escalated_on", today.dutch),
                        ("blocking_organisation", harness.organisation.id.rawValue),
                        ("blocking_rule", "Geen plek in de dagbesteding"), ("escalation_reason", "Dag zonder ritme"),
                    ]
                ).status == .found)
            let uncategorised = try await lead.post(
                "\(page)/escalations/\(escalation)/decision", decision + [("escalation", escalation)])
            #expect(uncategorised.status == .unprocessableContent)
            #expect(
                uncategorised.body.components(
                    separatedBy: "Kies bij een structurele oplossing de soort beleidssignaal."
                )
                .count == 2, "the error once, beside the form it belongs to")
            #expect(
                uncategorised.body.components(separatedBy: "value=\"yes\" checked").count == 2, "the choice kept once")
            #expect(uncategorised.body.components(separatedBy: "doorslaggevende stem</textarea>").count == 2)
            #expect(try await CaseWorkTests.column(harness, "SELECT id AS v FROM policy_signals").isEmpty)
            #expect(
                try await lead.post(
                    "\(page)/escalations/\(escalation)/decision", decision + [("signal_category", "waiting_list")]
                ).status == .found)
            #expect(
                try await CaseWorkTests.column(
                    harness, "SELECT source || ':' || category || ':' || household_id AS v FROM policy_signals")
                    == ["escalation:waiting_list:\(id)"])
            #expect(try await lead.get(page).body.contains("Doorslaggevende stem"))

            let noSafety = try await director.post(
                "\(page)/closure", [("closure_reason", "goals_reached"), ("closed_on", today.dutch)])
            #expect(
                noSafety.status == .unprocessableContent && noSafety.body.contains("Doe eerst de veiligheidscheck."))
            let refuses = try await director.post(
                "\(page)/closure",
                [
                    ("closure_reason", "refuses"), ("closed_on", today.dutch), ("safety_check", "safe"),
                    ("closure_safety_note", "Kinderen veilig bij oma"),
                ])
            #expect(refuses.body.contains("Leg vast hoe het huishouden in beeld blijft."))
            #expect(refuses.body.contains(">Kinderen veilig bij oma</textarea>"), "the input is kept")
            #expect(
                try await director.post(
                    "\(page)/closure",
                    [
                        ("closure_reason", "goals_reached"), ("closed_on", today.dutch), ("safety_check", "safe"),
                        ("closure_safety_note", "Kinderen veilig bij oma"),
                    ]
                ).location == "\(page)?notice=notice.case_closed")
            #expect(
                try await CaseWorkTests.column(
                    harness, "SELECT CAST(COUNT(*) AS TEXT) AS v FROM case_directors WHERE ended_on IS NULL") == ["0"])
            #expect(
                try await CaseWorkTests.column(
                    harness, "SELECT CAST(COUNT(*) AS TEXT) AS v FROM plans WHERE closed_at IS NULL") == ["0"])
            #expect(
                try await partner.get("/notifications").body.contains("Casus afgesloten"), "the reporter hears back")
            #expect(try await director.get(page).body.contains("Nazorgchecks"))

            let watch = NormWatch(app: harness.app)
            let report = try await watch.run(today: today.adding(months: 7))
            #expect(report.aftercareRequests >= 1)
            // Another server (or this one after a restart) judges the network afresh and still asks nobody twice.
            let other = try await WebApp(database: harness.app.database, configuration: harness.app.configuration)
            #expect(
                try await NormWatch(app: other).run(today: today.adding(months: 7)).aftercareRequests == 0, "asked once"
            )
            let noNote = try await partner.post("\(page)/aftercare", [("aftercare_answer", "dropped_out")])
            #expect(noNote.body.contains("Licht toe wat er gebeurde."))
            #expect(
                try await partner.post(
                    "\(page)/aftercare", [("aftercare_answer", "dropped_out"), ("aftercare_note", "Niet meer gekomen")]
                ).status == .found)
            let reopened = try await director.get(page).body
            #expect(reopened.contains("Casus heropend") && reopened.contains("Vorige afsluiting"))
            #expect(!reopened.contains("De zorg stagneert"), "a reopened case starts a new episode")
            #expect(try await director.get("/").body.contains("Regisseur aanstellen"), "appointments ended at closure")
            #expect(try await lead.get("/notifications").body.contains("Casus heropend"), "the last director is told")
        }
    }

    @Test(
        "An unanswered escalation rises by itself once, and the process manager is told",
        arguments: TestDatabases.backends)
    func rise(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            _ = try await harness.user(
                "proces@test.nl", [RoleAssignment(role: .processManager, network: harness.network.id)])
            var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
            let (id, _, _) = try await Self.adoptedCase(
                harness, director: &director, partner: &partner, caseDirector: caseDirector)
            let raised = Day(Date())
            _ = try await director.post(
                "/cases/\(id)/escalations",
                [("escalation_kind", "content"), ("escalated_on", raised.dutch), ("escalation_reason", "Vastgelopen")])
            let watch = NormWatch(app: harness.app)
            #expect(try await watch.run(today: raised).rises == 0)
            let later = raised.adding(days: 40)
            let first = try await watch.run(today: later)
            #expect(first.rises >= 2, "40 days later two rungs of 10 working days have passed")
            let second = try await watch.run(today: later)
            #expect(second.rises == 0, "told once")
            // The first round's own rises moved the network's stamp; it settled on the stamp after them, so the next
            // round skips every network instead of going through them again.
            let networks = try await NetworkStore.all(on: harness.app.database.sql).count
            #expect(second.unchanged == networks)
            var manager = Browser(client)
            _ = try await manager.login("proces@test.nl")
            #expect(try await manager.get("/notifications").body.contains("Opschaling onbeantwoord"))
            let kinds = try await CaseWorkTests.column(
                harness, "SELECT kind AS v FROM timeline_events WHERE kind = 'escalation.risen'")
            #expect(kinds.count == first.rises)
            #expect(try await manager.get("/").body.contains("Opschaling wacht op besluit"), "process facts only")
            let message = try await CaseWorkTests.column(
                harness,
                "SELECT n.id AS v FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = 'proces@test.nl'"
            )[0]
            #expect(try await manager.post("/notifications/\(message)/open", []).location == "/cases/\(id)")
            let process = try await manager.get("/cases/\(id)").body
            #expect(
                process.contains("1. Casusoverleg met het kernteam") && !process.contains("Vastgelopen"),
                "the rung of today, not the content")
            #expect(
                try await CaseWorkTests.column(
                    harness, "SELECT id AS v FROM notifications WHERE read_at IS NOT NULL") == [message])
        }
    }

    @Test("A notification e-mail carries a link to the inbox and nothing about the household")
    func emailWithoutContent() {
        let mail = Notifier.email(name: "Pim Partner", publicURL: "https://regie.example.nl")
        let message = SmtpMailer(
            configuration: MailConfiguration(host: "x", port: 25, from: "regie@example.nl", publicURL: "")
        ).message(to: "pim@example.nl", subject: mail.subject, body: mail.body + "\n.punt")
        #expect(message.contains("https://regie.example.nl/notifications"))
        #expect(message.contains("\r\n..punt"), "a leading dot is doubled")
        #expect(message.contains("Subject: Regie: er staat een bericht voor u klaar\r\n"))
    }

    @Test("A new signal within 12 months after closure counts as a relapse and tells the last director")
    func relapse() async throws {
        try await Harness.run(.sqlite) { harness, client in
            var (director, partner, lead, caseDirector) = try await CaseWorkTests.team(harness, client)
            let (id, _, _) = try await Self.adoptedCase(
                harness, director: &director, partner: &partner, caseDirector: caseDirector)
            _ = try await director.post(
                "/cases/\(id)/closure",
                [
                    ("closure_reason", "self_reliant"), ("closed_on", Day(Date()).dutch), ("safety_check", "safe"),
                    ("closure_safety_note", "Iedereen veilig"),
                ])
            let again = try await partner.post("/signals/new", SignalTests.fields())
            let person = try #require(again.body.firstMatch(of: /name="person0_choice" value="([0-9a-f-]{36})"/)?.1)
            let child = try #require(again.body.firstMatch(of: /name="person1_choice" value="([0-9a-f-]{36})"/)?.1)
            #expect(
                try await partner.post(
                    "/signals/new",
                    SignalTests.fields(extra: [("person0_choice", String(person)), ("person1_choice", String(child))])
                ).status == .found)
            #expect(
                try await CaseWorkTests.column(
                    harness, "SELECT kind AS v FROM timeline_events WHERE kind = 'case.relapse'"
                )
                .count == 1)
            #expect(try await lead.get("/notifications").body.contains("terugval"))
            let home = try await director.get("/").body
            #expect(home.contains("Terugval") && home.contains("href=\"/cases/\(id)\""), "until someone reopens it")
            _ = try await director.post("/cases/\(id)/reopen", [("reopen_reason", "Terugval: huur weer achter")])
            #expect(!(try await director.get("/").body.contains("Terugval")))
        }
    }

    @Test(
        "Every worklist item is derived from facts and norms: for the case director, the partner and the director",
        arguments: TestDatabases.backends)
    func worklist(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, lead, caseDirector) = try await CaseWorkTests.team(harness, client)
            let today = Day(Date())
            let (id, _, commitment) = try await Self.adoptedCase(
                harness, director: &director, partner: &partner, caseDirector: caseDirector,
                adoptedOn: today.adding(months: -4))
            let mine = try await lead.get("/").body
            for kind in [
                "Eerste voortgangscontact", "Voortgangsgesprek nodig", "Voortgangsrapportage nodig", "Doelen evalueren",
                "Zorg stagneert",
            ] {
                #expect(mine.contains(kind), "case director: \(kind)")
            }
            #expect(mine.contains("class=\"late\""), "the first contact is overdue")
            #expect(try await partner.get("/").body.contains("Afspraak accepteren of weigeren"))
            _ = try await partner.post("/commitments/\(commitment)", [("response", "accept"), ("note", "")])
            #expect(try await partner.get("/").body.contains("Afspraak uitvoeren"))

            _ = try await partner.post("/signals/new", SignalTests.fields(family: "Pietersen"))
            let signal = try await CaseWorkTests.column(
                harness, "SELECT id AS v FROM signals WHERE household_id <> '\(id)'")[0]
            let lobby = try await director.get("/").body
            #expect(lobby.contains("Melding wacht op besluit") && lobby.contains("href=\"/signals/\(signal)\""))
            _ = try await director.post(
                "/signals/\(signal)/decision", [("urgency", "normal"), ("safety", "safe"), ("outcome", "coordinate")])
            _ = try await director.post(
                "/signals/\(signal)/information-round", [("organisation", harness.organisation.id.rawValue)])
            #expect(try await partner.get("/").body.contains("Informatievraag beantwoorden"))

            _ = try await director.post(
                "/cases/\(id)/closure",
                [
                    ("closure_reason", "self_reliant"), ("closed_on", today.adding(months: -7).dutch),
                    ("safety_check", "safe"), ("closure_safety_note", "Iedereen veilig"),
                ])
            #expect(try await partner.get("/").body.contains("Nazorgcheck"), "the 6-month check is due")
            #expect(try await director.get("/").body.contains("Nazorgcheck"), "the network director keeps an eye on it")
            #expect(!(try await lead.get("/").body.contains("Zorg stagneert")), "closed cases do not stall")
        }
    }
}
