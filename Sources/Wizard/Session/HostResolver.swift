import Lessons

/// Decides which machine a block runs on: this one, the master, or the loop's node.
///
/// A node's address is its record's address field (the list's first `ipv4` field, else its first
/// `hostname` field). The master is the record the lesson's `hosts: master` names; without one, this
/// machine is the master. A host whose address is one of this machine's own runs here, without ssh.
/// The login user is the `hosts: login` input's value, else ssh's default.
public struct HostResolver: Sendable {
    public var lesson: Lesson
    public var localAddresses: Set<String>

    public init(lesson: Lesson, localAddresses: Set<String>) {
        self.lesson = lesson
        self.localAddresses = localAddresses
    }

    /// The host for a block, nil for this machine.
    public func host(for target: Target, item: LoopItem?, inputs: [String: InputValue]) -> RemoteHost? {
        let user = lesson.loginUser(in: inputs)
        switch target {
        case .local, .console, .lab:
            return nil
        case .node:
            guard let address = item?.address else { return nil }
            return remote(address, user: user)
        case .master:
            guard let address = masterAddress(inputs: inputs) else { return nil }
            return remote(address, user: user)
        }
    }

    /// The address of the master's record (`hosts: master`), if the lesson declares one.
    public func masterAddress(inputs: [String: InputValue]) -> String? {
        guard let (record, list) = lesson.masterRecord(in: inputs) else { return nil }
        return record.address(in: list)
    }

    private func remote(_ address: String, user: String?) -> RemoteHost? {
        localAddresses.contains(address) ? nil : RemoteHost(address: address, user: user)
    }
}
