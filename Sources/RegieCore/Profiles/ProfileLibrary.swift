import Foundation

/// The workflow profiles Regie ships, loaded from the JSON files in `Profiles/Data`.
public struct ProfileLibrary: Sendable {
    public let profiles: [WorkflowProfile]

    public init(profiles: [WorkflowProfile]) { self.profiles = profiles }

    /// Errors that make a profile file unusable; shipped files are checked by tests.
    public enum LoadError: Error, CustomStringConvertible {
        case missingDirectory
        case invalid(file: String, reason: String)

        public var description: String {
            switch self {
            case .missingDirectory: return "Profile data directory is missing from the bundle"
            case .invalid(let file, let reason): return "Profile \(file) is invalid: \(reason)"
            }
        }
    }

    /// Loads every `*.json` file from the bundled profile directory, sorted by name.
    public static func bundled() throws -> ProfileLibrary {
        guard let url = Bundle.module.url(forResource: "Data", withExtension: nil) else {
            throw LoadError.missingDirectory
        }
        return try load(directory: url)
    }

    /// The bundled profiles together with an operator's own directory of profile files, if given: an operator's
    /// file with a bundled profile's code replaces it, others are added.
    public static func bundled(operatorDirectory: URL?) throws -> ProfileLibrary {
        let bundled = try bundled()
        guard let operatorDirectory else { return bundled }
        let own = try load(directory: operatorDirectory)
        let replaced = Set(own.profiles.map(\.code))
        return ProfileLibrary(
            profiles: (bundled.profiles.filter { !replaced.contains($0.code) } + own.profiles).sorted {
                $0.code < $1.code
            })
    }

    /// Loads profiles from a directory (also used for an operator's own profile files).
    public static func load(directory: URL) throws -> ProfileLibrary {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let decoder = JSONDecoder()
        let profiles = try files.map { file in
            do {
                return try decoder.decode(WorkflowProfile.self, from: Data(contentsOf: file))
            } catch {
                throw LoadError.invalid(file: file.lastPathComponent, reason: "\(error)")
            }
        }
        return ProfileLibrary(profiles: profiles)
    }

    public func profile(code: String) -> WorkflowProfile? { profiles.first { $0.code == code } }

    /// The profile a network works by, with the settings its administrator changed for that network applied.
    public func profile(for network: Network) -> WorkflowProfile? {
        profile(code: network.profileCode)?.applying(network.profileOverrides)
    }
}
