import Lessons

/// Decides which machine a block runs on: this one, the master, or the loop's node.
///
/// A node's address is its record's `ip` field (else `hostname`). The master is the record whose `role`
/// is `master` in a list input that has a `role` field; without one, this machine is the master. A host
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
    public func host(for target: Target, record: [String: String]?, inputs: [String: InputValue]) -> RemoteHost? {
        let user = inputs["user"]?.text
        switch target {
        case .local, .console, .lab:
            return nil
        case .node:
            guard let record, let address = Self.address(of: record) else { return nil }
            return remote(address, user: user)
        case .master:
            guard let address = masterRecord(inputs: inputs).flatMap(Self.address) else { return nil }
            return remote(address, user: user)
        }
    }

    /// The record with `role: master`, if the lesson's nodes have roles.
    public func masterRecord(inputs: [String: InputValue]) -> [String: String]? {
        for input in lesson.inputs where input.type == .list && input.field(named: "role") != nil {
            if let record = inputs[input.name]?.records?.first(where: { $0["role"] == "master" }) { return record }
        }
        return nil
    }

    /// A record's address: `ip`, else `hostname`.
    public static func address(of record: [String: String]) -> String? {
        record["ip"] ?? record["hostname"]
    }

    private func remote(_ address: String, user: String?) -> RemoteHost? {
        localAddresses.contains(address) ? nil : RemoteHost(address: address, user: user)
    }
}
