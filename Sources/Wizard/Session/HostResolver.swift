import Lessons

/// Decides which machine a block runs on: this one, the master, or the loop's node.
///
/// A node's address is its record's address field (the list's first `ipv4` field, else its first
/// `hostname` field). The master is the record whose `role` is `master` in a list input that has a
/// `role` field; without one, this machine is the master. A host
/// whose address is one of this machine's own runs here, without ssh. The login user is the `user`
/// input when the lesson has one.
public struct HostResolver: Sendable {
    public var lesson: Lesson
    public var localAddresses: Set<String>

    public init(lesson: Lesson, localAddresses: Set<String>) {
        self.lesson = lesson
        self.localAddresses = localAddresses
    }

    /// The host for a block, nil for this machine.
    public func host(for target: Target, item: LoopItem?, inputs: [String: InputValue]) -> RemoteHost? {
        let user = inputs["user"]?.text
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

    /// The address of the record with `role: master`, if the lesson's nodes have roles.
    public func masterAddress(inputs: [String: InputValue]) -> String? {
        for input in lesson.inputs where input.type == .list && input.field(named: "role") != nil {
            if let record = inputs[input.name]?.records?.first(where: { $0["role"] == "master" }) {
                return input.addressField.flatMap { record[$0] }
            }
        }
        return nil
    }

    private func remote(_ address: String, user: String?) -> RemoteHost? {
        localAddresses.contains(address) ? nil : RemoteHost(address: address, user: user)
    }
}
