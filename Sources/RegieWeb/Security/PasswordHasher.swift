import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing and checking, run on the thread pool so a slow hash never blocks other requests.
public struct PasswordHasher: Sendable {
    public let cost: UInt8

    public init(cost: UInt8) { self.cost = cost }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// A hash of a random password, checked when an e-mail address is unknown so that a wrong address
    /// takes as long as a wrong password and does not reveal which addresses exist.
    public static let decoyHash = Bcrypt.hash("decoy-\(UInt64.random(in: 0...UInt64.max))", cost: 12)
}
