/// How piwizard reaches a lesson's other hosts, as the front matter's `hosts:` declares it:
///
/// ```yaml
/// hosts:
///   login: user                   # the input holding the user to log in as
///   master: nodes.role == master  # the record of `nodes` whose `role` is `master`
/// ```
///
/// A lesson without `login` logs in as ssh's default user; without `master`, `on=master` blocks run on
/// this machine. A node's address and name are its list's first `ipv4` and `hostname` fields.
public struct HostsDeclaration: Sendable, Hashable, Codable {
    /// The input holding the user piwizard logs in as on the other hosts.
    public var login: String?
    /// Which record is the master.
    public var master: MasterRecord?

    public init(login: String? = nil, master: MasterRecord? = nil) {
        self.login = login
        self.master = master
    }

    /// The record of the list input `list` whose `field` is `value`.
    public struct MasterRecord: Sendable, Hashable, Codable, CustomStringConvertible {
        public var list: String
        public var field: String
        public var value: String

        public init(list: String, field: String, value: String) {
            self.list = list
            self.field = field
            self.value = value
        }

        public var description: String { "\(list).\(field) == \(value)" }

        /// Whether `record` is the master's.
        public func matches(_ record: InputRecord) -> Bool { record[field] == value }
    }
}
