import Foundation
import RegieCore
import SQLKit

/// Stores signals with their household and persons, and finds persons the network may already know.
public enum SignalStore {
    /// A person the network already knows who may be the one being signalled. Only what the user needs to
    /// recognise the person: no content of any file.
    public struct Candidate: Sendable, Hashable {
        public let personID: String
        public let name: String
        public let birthDate: Day?
        public let householdReference: String?
        /// The household the person lives in now (an id only: no content).
        public let household: HouseholdID?
        /// That household's fact version, read in the same statement: what the person check decides access on.
        public let householdVersion: Int64?
        public let strength: IdentityMatch.Strength
    }

    struct PersonRow: Decodable {
        let id: String, givenName: String, familyNamePrefix: String, familyName: String, birthDate: String?
        let bsn: String?
        let householdId: String?, reference: String?, factVersion: Int64?
        var facts: IdentityMatch.Facts {
            IdentityMatch.Facts(
                givenName: givenName, familyName: familyName, birthDate: birthDate.flatMap(Day.init),
                bsn: bsn.flatMap(BSN.init))
        }
        var name: String {
            [givenName, familyNamePrefix, familyName].filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    /// Known persons in `network` matching `person`, strongest first.
    public static func candidates(for person: SignalDraft.Person, network: NetworkID, on db: any SQLDatabase)
        async throws -> [Candidate]
    {
        let bsn = BSN(person.bsn)
        let wanted = IdentityMatch.Wanted(
            IdentityMatch.Facts(
                givenName: person.givenName, familyName: person.familyName, birthDate: person.birthDate, bsn: bsn))
        let rows = try await matches(
            network: network, bsn: bsn?.digits, familyKey: wanted.familyKey, birth: person.birthDate?.iso, on: db)
        var found: [Candidate] = []
        var seen: Set<String> = []
        for row in rows where seen.insert(row.id).inserted {
            guard let strength = IdentityMatch.strength(of: row.facts, for: wanted) else { continue }
            found.append(
                Candidate(
                    personID: row.id, name: row.name, birthDate: row.facts.birthDate,
                    householdReference: row.reference, household: row.householdId.map(HouseholdID.init(rawValue:)),
                    householdVersion: row.factVersion, strength: strength))
        }
        return found.sorted { $0.strength > $1.strength }
    }

    /// What `record` created.
    public struct Recorded: Sendable {
        public let signalID: String
        public let household: HouseholdID
        public let newHousehold: Bool
    }

    /// Whether the signal starts a household of persons the network does not know yet — no person was chosen as one
    /// already known — so that all it stores is new (`newHousehold`).
    public static func startsNewHousehold(_ draft: SignalDraft) -> Bool {
        draft.persons.allSatisfy { $0.existingPersonID == nil }
    }

    /// The records of a signal that starts a new household (`startsNewHousehold`): the household under a reference
    /// drawn now, its persons and their memberships, the signal with its concerns, and the timeline events. Made
    /// without reading anything, so many intakes' records can be stored together
    /// (`AccessGuard.authorizeNewHousehold(_:network:household:requestID:database:records:)`).
    public static func newHousehold(
        _ draft: SignalDraft, network: NetworkID, household: HouseholdID, reporter: AccessActor, enteredBy: UserID,
        at moment: Date = Date()
    ) -> (NewRecords, Recorded) {
        precondition(startsNewHousehold(draft), "only persons the network does not know yet")
        var records = NewRecords()
        let signalID = TimeOrderedID.make()
        let events = events(
            of: signalID, draft, newHousehold: true, household: household, network: network, reporter: reporter,
            at: moment)
        // The household starts at the version its first events make, as if `TimelineStore.append` had raised it.
        addHousehold(draft, household, network: network, version: events.count, at: moment, to: &records)
        let persons = draft.persons.map { addPerson($0, network: network, at: moment, to: &records) }
        for (id, person) in zip(persons, draft.persons) {
            addMember(id, relation: person.relation, household: household, on: Day(moment), to: &records)
        }
        addSignal(
            signalID, draft, household: household, network: network, reporter: reporter, enteredBy: enteredBy,
            at: moment, to: &records)
        TimelineStore.add(events, to: &records)
        return (records, Recorded(signalID: signalID, household: household, newHousehold: true))
    }

    /// Stores a validated signal in one transaction: the household (an existing one when a chosen person
    /// already lives in one), new persons and memberships, the signal with its concerns, and the timeline events.
    public static func record(
        _ draft: SignalDraft, network: NetworkID, household: HouseholdID, reporter: AccessActor, enteredBy: UserID,
        at moment: Date = Date(), on db: any SQLDatabase
    ) async throws -> Recorded {
        if startsNewHousehold(draft) {
            return try await NewRecords.store(
                [
                    {
                        newHousehold(
                            draft, network: network, household: household, reporter: reporter, enteredBy: enteredBy,
                            at: moment)
                    }
                ], on: db)[0]
        }
        let today = Day(moment)
        let existing = try await householdOfChosenPersons(draft, network: network, on: db)
        let householdID = existing ?? household
        var records = NewRecords()
        // All new persons first, then the memberships that refer to them.
        var members: [(person: String, relation: MemberRelation)] = []
        for person in draft.persons {
            guard let id = person.existingPersonID else {
                members.append((addPerson(person, network: network, at: moment, to: &records), person.relation))
                continue
            }
            try await requireKnown(id, network: network, on: db)
            // The same known person chosen on two rows joins once.
            guard !members.contains(where: { $0.person == id }) else { continue }
            if try await !isMember(id, of: householdID, on: db) { members.append((id, person.relation)) }
        }
        for member in members {
            addMember(member.person, relation: member.relation, household: householdID, on: today, to: &records)
        }
        let signalID = TimeOrderedID.make()
        addSignal(
            signalID, draft, household: householdID, network: network, reporter: reporter, enteredBy: enteredBy,
            at: moment, to: &records)
        // A new household's row goes first, under a reference drawn again while it is in use.
        let (rest, isNew) = (records, existing == nil)
        let draw: @Sendable () -> (NewRecords, Bool) = {
            var all = NewRecords()
            if isNew { addHousehold(draft, householdID, network: network, version: 0, at: moment, to: &all) }
            all.append(rest)
            return (all, isNew)
        }
        _ = try await NewRecords.store([draw], on: db)
        try await TimelineStore.append(
            events(
                of: signalID, draft, newHousehold: existing == nil, household: householdID, network: network,
                reporter: reporter, at: moment),
            on: db)
        return Recorded(signalID: signalID, household: householdID, newHousehold: existing == nil)
    }

    /// The timeline events of a signal: the household's creation when it is new, and the signal's arrival.
    private static func events(
        of signalID: String, _ draft: SignalDraft, newHousehold: Bool, household: HouseholdID, network: NetworkID,
        reporter: AccessActor, at moment: Date
    ) -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        if newHousehold {
            events.append(
                TimelineEvent(
                    household: household, network: network, occurredAt: moment, actor: reporter.user,
                    actorOrganisation: reporter.organisation, kind: "household.created",
                    summary: "Huishouden aangemaakt bij een melding"))
        }
        events.append(
            TimelineEvent(
                household: household, network: network, occurredAt: moment, actor: reporter.user,
                actorOrganisation: reporter.organisation, kind: "signal.received",
                summary: draft.crisis ? "Melding ontvangen (crisis)" : "Melding ontvangen",
                after: "{\"signal\":\"\(signalID)\"}"))
        return events
    }

