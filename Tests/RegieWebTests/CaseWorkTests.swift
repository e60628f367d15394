import Foundation
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Picture, director, case conference, one plan and partner commitments")
struct CaseWorkTests {
    /// Walks a signal to an open case with a legal basis; returns the household id.
    static func openCase(_ harness: Harness, director: inout Browser, partner: inout Browser) async throws -> String {
        _ = try await partner.post("/signals/new", SignalTests.fields())
        let db = harness.app.database.sql
        let signal = try #require(
            try await db.select().column("id").from("signals").first()?.decode(column: "id", as: String.self))
        _ = try await director.post(
            "/signals/\(signal)/decision", [("urgency", "normal"), ("safety", "safe"), ("outcome", "coordinate")])
        _ = try await director.post(
            "/signals/\(signal)/information-round", [("organisation", harness.organisation.id.rawValue)])
        _ = try await director.post(
            "/signals/\(signal)/coordination",
            [("coordination", "open_case"), ("coordination_reason", "Drie leefgebieden")])
        let household = try #require(try await SignalStore.households(in: harness.network.id, on: db).first).rawValue
        #expect(try await director.get("/signals/\(signal)").body.contains("/cases/\(household)"))
        #expect(
            try await director.post(
                "/cases/\(household)/lawful-basis", [("basis", "legal_task"), ("basis_note", "Wmo")]
            )
            .status == .found)
        return household
    }

    /// A case director's account and signed-in browsers for the network director, the partner and that case director.
    static func team(_ harness: Harness, _ client: any TestClientProtocol) async throws -> (
        director: Browser, partner: Browser, lead: Browser, caseDirector: UserAccount
    ) {
        let caseDirector = try await harness.user(
            "probleemhouder@test.nl", [RoleAssignment(role: .caseDirector, network: harness.network.id)])
        var browsers: [Browser] = []
        for email in ["regisseur@test.nl", "partner@test.nl", "probleemhouder@test.nl"] {
            var browser = Browser(client)
            _ = try await browser.login(email)
            browsers.append(browser)
        }
        return (browsers[0], browsers[1], browsers[2], caseDirector)
    }

    static func column(_ harness: Harness, _ sql: String) async throws -> [String] {
        try await harness.app.database.sql.raw(SQLQueryString(sql)).all().map {
            try $0.decode(column: "v", as: String.self)
        }
    }

    @Test(
        "Decided case → scores → director → conference with minutes → adopted plan → partner answers",
        arguments: TestDatabases.backends)
    func journey(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (director, partner, _, caseDirector) = try await CaseWorkTests.team(harness, client)
            let id = try await Self.openCase(harness, director: &director, partner: &partner)
            let page = "/cases/\(id)"
            #expect(try await director.get(page).body.contains("Nog niemand aangesteld"))
            #expect(try await director.get("/cases").body.contains("1 open casus zonder regisseur."))

            let noDirector = try await director.post(
                "\(page)/director", [("director", ""), ("direction", "casusregie"), ("director_from", "01-01-2026")])
            #expect(
                noDirector.status == .unprocessableContent
                    && noDirector.body.contains("Kies iemand die in dit netwerk regisseur mag zijn."))
            let today = Day(Date())
            #expect(
                try await director.post(
                    "\(page)/director",
                    [
                        ("director", caseDirector.id.rawValue), ("direction", "casusregie"),
                        ("director_from", today.dutch),
                    ]
                ).location == "\(page)?notice=notice.director_appointed")
            #expect(try await director.get(page).body.contains("Probleemhouder, GGD Testregio"))

            let persons = try await Self.column(
                harness,
                "SELECT m.person_id AS v FROM household_members m JOIN persons p ON p.id = m.person_id ORDER BY p.birth_date"
            )
            let noScores = try await director.post(
                "\(page)/assessment", [("assess_person", persons[0]), ("assessed_on", today.dutch)])
            #expect(noScores.body.contains("Geef minstens één leefgebied een score."))
            #expect(
                try await director.post(
                    "\(page)/assessment",
                    [
                        ("assess_person", persons[0]), ("assessed_on", today.dutch), ("score_wonen", "2"),
                        ("score_werken", "1"), ("score_zorg", "4"),
                    ]
                ).status == .found)

            #expect(
                try await director.post("\(page)/plan", [("context", "Huurschuld en schoolverzuim")]).status == .found)
            #expect(
                try await director.post("\(page)/plan", [("context", "Nog een plan")]).body.contains(
                    "Dit huishouden heeft al een plan"))
            let blocked = try await director.get(page).body
            #expect(
                blocked.contains("Het plan heeft nog geen doelen.")
                    && blocked.contains("Niet iedereen in het huishouden heeft een veiligheidsbeeld."))

            let badGoal = try await director.post(
                "\(page)/plan/goals",
                [("goal_domain", "wonen"), ("goal_description", "Huur op tijd betalen"), ("goal_target", "31-12-2026")])
            #expect(badGoal.status == .unprocessableContent && badGoal.body.contains("Kies voor wie het doel is."))
            #expect(badGoal.body.contains(">Huur op tijd betalen</textarea>"), "the input is kept")
            #expect(
                try await director.post(
                    "\(page)/plan/goals",
                    [
                        ("goal_domain", "wonen"), ("goal_person", persons[0]),
                        ("goal_description", "Huur op tijd betalen"),
                        ("goal_words", "Geen enge brieven meer"), ("goal_target", "31-12-2026"),
                    ]
                ).status == .found)
            #expect(
                try await director.get(page).body.contains(
                    "Een leefgebied met score 1 of 2 heeft geen doel en geen reden."))
            _ = try await director.post("\(page)/plan/reasons", [("reason_werken", "Eerst wonen op orde")])
            let unsafe = try await director.post(
                "\(page)/safety", [("safety_person", persons[1]), ("as_of", today.dutch), ("concern", "child_at_risk")])
            #expect(
                unsafe.body.contains("Beschrijf de zorg en wat eraan gedaan wordt.")
                    && unsafe.body.contains("value=\"child_at_risk\" checked"))
            for person in persons {
                #expect(
                    try await director.post("\(page)/safety", [("safety_person", person), ("as_of", today.dutch)])
                        .status == .found)
            }
            #expect(
                try await director.post(
                    "\(page)/plan/agreement",
                    [("agreement", "agreed"), ("agreement_on", today.dutch), ("agreement_how", "Samen aan tafel")]
                )
                .status == .found)

            let lead = caseDirector.id.rawValue
            let chairID = try await Self.column(harness, "SELECT id AS v FROM users WHERE email = 'regisseur@test.nl'")[
                0]
            let partnerID = try await Self.column(harness, "SELECT id AS v FROM users WHERE email = 'partner@test.nl'")[
                0]
            let sameChair = try await director.post(
                "\(page)/conferences",
                [
                    ("conference_day", today.dutch), ("conference_time", "10:00"), ("duration", "60"), ("chair", lead),
                    ("content_lead", lead), ("worker", partnerID),
                ])
            #expect(sameChair.body.contains("De voorzitter en de inhoudelijk leider zijn verschillende mensen."))
            // The refused form keeps the choices: chair and content lead selected, the worker ticked.
            #expect(sameChair.body.components(separatedBy: #"<option value="\#(lead)" selected>"#).count == 3)
            #expect(sameChair.body.contains(#"name="worker" value="\#(partnerID)" checked>"#))
            #expect(!sameChair.body.contains(#"name="worker" value="\#(lead)" checked"#))
            #expect(
                try await director.post(
                    "\(page)/conferences",
                    [
                        ("conference_day", today.dutch), ("conference_time", "10:00"), ("duration", "60"),
                        ("place", "Wijkcentrum"),
                        ("chair", chairID), ("content_lead", lead), ("worker", partnerID), ("member", persons[0]),
                        ("shell_partners", "Huisarts Dijkstra\nBasisschool De Es"),
                    ]
                ).status == .found)
            let meeting = try await Self.column(harness, "SELECT id AS v FROM meetings")[0]
            let conference = "\(page)/conferences/\(meeting)"
            #expect(try await director.get(conference).body.contains("Huisarts Dijkstra"))
            #expect(
                try await director.post("\(conference)/minutes", [("minutes", "Besproken: huur en school")]).location
                    == "\(conference)?notice=notice.minutes_recorded")
            let goalKey = try await Self.column(harness, "SELECT goal_key AS v FROM plan_goals")[0]
            let due = today.adding(days: 14).dutch
            #expect(
                try await director.post(
                    "\(conference)/agreements",
                    [
                        ("commitment_owner", partnerID),
                        ("commitment_description", "Betalingsregeling met de verhuurder"),
                        ("commitment_due", due), ("commitment_goal", goalKey),
                    ]
                ).status == .found)
            #expect(
                try await director.post(
                    "\(page)/commitments",
                    [
                        ("commitment_owner", partnerID), ("commitment_description", "Budgetcursus aanbieden"),
                        ("commitment_due", due),
                    ]
                ).status == .found)

            #expect(
                try await director.post("\(page)/plan/adopt", [("adopted_on", today.dutch), ("meeting", meeting)])
                    .location == "\(page)?notice=notice.plan_adopted")
            let adopted = try await director.get(page).body
            #expect(adopted.contains("Versie 1 (vastgesteld)") && adopted.contains("Plan herzien"))

            let inbox = try await partner.get("/inbox").body
            #expect(inbox.contains("Betalingsregeling met de verhuurder") && inbox.contains("Huur op tijd betalen"))
            let commitments = try await Self.column(harness, "SELECT id AS v FROM commitments ORDER BY created_at")
            let noReason = try await partner.post(
                "/commitments/\(commitments[1])", [("response", "decline"), ("note", "")])
            #expect(
                noReason.status == .unprocessableContent
                    && noReason.body.contains("Schrijf waarom u de afspraak weigert."))
            #expect(
                try await partner.post(
                    "/commitments/\(commitments[1])", [("response", "decline"), ("note", "Wachtlijst tot juni")]
                ).status == .found)
            #expect(
                try await partner.post("/commitments/\(commitments[0])", [("response", "accept")]).location
                    == "/inbox?notice=notice.commitment_accept")
            let seen = try await director.get(page).body
            #expect(
                seen.contains("geweigerd") && seen.contains("Wachtlijst tot juni"),
                "a decline shows for the director at once")
            #expect(try await director.get("/cases").body.contains("<strong>1</strong>"))

            var manager = Browser(client)
            _ = try await harness.user(
                "proces@test.nl", [RoleAssignment(role: .processManager, network: harness.network.id)])
            _ = try await manager.login("proces@test.nl")
            let process = try await manager.get(page)
            #expect(process.status == .ok && process.body.contains("vastgesteld") && process.body.contains(today.dutch))
            #expect(
                !process.body.contains("Huur op tijd") && !process.body.contains("Eerst wonen")
                    && !process.body.contains("Wachtlijst"))

            var outsider = Browser(client)
            _ = try await harness.user(
                "buiten@test.nl", [RoleAssignment(role: .partnerWorker, network: harness.network.id)])
            _ = try await outsider.login("buiten@test.nl")
            #expect(try await outsider.get(page).status == .forbidden)
            #expect(try await outsider.get("\(page)/plan/print").status == .forbidden)

            var lead2 = Browser(client)
            _ = try await lead2.login("probleemhouder@test.nl")
            #expect(try await lead2.get(page).body.contains("Geen enge brieven meer"))
            #expect(try await director.get("\(page)/plan/print").body.contains("Geen enge brieven meer"))
            let future = try await lead2.post(
                "\(page)/members/\(persons[1])/leave", [("left_on", today.adding(days: 3).dutch)])
            #expect(future.status == .unprocessableContent && future.body.contains("Deze datum ligt in de toekomst."))
            #expect(
                try await lead2.post("\(page)/members/\(persons[1])/leave", [("left_on", today.dutch)]).status == .found
            )
            let left = try await lead2.get(page).body
            #expect(!left.contains("Sam Jansen —") && left.contains("Kees Jansen —"), "only current members are listed")
            #expect(
                try await lead2.post("\(page)/members/\(persons[0])/leave", [("left_on", today.dutch)]).body
                    .contains("Het laatste lid kan niet vertrekken"))
            #expect(try await lead2.post("\(page)/plan/revise", []).status == .found)
            #expect(try await lead2.get(page).body.contains("Versie 2 (concept)"))
        }
    }

    @Test(
        "The network meeting's agenda follows the profile's rule, with time per case", arguments: TestDatabases.backends
    )
    func networkMeeting(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var director = Browser(client)
            _ = try await director.login("regisseur@test.nl")
            var partner = Browser(client)
            _ = try await partner.login("partner@test.nl")
            _ = try await Self.openCase(harness, director: &director, partner: &partner)
            #expect(try await partner.get("/meetings").status == .forbidden)
            let bad = try await director.post(
                "/meetings", [("meeting_day", "31-02-2026"), ("meeting_time", "25:00"), ("duration", "90")])
            #expect(bad.body.contains("Schrijf de tijd als uu:mm") && bad.body.contains("value=\"31-02-2026\""))
            #expect(
                try await director.post(
                    "/meetings",
                    [
                        ("meeting_day", "01-12-2026"), ("meeting_time", "09:30"), ("duration", "90"),
                        ("place", "Stadhuis"),
                    ]
                )
                .location == "/meetings?notice=notice.meeting_scheduled")
            let meeting = try await Self.column(harness, "SELECT id AS v FROM meetings")[0]
            let agenda = try await director.get("/meetings/\(meeting)").body
            #expect(agenda.contains("geen regisseur") && agenda.contains("Ongeveer 90 minuten per casus."))
            #expect(agenda.contains("<p>Stadhuis · 90 min</p>"))
            // Without a place the line names what is known, without a separator in front.
            _ = try await director.post(
                "/meetings", [("meeting_day", "08-12-2026"), ("meeting_time", "09:30"), ("duration", "60")])
            let second = try await Self.column(harness, "SELECT id AS v FROM meetings WHERE duration_minutes = 60")[0]
            #expect(try await director.get("/meetings/\(second)").body.contains("<p>60 min</p>"))
        }
    }
}
