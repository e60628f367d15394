import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegieCore
import RegieStore
import RegieTestSupport
import SQLKit
import Testing

@testable import RegieWeb

@Suite("Bringing in signals, the signal list and Mijn meldingen")
struct SignalTests {
    /// A complete signal for the Enschede-profile test network.
    static func fields(family: String = "Jansen", extra: [(String, String)] = []) -> [(String, String)] {
        [
            ("channel", "phone"), ("person0_given", "Kees"), ("person0_family", family),
            ("person0_birth", "01-05-1980"), ("person0_relation", "parent"), ("person1_given", "Sam"),
            ("person1_family", family), ("person1_birth", "12-03-2015"), ("person1_relation", "child"),
            ("street", "Lindelaan"), ("house_number", "12"), ("postcode", "7511ab"), ("city", "Enschede"),
            ("neighbourhood", "Noord"), ("concern", "wonen"), ("concern", "zorg"), ("concern", "onderwijs"),
            ("description", "Huurachterstand, kinderen vaak niet op school"), ("informed", "yes"),
            ("origin", "environment"), ("urgency", "normal"),
        ] + extra
    }

    @Test(
        "A partner reports; the director sees it on the signal list; the partner follows it",
        arguments: TestDatabases.backends)
    func journey(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var partner = Browser(client)
            _ = try await partner.login("partner@test.nl")
            let form = try await partner.get("/signals/new")
            #expect(form.status == .ok && form.body.contains("Zorgen per leefgebied") && form.body.contains("Welzijn"))
            let sent = try await partner.post("/signals/new", Self.fields())
            #expect(sent.location == "/my-signals?notice=notice.signal_received")
            let mine = try await partner.get(sent.location!)
            #expect(mine.body.contains("De melding is ontvangen.") && mine.body.contains("Ontvangen"))
            #expect(try await partner.get("/signals").status == .forbidden, "the signal list is for the director")

            var director = Browser(client)
            _ = try await director.login("regisseur@test.nl")
            let list = try await director.get("/signals")
            #expect(list.status == .ok && list.body.contains("Partner") && list.body.contains("Wonen, Zorg, Onderwijs"))
            #expect(list.body.contains("besluit binnen 5 werkdagen"))
            let due = harness.app.calendar.adding(workingDays: 5, to: Day(Date())).dutch
            #expect(list.body.contains(due))
            let logged = try await harness.app.database.sql.select().column("rule").from("access_log")
                .where("action", .equal, SQLBind("view_intake")).all().map {
                    try $0.decode(column: "rule", as: String.self)
                }
            #expect(logged.contains("network_director") && logged.contains("reporter_own_signal"))
        }
    }

    @Test("Wrong postcode, BSN and date are explained at the field and the input is kept")
    func validation() async throws {
        try await Harness.run(.sqlite) { harness, client in
            var partner = Browser(client)
            _ = try await partner.login("partner@test.nl")
            var fields = Self.fields().filter { !["postcode", "person0_birth"].contains($0.0) }
            fields += [("postcode", "75 AB"), ("person0_birth", "31-02-1980"), ("person0_bsn", "111222334")]
            let page = try await partner.post("/signals/new", fields)
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("Dit is geen geldige postcode"))
            #expect(page.body.contains("Dit BSN klopt niet"))
            #expect(page.body.contains("Schrijf de datum als dd-mm-jjjj."))
            #expect(page.body.contains("value=\"Lindelaan\"") && page.body.contains("Huurachterstand, kinderen"))
            #expect(page.body.contains("value=\"zorg\" checked"))
            #expect(
                try await SignalStore.households(in: harness.network.id, on: harness.app.database.sql).isEmpty,
                "nothing stored")
        }
    }

    @Test(
        "A known person is proposed before a new one is made; choosing joins the household",
        arguments: TestDatabases.backends)
    func identity(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var partner = Browser(client)
            _ = try await partner.login("partner@test.nl")
            _ = try await partner.post("/signals/new", Self.fields(family: "Janssen"))
            let second = try await partner.post("/signals/new", Self.fields(family: "jansen"))
            #expect(second.status == .ok && second.body.contains("Mogelijk al bekend"))
            #expect(second.body.contains("Kees Janssen"))
            let person = try #require(second.body.firstMatch(of: /name="person0_choice" value="([0-9a-f-]{36})"/)?.1)
            let child = try #require(second.body.firstMatch(of: /name="person1_choice" value="([0-9a-f-]{36})"/)?.1)
            let chosen = try await partner.post(
                "/signals/new",
                Self.fields(
                    family: "jansen",
                    extra: [
                        ("person0_choice", String(person)), ("person1_choice", String(child)),
                    ]))
            #expect(chosen.status == .found)
            let households = try await SignalStore.households(in: harness.network.id, on: harness.app.database.sql)
            #expect(households.count == 1, "the second signal joined the known household")
            let persons = try await harness.app.database.sql.select().column("id").from("persons").all()
            #expect(persons.count == 2)
        }
    }

    @Test("Zwolle refuses a signal from an inhabitant and asks for the trigger and the own attempt")
    func zwolle() async throws {
        try await Harness.run(.sqlite) { harness, client in
            let zwolle = try await harness.network("Regiegroep Zwolle", profile: "zwolle")
            try await harness.user("wijk@test.nl", [RoleAssignment(role: .partnerWorker, network: zwolle.id)])
            var partner = Browser(client)
            _ = try await partner.login("wijk@test.nl")
            let fields =
                Self.fields().filter { $0.0 != "concern" } + [("concern", "overlast"), ("from_inhabitant", "on")]
            let refused = try await partner.post("/signals/new", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("In dit netwerk kunnen alleen instellingen aanmelden"))
            #expect(refused.body.contains("Kies de aanleiding"))
            #expect(refused.body.contains("Beschrijf wat u zelf al heeft geprobeerd."))
            let accepted = try await partner.post(
                "/signals/new",
                Self.fields().filter { $0.0 != "concern" } + [
                    ("concern", "overlast"), ("trigger", "dreigende_uithuiszetting"),
                    ("own_attempt", "Betalingsregeling aangeboden, niet nagekomen"),
                ])
            #expect(accepted.status == .found)
        }
    }

    @Test("Someone without a role in the network cannot signal there")
    func noRole() async throws {
        try await Harness.run(.sqlite) { _, client in
            var admin = Browser(client)
            _ = try await admin.login("beheer@test.nl")
            #expect(try await admin.get("/signals/new").status == .forbidden)
        }
    }
}

