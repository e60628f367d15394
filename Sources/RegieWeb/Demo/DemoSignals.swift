import Foundation
import RegieCore
import RegieStore

/// A few fictional signals so the signal list and "Mijn meldingen" show something on first start:
/// one in time, one past Enschede's 5-working-day norm, one crisis in Rotterdam.
enum DemoSignals {
    struct Spec {
        let profile: String
        let reporter: String
        let workingDaysAgo: Int
        let draft: SignalDraft
    }

    static func specs() -> [Spec] {
        [
            Spec(
                profile: "enschede", reporter: "pim@demo.regie.nl", workingDaysAgo: 2,
                draft: SignalDraft(
                    channel: .form,
                    persons: [
                        .init(
                            givenName: "Sandra", familyName: "Oosterhof", birthDate: Day("1984-06-12"),
                            relation: .parent),
                        .init(
                            givenName: "Milan", familyName: "Oosterhof", birthDate: Day("2013-09-30"), relation: .child),
                    ],
                    street: "Fictieflaan", houseNumber: "17", postcode: "7543 ZZ", city: "Enschede",
                    neighbourhood: "Wesselerbrink", concerns: ["wonen", "onderwijs", "welzijn"],
                    description:
                        "Drie maanden huurachterstand; Milan is vaak afwezig op school. Moeder zegt hulp te willen.",
                    origin: .environment)),
            Spec(
                profile: "enschede", reporter: "carla@demo.regie.nl", workingDaysAgo: 8,
                draft: SignalDraft(
                    channel: .phone,
                    persons: [
                        .init(
                            givenName: "Hendrik", familyName: "Verzonnen", birthDate: Day("1958-01-20"),
                            relation: .other)
                    ],
                    noFixedAddress: true, concerns: ["wonen", "zorg", "veiligheid"],
                    description: "Slaapt wisselend bij kennissen, valt vaak, wil geen hulp van de huisarts.",
                    householdInformed: false, notInformedReason: "Niet bereikbaar; geen vast adres of telefoon",
                    origin: .environment, urgency: .urgent)),
            Spec(
                profile: "rotterdam", reporter: "gert@demo.regie.nl", workingDaysAgo: 0,
                draft: SignalDraft(
                    channel: .phone,
                    persons: [
                        .init(
                            givenName: "Yusuf", familyName: "Demir-Testman", birthDate: Day("1990-11-02"),
                            relation: .parent)
                    ],
                    street: "Proefstraat", houseNumber: "4b", postcode: "3039 ZZ", city: "Rotterdam",
                    neighbourhood: "Liskwartier",
                    concerns: ["psychische_gezondheid", "veiligheid", "overlast"],
                    description:
                        "Buren horen al twee nachten schreeuwen en gebonk; man dreigt zichzelf iets aan te doen.",
                    householdInformed: false, notInformedReason: "Acuut; eerst veiligheid", origin: .environment,
                    urgency: .urgent, crisis: true)),
        ]
    }

    /// Records the demo signals; the demo loader calls this once, right after creating the region.
    static func load(accounts: AccountService, networks: [String: NetworkID], calendar: WorkingDayCalendar) async throws
    {
        let db = accounts.database
        for spec in specs() {
            guard let network = networks[spec.profile],
                let user = try await UserStore.findForLogin(email: spec.reporter, on: db.sql)?.user
            else { continue }
            let reporter = AccessActor(
                user: user.id, organisation: user.organisation,
                assignments: try await UserStore.roles(of: user.id, on: db.sql))
            let day = calendar.subtracting(workingDays: spec.workingDaysAgo, from: Day(Date()))
            let moment = Date().addingTimeInterval(-Double(Day(Date()).ordinal - day.ordinal) * 86_400)
            _ = try await db.write { tx in
                try await SignalStore.record(
                    spec.draft, network: network, household: HouseholdID(), reporter: reporter,
                    enteredBy: user.id, at: moment, on: tx)
            }
        }
    }
}
