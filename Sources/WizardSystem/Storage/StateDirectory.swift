import Foundation

/// Where piwizard keeps per-user state (progress, transcripts, the prompt's history):
/// `$XDG_STATE_HOME/piwizard` when it is absolute (as the XDG base directory spec says), else
/// `$HOME/.local/state/piwizard` (the account's home when `HOME` is not absolute), created with mode
/// 0700. The one place this is decided; `--state-dir` and `PIWIZARD_STATE_DIR` replace it.
public enum StateDirectory {
    /// The folder for an environment, without creating it.
    public static func url(environment: [String: String]) -> URL {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("piwizard")
        }
        let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/piwizard")
    }

    /// The prompt's readline history in the state folder `folder`.
    public static func historyFile(in folder: URL) -> URL {
        folder.appendingPathComponent("history", isDirectory: false)
    }

    /// The folder, created (with its parents) if needed, mode 0700.
    public static func create(environment: [String: String]) throws -> URL {
        let url = url(environment: environment)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return url
    }
}
