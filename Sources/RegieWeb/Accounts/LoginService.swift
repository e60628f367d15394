import Foundation
import RegieCore
import RegieStore

/// Checks passwords and codes, counts failures, locks accounts and throttles addresses.
public struct LoginService: Sendable {
    let database: RegieDatabase
    let hasher: PasswordHasher
    let configuration: RegieConfiguration

    /// What a login attempt leads to.
    public enum Outcome: Sendable, Equatable {
        case complete(UserAccount)
        case needsCode(UserAccount)
        case mustEnrol(UserAccount)
        case invalid
        case locked
        case throttled
    }

    public func attempt(email: String, password: String, address: String, now: Date = Date()) async throws -> Outcome {
        let normalised = EmailAddress.normalise(email)
        let windowStart = now.addingTimeInterval(-configuration.addressThrottleWindow.timeInterval)
        if try await LoginAttemptStore.failures(ip: address, since: windowStart, on: database.sql)
            >= configuration.addressThrottleLimit
        {
            return .throttled
        }
        guard let (user, credentials) = try await UserStore.findForLogin(email: normalised, on: database.sql) else {
            _ = try await hasher.verify(password, hash: PasswordHasher.decoyHash)
            try await record(normalised, address, success: false)
            return .invalid
        }
        if let until = user.lockedUntil, until > now {
            try await record(normalised, address, success: false)
            return .locked
        }
        guard try await hasher.verify(password, hash: credentials.passwordHash), user.active else {
            return try await fail(user, normalised, address, now: now)
        }
        try await database.write { db in
            try await UserStore.recordSuccessfulLogin(user.id, on: db)
            try await LoginAttemptStore.record(email: normalised, ip: address, success: true, on: db)
        }
        if user.totpEnabled { return .needsCode(user) }
        let roles = try await UserStore.roles(of: user.id, on: database.sql)
        if roles.contains(where: { configuration.totpRequiredRoles.contains($0.role) }) { return .mustEnrol(user) }
        return .complete(user)
    }

    /// Checks the second factor of a user whose password was accepted.
    public func verifyCode(_ code: String, user: UserAccount, address: String, now: Date = Date()) async throws
        -> Outcome
    {
        guard let credentials = try await UserStore.credentials(of: user.id, on: database.sql),
            let secret = credentials.totpSecret
        else { return .invalid }
        if let until = user.lockedUntil, until > now { return .locked }
        guard let step = TwoFactor.matchingStep(code: code, secret: secret, at: now),
            try await database.write({ try await UserStore.claimTOTPStep(user.id, step: step, on: $0) })
        else {
            return try await fail(user, user.email, address, now: now)
        }
        return .complete(user)
    }

    private func fail(_ user: UserAccount, _ email: String, _ address: String, now: Date) async throws -> Outcome {
        let lockUntil = now.addingTimeInterval(configuration.lockoutDuration.timeInterval)
        let threshold = configuration.lockoutThreshold
        let locked = try await database.write { db in
            try await LoginAttemptStore.record(email: email, ip: address, success: false, on: db)
            return try await UserStore.recordFailedLogin(user.id, lockAfter: threshold, lockUntil: lockUntil, on: db)
        }
        return locked ? .locked : .invalid
    }

    private func record(_ email: String, _ address: String, success: Bool) async throws {
        try await database.write { db in
            try await LoginAttemptStore.record(email: email, ip: address, success: success, on: db)
        }
    }
}