@Suite("Signals through the API")
struct SignalApiTests {
    @Test(
        "A partner system brings in a signal, is asked about a known person, and confirms",
        arguments: TestDatabases.backends)
    func api(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var browser = Browser(client)
            _ = try await browser.login("partner@test.nl")
            let token = try await browser.createToken("Woningsysteem")
            func send(_ json: String) async throws -> (HTTPResponse.Status, String) {
                let response = try await client.execute(
                    uri: "/api/v1/signals", method: .post,
                    headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                    body: ByteBuffer(string: json))
                return (response.status, String(buffer: response.body))
            }
            let body = """
                {"network": "\(harness.network.id)", "persons": [{"givenName": "Ria", "familyName": "de Vries",
                 "birthDate": "1975-02-03", "relation": "parent"PLACEHOLDER}], "street": "Kerkstraat", "houseNumber": "3",
                 "postcode": "7511 CD", "city": "Enschede", "concerns": ["wonen", "zorg"], "description": "Vervuilde woning"}
                """
            let (first, firstBody) = try await send(body.replacingOccurrences(of: "PLACEHOLDER", with: ""))
            #expect(first == .created && firstBody.contains("\"newHousehold\":true"))
            let (conflict, conflictBody) = try await send(body.replacingOccurrences(of: "PLACEHOLDER", with: ""))
            #expect(conflict == .conflict && conflictBody.contains("Ria de Vries"))

            // Choosing the known person joins her household, and the access log names that household.
            struct Answer: Decodable {
                let candidates: [[String: String]]?
                let household: String?
            }
            let known = try #require(
                try JSONDecoder().decode(Answer.self, from: Data(conflictBody.utf8)).candidates?.first?["personId"])
            let household = try #require(try JSONDecoder().decode(Answer.self, from: Data(firstBody.utf8)).household)
            let (joined, joinedBody) = try await send(
                body.replacingOccurrences(of: "PLACEHOLDER", with: ", \"existingPersonId\": \"\(known)\""))
            #expect(joined == .created && joinedBody.contains("\"newHousehold\":false"))
            #expect(try JSONDecoder().decode(Answer.self, from: Data(joinedBody.utf8)).household == household)
            let intakes = try await AccessLogStore.entries(
                household: HouseholdID(rawValue: household), on: harness.app.database.sql
            ).filter { $0.action == AccessAction.createSignal.rawValue }
            #expect(intakes.count == 2, "both signals about her household are in its log")
            let (confirmed, _) = try await send(
                body.replacingOccurrences(of: "PLACEHOLDER", with: ", \"confirmedNew\": true"))
            #expect(confirmed == .created)
            let (invalid, invalidBody) = try await send(
                body.replacingOccurrences(of: "PLACEHOLDER", with: ", \"bsn\": \"123\", \"confirmedNew\": true")
                    .replacingOccurrences(of: "7511 CD", with: "x"))
            #expect(
                invalid == .unprocessableContent && invalidBody.contains("Dit BSN klopt niet")
                    && invalidBody.contains("\"postcode\""))
            let (broken, _) = try await send("{\"network\": 1}")
            #expect(broken == .badRequest)
        }
    }

    @Test(
        "Signals posted at the same moment all land whole, also beside one that fails",
        arguments: TestDatabases.backends)
    func simultaneous(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var browser = Browser(client)
            _ = try await browser.login("partner@test.nl")
            let token = try await browser.createToken("Woningsysteem")
            func body(_ index: Int, person extra: String = "") -> String {
                """
                {"network": "\(harness.network.id)", "persons": [{"givenName": "Gelijk", "familyName": "Tijd\(index)",
                 "birthDate": "1975-02-03", "relation": "parent", "confirmedNew": true\(extra)}],
                 "street": "Kerkstraat", "houseNumber": "\(index)", "postcode": "7511 CD", "city": "Enschede",
                 "concerns": ["wonen", "zorg", "wonen"], "description": "Tegelijk binnengekomen"}
                """
            }
            let statuses = try await withThrowingTaskGroup(of: (Int, HTTPResponse.Status).self) { group in
                for index in 0..<13 {
                    // Number 6 names a person the network does not know: it fails inside the transaction.
                    let json = index == 6 ? body(index, person: #", "existingPersonId": "onbekend""#) : body(index)
                    group.addTask {
                        let response = try await client.execute(
                            uri: "/api/v1/signals", method: .post,
                            headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                            body: ByteBuffer(string: json))
                        return (index, response.status)
                    }
                }
                return try await group.reduce(into: [Int: HTTPResponse.Status]()) { $0[$1.0] = $1.1 }
            }
            #expect(statuses.filter { $0.value == .created }.count == 12 && statuses[6] != .created)
            let db = harness.app.database.sql
            let households = try await db.select().column("id").from("households")
                .where("street", .equal, SQLBind("Kerkstraat")).all().map {
                    try $0.decode(column: "id", as: String.self)
                }
            #expect(households.count == 12)
            for id in households {
                let kinds = try await db.select().column("kind").from("timeline_events")
                    .where("household_id", .equal, SQLBind(id)).orderBy("seq").all()
                    .map { try $0.decode(column: "kind", as: String.self) }
                #expect(kinds == ["household.created", "signal.received"])
                let concerns = try await db.select().column("domain_code").from("signal_concerns")
                    .join(
                        SQLIdentifier("signals"), on: SQLColumn("id", table: "signals"), .equal,
                        SQLColumn("signal_id", table: "signal_concerns")
                    )
                    .where(SQLColumn("household_id", table: "signals"), .equal, SQLBind(id)).all()
                #expect(concerns.count == 2)
                let members = try await db.select().column("person_id").from("household_members")
                    .where("household_id", .equal, SQLBind(id)).all()
                #expect(members.count == 1)
                let version = try await db.select().column("fact_version").from("households")
                    .where("id", .equal, SQLBind(id)).first()?.decode(column: "fact_version", as: Int.self)
                #expect(version == 2, "raised once per event, in one statement")
            }
            let logged = try await db.select().column("household_id").from("access_log")
                .where("action", .equal, SQLBind(AccessAction.createSignal.rawValue)).all()
            // The failed one's entry went back with its transaction, like everything else it wrote.
            #expect(logged.count == 12)
        }
    }
}