    /// Adds a new household's row, at `version`, under a reference drawn now that must not be in use yet: five
    /// random characters give 33 million per year, so at 100,000 households a year a few would repeat without the
    /// check (`NewRecords.store` draws again).
    private static func addHousehold(
        _ draft: SignalDraft, _ household: HouseholdID, network: NetworkID, version: Int, at moment: Date,
        to records: inout NewRecords
    ) {
        let reference = newReference(Day(moment))
        records.requireUnused(reference, in: "households", column: "reference")
        records.add(
            "households",
            columns: [
                "id", "network_id", "reference", "lawful_basis", "created_at", "street", "house_number", "postcode",
                "city", "neighbourhood", "no_fixed_address", "fact_version",
            ],
            values: [
                SQLBind(household.rawValue), SQLBind(network.rawValue), SQLBind(reference),
                SQLBind(Optional<String>.none), SQLBind(moment.millis), SQLBind(draft.street.trimmed),
                SQLBind(draft.houseNumber.trimmed), SQLBind(Postcode(draft.postcode)?.value ?? ""),
                SQLBind(draft.city.trimmed), SQLBind(draft.neighbourhood.trimmed), SQLBind(draft.noFixedAddress),
                SQLBind(version),
            ])
    }

    private static func addSignal(
        _ signalID: String, _ draft: SignalDraft, household: HouseholdID, network: NetworkID, reporter: AccessActor,
        enteredBy: UserID, at moment: Date, to records: inout NewRecords
    ) {
        records.add(
            "signals",
            columns: [
                "id", "household_id", "network_id", "reporter_user_id", "reporter_organisation_id",
                "entered_by_user_id", "channel", "description", "household_informed", "not_informed_reason",
                "origin", "urgency", "crisis", "trigger_code", "own_attempt", "received_at", "received_on",
            ],
            values: [
                SQLBind(signalID), SQLBind(household.rawValue), SQLBind(network.rawValue),
                SQLBind(reporter.user.rawValue), SQLBind(reporter.organisation.rawValue), SQLBind(enteredBy.rawValue),
                SQLBind(draft.channel.rawValue), SQLBind(draft.description.trimmed), SQLBind(draft.householdInformed),
                SQLBind(draft.notInformedReason.trimmed), SQLBind(draft.origin.rawValue),
                SQLBind(draft.urgency.rawValue), SQLBind(draft.crisis), SQLBind(draft.trigger),
                SQLBind(draft.ownAttempt.trimmed), SQLBind(moment.millis), SQLBind(Day(moment).iso),
            ])
        var seen: Set<String> = []
        for domain in draft.concerns where seen.insert(domain).inserted {
            records.add(
                "signal_concerns", columns: ["signal_id", "domain_code"], values: [SQLBind(signalID), SQLBind(domain)])
        }
    }

