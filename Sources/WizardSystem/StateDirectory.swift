import Foundation

/// Where piwizard keeps per-user state (history, progress): `$XDG_STATE_HOME/piwizard`, else
/// `~/.local/state/piwizard`, created with mode 0700.
public enum StateDirectory {
    /// The folder for an environment, without creating it.
    public static func url(environment: [String: String]) -> URL {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("piwizard")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/piwizard")
    }

    /// The folder, created (with its parents) if needed, mode 0700.
    public static func create(environment: [String: String]) throws -> URL {
        let url = url(environment: environment)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return url
    }
}