@Suite("Who is involved")
struct InvolvementTests {
    /// The test partner signals a household with BSN 111222333; a teacher of a shell school joining the network
    /// asks about it. Returns the teacher's browser and the school.
    static func teacherAsking(_ harness: Harness, _ client: any TestClientProtocol) async throws -> (
        teacher: Browser, school: Organisation
    ) {
        var reporter = Browser(client)
        _ = try await reporter.login("partner@test.nl")
        _ = try await reporter.post("/signals/new", SignalTests.fields(extra: [("person0_bsn", "111222333")]))
        let school = try await harness.addShellSchool("Basisschool Test")
        _ = try await harness.app.accounts.createUser(
            .init(
                name: "Juf Test", email: "juf@test.nl", organisation: school.id, password: Harness.password,
                roles: [RoleAssignment(role: .partnerWorker, network: harness.network.id)]), by: nil)
        var teacher = Browser(client)
        _ = try await teacher.login("juf@test.nl")
        return (teacher, school)
    }

    @Test(
        "Another partner learns that a household is known and by whom, never what was signalled",
        arguments: TestDatabases.backends)
    func involved(backend: RegieDatabase.Backend) async throws {
        try await Harness.run(backend) { harness, client in
            var (teacher, _) = try await Self.teacherAsking(harness, client)
            let known = try await teacher.get("/who-is-involved?bsn=111222333")
            #expect(known.body.contains("Bekend in dit netwerk") && known.body.contains("GGD Testregio"))
            #expect(known.body.contains("Melding in behandeling"))
            #expect(!known.body.contains("Huurachterstand"), "no content")
            let byName = try await teacher.get("/who-is-involved?family=jansen&birth=01-05-1980")
            #expect(byName.body.contains("Bekend in dit netwerk"))
            let unknown = try await teacher.get("/who-is-involved?family=Pietersen&birth=01-05-1980")
            #expect(unknown.body.contains("Niet bekend in dit netwerk."))
            let incomplete = try await teacher.get("/who-is-involved?family=Jansen")
            #expect(
                incomplete.status == .unprocessableContent && incomplete.body.contains("achternaam én geboortedatum"))
            let logged = try await harness.app.database.sql.select().column("rule").from("access_log")
                .where("action", .equal, SQLBind("who_is_involved")).all()
            #expect(logged.count == 2)
            await #expect(throws: AccessDenied.self) {
                let teacher = try #require(
                    try await UserStore.findForLogin(email: "juf@test.nl", on: harness.app.database.sql))
                let teacherActor = AccessActor(
                    user: teacher.user.id, organisation: teacher.user.organisation,
                    assignments: try await UserStore.roles(of: teacher.user.id, on: harness.app.database.sql))
                let household = try #require(
                    try await SignalStore.households(
                        in: harness.network.id,
                        on: harness.app.database.sql
                    ).first)
                _ = try await AccessGuard.authorize(
                    teacherActor, .viewIntake, household: household, requestID: nil,
                    database: harness.app.database)
            }

            // The answer is decided on access contexts kept per fact version: a decision on the signal moves the
            // household on, and the next check says so.
            var director = Browser(client)
            _ = try await director.login("regisseur@test.nl")
            let signal = try #require(
                try await harness.app.database.sql.select().column("id").from("signals").first()?
                    .decode(column: "id", as: String.self))
            _ = try await director.post(
                "/signals/\(signal)/decision", [("urgency", "normal"), ("safety", "safe"), ("outcome", "coordinate")])
            let moved = try await teacher.get("/who-is-involved?bsn=111222333")
            #expect(moved.body.contains("In onderzoek") && !moved.body.contains("Melding in behandeling"))
        }
    }
}