    /// A chosen existing person's current household in this network, which the signal then joins.
    private static func householdOfChosenPersons(_ draft: SignalDraft, network: NetworkID, on db: any SQLDatabase)
        async throws -> HouseholdID?
    {
        for id in draft.persons.compactMap(\.existingPersonID) {
            let row = try await db.select().column(SQLColumn("id", table: "households")).from("household_members")
                .join(
                    SQLIdentifier("households"), on: SQLColumn("id", table: "households"), .equal,
                    SQLColumn("household_id", table: "household_members")
                )
                .where(SQLColumn("person_id", table: "household_members"), .equal, SQLBind(id))
                .where(SQLColumn("network_id", table: "households"), .equal, SQLBind(network.rawValue))
                .where(SQLColumn("left_on", table: "household_members"), .is, SQLLiteral.null).first()
            if let id = try row?.decode(column: "id", as: String.self) { return HouseholdID(rawValue: id) }
        }
        return nil
    }

    /// A chosen known person must be one of this network's.
    private static func requireKnown(_ id: String, network: NetworkID, on db: any SQLDatabase) async throws {
        let known = try await db.select().column("id").from("persons").where("id", .equal, SQLBind(id))
            .where("network_id", .equal, SQLBind(network.rawValue)).first()
        guard known != nil else { throw StoreError.notFound("person") }
    }

    /// Adds a new person's row; returns the person's id.
    private static func addPerson(
        _ person: SignalDraft.Person, network: NetworkID, at moment: Date, to records: inout NewRecords
    ) -> String {
        let id = TimeOrderedID.make()
        records.add(
            "persons",
            columns: [
                "id", "network_id", "given_name", "family_name_prefix", "family_name", "family_key", "birth_date",
                "unborn", "bsn", "custody", "protection_measure", "placement", "created_at",
            ],
            values: [
                SQLBind(id), SQLBind(network.rawValue), SQLBind(person.givenName.trimmed),
                SQLBind(person.familyNamePrefix.trimmed), SQLBind(person.familyName.trimmed),
                SQLBind(NameKey.familyKey(person.familyName)), SQLBind(person.birthDate?.iso),
                SQLBind(person.unborn), SQLBind(BSN(person.bsn)?.digits), SQLBind(person.custody?.rawValue),
                SQLBind(person.protectionMeasure?.rawValue), SQLBind(person.placement?.rawValue),
                SQLBind(moment.millis),
            ])
        return id
    }

    /// Whether the person is a current member of the household.
    private static func isMember(_ person: String, of household: HouseholdID, on db: any SQLDatabase) async throws
        -> Bool
    {
        try await db.select().column("person_id").from("household_members")
            .where("household_id", .equal, SQLBind(household.rawValue)).where("person_id", .equal, SQLBind(person))
            .where("left_on", .is, SQLLiteral.null).first() != nil
    }

    private static func addMember(
        _ person: String, relation: MemberRelation, household: HouseholdID, on day: Day, to records: inout NewRecords
    ) {
        records.add(
            "household_members", columns: ["household_id", "person_id", "relation", "joined_on"],
            values: [SQLBind(household.rawValue), SQLBind(person), SQLBind(relation.rawValue), SQLBind(day.iso)])
    }

    /// A short reference that professionals can say aloud: year and five characters.
    static func newReference(_ today: Day) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return "\(today.year)-" + String((0..<5).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
