import Foundation
import HTTPTypes
import Hummingbird
import RegieCore
import RegieStore

/// The shared services every route uses: database, views, profiles, account and login services.
public struct WebApp: Sendable {
    public let database: RegieDatabase
    public let configuration: RegieConfiguration
    public let views: Views
    public let profiles: ProfileLibrary
    public let accounts: AccountService
    public let logins: LoginService
    public let routes: RouteTable
    /// Working days with Dutch public holidays, for every time norm.
    public let calendar = WorkingDayCalendar()
    /// Access contexts and overview rows of households, reused by list pages while a household's facts stand.
    let householdFacts = HouseholdFactsCache()
    /// The facts the figures count, per household, read again for the households that changed.
    let figureFactsLedger = FigureFactsLedger(capacity: 8)
    /// The figures counted from those facts per period, reused likewise.
    let networkFiguresCache = NetworkFiguresCache(capacity: 16)
    /// The dashboard's figures as HTML per scope, period, language and permission (`FigureReports`): ~20 kB each.
    let figureReports = FigureReports(capacity: 64)
    /// The part of each user's worklist that comes from the network's households, reused while nothing in the
    /// network changed. Sized for the users working at one moment in a region (a director's part is ~100 kB).
    let networkWorklists = StampedCache<NetworkWorklist.Slot, NetworkWorklist.Part>(capacity: 256)
    /// The worklist's rows as HTML per items, language and day: 256 director's lists of ~30 kB at most, 8 MB in all.
    let worklistRows = FragmentCache<WorklistRows>(capacity: 256, byteBudget: 8 << 20)
    /// The worklists' rows one by one, for a list rendered again after a change (some 4 MB at most).
    let worklistRow = RowCache<WorklistRows.Row>(generation: 4_096)
    /// Each user's signal list per filter, reused while nothing in the network changed.
    let signalLists = StampedCache<SignalListView.Slot, SignalListView.Derived>(capacity: 128)
    /// Open households per case director in each network, reused while nothing in the network changed.
    let caseloadCache = CaseloadCache(capacity: 64)
    /// The case page's facts per household while neither the household nor the directory changed: a meeting's
    /// cases, opened by everyone at the table.
    let caseFactsCache = CaseFactsCache(capacity: 256)
    /// The case page's body as HTML per facts, viewer's permissions, language and day (`CaseBody`): ~75 kB each.
    let caseBodies = FragmentCache<CaseBody>(capacity: 256, byteBudget: 16 << 20)
    /// Each network's people for the case page's choices, while the directory stands.
    let networkPeople = NetworkPeopleCache(capacity: 64)
    /// The networks of the page frame per set of networks (`nil`: every network, for administrators), kept under the
    /// directory's version.
    let frameNetworks = StampedCache<Set<NetworkID>?, [Network]>(capacity: 256)
    /// The organisations involved with each household as "Wie is betrokken?" answers, kept under the household's fact
    /// version and the directory's (a reporter or care-team member joining raises the one, a rename the other).
    let involvedOrganisations = StampedCache<HouseholdID, [String]>(capacity: 1024)
    /// The networks the norm watch went through, so an unchanged network is not judged again on the same day.
    let normWatchLedger = NormWatchLedger()

    public init(database: RegieDatabase, configuration: RegieConfiguration) async throws {
        self.database = database
        self.configuration = configuration
        self.views = try await Views.bundled()
        self.profiles = try ProfileLibrary.bundled(operatorDirectory: configuration.profileDirectory)
        let hasher = PasswordHasher(cost: configuration.bcryptCost)
        self.accounts = AccountService(database: database, hasher: hasher)
        self.logins = LoginService(database: database, hasher: hasher, configuration: configuration)
        self.routes = RouteTable()
    }

    /// The form body of a request (already collected by the CSRF check).
    func form(_ request: Request, _ context: AppRequestContext) async throws -> FormData {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        return FormData(body: String(buffer: body))
    }

