import Lessons

/// The files an ssh validator's own login reads, when the lesson names them: a client configuration
/// (`ssh-config`: ssh's `-F`, `none` for none, so that `~/.ssh/config` plays no part) and a
/// `known_hosts` (`known-hosts`: the hosts' keys that login trusts). Without them ssh reads the user's own.
public struct SSHClientFiles: Sendable, Hashable {
    public var config: String?
    public var knownHosts: String?

    /// The validator arguments that name them, for a spec.
    public static let arguments: [ValidatorArgumentSpec] = [.optional("ssh-config"), .optional("known-hosts")]

    public init(_ arguments: ValidatorArguments) throws {
        config = try arguments.optional("ssh-config")
        knownHosts = try arguments.optional("known-hosts")
    }

    /// ssh's options for them. A known_hosts path is written in double quotes inside its option, as ssh
    /// reads a path with spaces there (it takes several files, split at spaces).
    public var options: [String] {
        (config.map { ["-F", $0] } ?? []) + (knownHosts.map { ["-o", "UserKnownHostsFile=\"\($0)\""] } ?? [])
    }
}
