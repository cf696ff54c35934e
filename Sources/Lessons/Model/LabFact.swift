/// A value the practice lab knows and fills in for an input that asks for it with `lab: FACT`. Other
/// inputs are filled by their declared kind: a `cidr` is the lab's subnet, a `block-device` its card
/// reader, the `sudo: true` secret the nodes' password, `hosts: login` the nodes' user, and the list
/// of hosts the lab's nodes.
public enum LabFact: String, Sendable, Hashable, Codable, CaseIterable {
    /// This computer's address on the lab's network: the nodes' router (an `ipv4` input).
    case router
    /// Where the card image is kept: a file in the lab's folder (a `path` input).
    case image
    /// What sets a node's address in the lab's release (`netplan`, `networkmanager`, `dhcpcd`,
    /// `interfaces`; a field of the list of hosts).
    case networkStack = "network-stack"

    /// Why the fact cannot fill `declaration` (a field when `isField`), or nil when it can.
    public func problem(for declaration: InputDeclaration, isField: Bool) -> String? {
        switch self {
        case .router:
            return declaration.type == .ipv4 && !isField ? nil : "fills an input of type ipv4 (not a field)"
        case .image:
            return declaration.type == .path && !isField ? nil : "fills an input of type path (not a field)"
        case .networkStack:
            return isField && [.choice, .string].contains(declaration.type) ? nil : "fills a field of type choice or string of the list of hosts"
        }
    }
}