    /// The client address used for throttling. Behind a proxy, the operator's proxy sets X-Forwarded-For.
    func address(of request: Request, _ context: AppRequestContext) -> String {
        if let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!]?.split(separator: ",").first {
            return String(forwarded).trimmingCharacters(in: .whitespaces)
        }
        return context.remoteAddress?.ipAddress ?? "unknown"
    }

    /// A page frame with the user's networks for the switcher.
    func page(_ titleKey: String, _ context: AppRequestContext, notice: String? = nil) async throws -> Page {
        var page = Page(title: views.translations.text(titleKey, context.locale), context: context, notice: notice)
        if let user = context.identity {
            page.networks = try await networks(of: user)
            let network = currentNetwork(context, among: page.networks)
            page.currentNetwork = network?.id
            if let network { await readFiguresAhead(network, for: user) }
            if let frame = user.frame {
                page.unread = frame.unread
            } else {
                page.unread = try await NotificationStore.unread(for: user.account.id, on: database.sql)
            }
        }
        return page
    }

    /// The networks `user` works in (every network for an administrator), kept under the directory's version read
    /// with the user: every change to a network raises it. Signal intake over the API finds its network here too.
    func networks(of user: SignedInUser) async throws -> [Network] {
        let db = database.sql
        let read: @Sendable () async throws -> [Network] = {
            user.isAdministrator
                ? try await NetworkStore.all(on: db) : try await NetworkStore.all(user.actor.networks, on: db)
        }
        guard let frame = user.frame else { return try await read() }
        let slot = user.isAdministrator ? nil : user.actor.networks
        return try await frameNetworks.value(of: slot, stamp: "\(frame.directory)", day: Day(Date()), derive: read)
    }

    /// The network chosen in the switcher, or the user's first.
    func currentNetwork(_ context: AppRequestContext, among networks: [Network]) -> Network? {
        let chosen = context.sessions.session?.networkID
        return networks.first { $0.id.rawValue == chosen } ?? networks.first
    }

    /// Makes the network of the household on screen the one the user works in, when they hold a role there: a case
    /// or signal opened from a message, a notification or a colleague's link may belong to another of their networks,
    /// and the switcher, the menu and "Start" should then be that network's. The session is written only on a change.
    func follow(_ network: NetworkID, _ context: AppRequestContext) {
        guard let user = context.identity, !user.actor.roles(in: network).isEmpty,
            context.sessions.session?.networkID != network.rawValue
        else { return }
        context.sessions.withLockedSession { $0?.networkID = network.rawValue }
    }

    /// The user's TOTP secret, created on first need (not yet enabled).
    func ensureTOTPSecret(for user: UserAccount) async throws -> String {
        if let secret = try await UserStore.credentials(of: user.id, on: database.sql)?.totpSecret { return secret }
        let secret = TwoFactor.makeSecret()
        try await database.write { db in try await UserStore.setTOTP(user.id, secret: secret, enabled: false, on: db) }
        return secret
    }

    /// Turns TOTP on once the user typed a correct code from their app.
    func confirmTOTP(code: String, user: UserAccount) async throws -> Bool {
        guard let secret = try await UserStore.credentials(of: user.id, on: database.sql)?.totpSecret,
            let step = TwoFactor.matchingStep(code: code, secret: secret)
        else { return false }
        return try await database.write { db in
            guard try await UserStore.claimTOTPStep(user.id, step: step, on: db) else { return false }
            try await UserStore.setTOTP(user.id, secret: secret, enabled: true, on: db)
            try await AdminLogStore.append(
                actor: user.id, entity: "user", entityID: user.id.rawValue,
                action: "totp_enabled", details: user.email, on: db)
            return true
        }
    }

    func totpValues(secret: String, user: UserAccount) -> [String: Any] {
        [
            "key": TwoFactor.displayKey(for: secret),
            "url": TwoFactor.authenticatorURL(secret: secret, account: user.email, issuer: configuration.totpIssuer),
        ]
    }
}
