import Lessons

/// The address a node's card gives its wired interface: what the lab applies when the node boots,
/// as the node's network service would.
public struct NetworkSettings: Sendable, Hashable {
    /// The static address, nil when the card asks for DHCP (the lab has no DHCP server).
    public var address: IPv4Address?
    /// The prefix length of `address` (24 for 255.255.255.0).
    public var prefixLength: Int
    /// The default route, if the card names one.
    public var gateway: IPv4Address?
    /// The card file it came from, e.g. `/etc/dhcpcd.conf`.
    public var source: String

    public init(address: IPv4Address?, prefixLength: Int = 24, gateway: IPv4Address? = nil, source: String) {
        self.address = address
        self.prefixLength = prefixLength
        self.gateway = gateway
        self.source = source
    }

    /// Shell assignments for the node's init: `address=… prefix=… gateway=… source=…`. Every value is
    /// an address, a number or a fixed path, so the line is safe to `eval`.
    public var shellAssignments: String {
        "address=\(address?.description ?? "") prefix=\(prefixLength) gateway=\(gateway?.description ?? "") source=\(source)"
    }
}

/// A mistake in a card's network configuration, with the file and line.
public struct NetworkSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String { "\(file):\(line): \(message)" }
}
