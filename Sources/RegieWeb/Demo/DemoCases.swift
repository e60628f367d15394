import Foundation
import RegieCore
import RegieStore

/// Households in every phase of the process for each demo network — a new signal, an information round, a running
/// plan, stalled care, an escalation, a closed case, aftercare and a reopened case — written through the same
/// stores and access guard as the screens, back-dated so that the norms, worklists and figures have something to
/// show. Every person, address and story is made up.
enum DemoCases {
    /// The phases a demo network shows, in the order of the process.
    enum Story: Int, CaseIterable {
        case newSignal, informationRound, plan, stalled, escalated, closed, aftercare, reopened

        /// A made-up family name per story, the same in every network (identity matching works per network).
        var familyName: String {
            ["Verzonnen", "Proefhuis", "Bedachtsma", "Stilstra", "Oefenaar", "Voorbeeldt", "Nazorgh", "Terugkamp"][
                rawValue]
        }

        /// Calendar days between the signal and today.
        var signalledDaysAgo: Int { [1, 9, 80, 210, 230, 560, 330, 420][rawValue] }
    }

    /// Who acts in a network's stories.
    struct Cast {
        let network: NetworkID
        let profile: WorkflowProfile
        let municipality: String
        let areas: [String]
        let director: AccessActor
        let caseDirector: UserAccount
        let caseDirectorActor: AccessActor
        let reporter: AccessActor
        let partner: UserAccount?
        let organisations: [OrganisationID]
    }

    static let givenNames = [
        "Sandra", "Kees", "Fatma", "Ruud", "Ilse", "Mohamed", "Petra", "Joris", "Naima", "Henk", "Esther", "Dirk",
        "Yvonne", "Bas",
    ]
    static let childNames = ["Milan", "Noor", "Sem", "Lotte", "Daan", "Yara", "Finn", "Zoë"]
    static let postcodes = [
        "Rotterdam": "3039", "Leeuwarden": "8921", "Enschede": "7543", "Venlo": "5912", "Zwolle": "8031",
        "Amsterdam": "1055", "Demostad": "1234",
    ]

    static let descriptions = [
        "Drie maanden huurachterstand; de kinderen zijn vaak afwezig op school. Moeder zegt hulp te willen.",
        "Buren melden al weken geschreeuw en een vervuilde galerij; de man lijkt verward en eet slecht.",
        "Schulden bij vier schuldeisers, een afgesloten energiecontract en een zoon die niet meer naar school gaat.",
        "Overlast door bezoek tot diep in de nacht; de huurder is somber en houdt afspraken met de GGZ niet aan.",
        "Dreigende huisuitzetting na een vonnis; alcoholgebruik, geen dagbesteding en een dochter met zorgen.",
        "Vader raakte zijn werk kwijt; post blijft ongeopend en de kinderen komen zonder ontbijt naar school.",
        "Oudere vrouw valt vaak, weigert thuiszorg en heeft een huurachterstand van twee maanden.",
        "Jong gezin in een te kleine woning; moeder heeft een verstandelijke beperking en loopt vast met de post.",
    ]
    static let planContexts = [
        "", "",
        "Het huishouden wil de schulden aanpakken en de kinderen weer naar school; één plan met de woningcorporatie.",
        "De huurder wil in de woning blijven; afspraken over rust in huis, dagbesteding en behandeling.",
        "Uithuiszetting voorkomen; behandeling voor het alcoholgebruik en steun voor de dochter.",
        "Inkomen op orde en structuur voor de kinderen.",
        "Veilig thuis blijven wonen met hulp die mevrouw accepteert.",
        "Een grotere woning en vaste hulp bij de post en de financiën.",
    ]
    static let goals = [
        "Huurachterstand afgelost met een betalingsregeling", "De kinderen gaan elke dag naar school",
        "Vaste dagbesteding drie dagen per week", "Schulden in een traject bij de schuldhulp",
        "Behandeling gestart en afspraken nagekomen", "Geen klachten van buren meer",
    ]

    /// Writes every story for the network; `index` varies names and birth dates between networks.
    static func load(_ cast: Cast, index: Int, database: RegieDatabase, calendar: WorkingDayCalendar) async throws {
        for story in Story.allCases {
            try await DemoStory(
                cast: cast, story: story, household: .fixed(story, index: index, areas: cast.areas),
                database: database, calendar: calendar
            ).tell()
        }
    }
}