@Suite("Amsterdam routing")
struct AmsterdamRoutingTests {
    @Test("Every Amsterdam signal, also one from a gezinsmanager, lands on the coordinator's list")
    func coordinatorReceivesEverySignal() async throws {
        try await Harness.run(.sqlite) { harness, client in
            let amsterdam = try await harness.network("Gezinsoverleg West", profile: "amsterdam")
            try await harness.user(
                "coordinator@test.nl", [RoleAssignment(role: .networkDirector, network: amsterdam.id)])
            try await harness.user(
                "gezinsmanager@test.nl", [RoleAssignment(role: .caseDirector, network: amsterdam.id)])
            var manager = Browser(client)
            _ = try await manager.login("gezinsmanager@test.nl")
            let fields = SignalTests.fields().filter { $0.0 != "concern" } + [("concern", "opvoeding_ontwikkeling")]
            #expect(
                try await manager.post("/signals/new", fields).location == "/my-signals?notice=notice.signal_received")
            #expect(try await manager.get("/signals").status == .forbidden, "the list is the coordinator's")
            var coordinator = Browser(client)
            _ = try await coordinator.login("coordinator@test.nl")
            let list = try await coordinator.get("/signals")
            #expect(list.body.contains("Gezinsmanager") && list.body.contains("Opvoeding en ontwikkeling kinderen"))
            #expect(
                try await coordinator.get("/").body.contains("coördinator risicogezinnen"),
                "the profile's own word for the network director")
        }
    }
}
