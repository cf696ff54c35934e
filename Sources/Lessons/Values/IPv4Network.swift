/// An IPv4 subnet in CIDR notation, e.g. `192.168.1.0/24`.
public struct IPv4Network: Sendable, Hashable, CustomStringConvertible {
    public var address: IPv4Address
    public var prefixLength: Int

    /// Parses `a.b.c.d/n`; the address may have host bits set (`192.168.1.5/24` names that host's subnet).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPv4Address(String(parts[0])),
              !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit), let length = Int(parts[1]), (0...32).contains(length)
        else { return nil }
        self.address = address
        self.prefixLength = length
    }

    public var mask: UInt32 { prefixLength == 0 ? 0 : UInt32.max << UInt32(32 - prefixLength) }
    public var network: IPv4Address { IPv4Address(address.value & mask) }
    public var broadcast: IPv4Address { IPv4Address(address.value | ~mask) }
    public var description: String { "\(network)/\(prefixLength)" }

    public func contains(_ host: IPv4Address) -> Bool { host.value & mask == network.value }

    /// Inside the subnet and neither its network nor its broadcast address (for prefixes up to /30).
    public func isUsableHost(_ host: IPv4Address) -> Bool {
        guard contains(host) else { return false }
        if prefixLength >= 31 { return true }
        return host != network && host != broadcast
    }

    /// Why `host` is not one of this subnet's host addresses, or nil when it is one: the one rule
    /// behind an input's `same-subnet-as` and the `same-subnet` check.
    public func hostAddressFault(_ host: IPv4Address) -> HostAddressFault? {
        if !contains(host) { return .outside }
        if isUsableHost(host) { return nil }
        return host == network ? .networkAddress : .broadcastAddress
    }

    /// How an address fails to be a subnet's host address.
    public enum HostAddressFault: String, Sendable {
        case outside
        case networkAddress = "network"
        case broadcastAddress = "broadcast"
    }

    /// The parts a template may ask of a `cidr` input: `{{subnet.prefix}}` and so on.
    public static let fieldNames = ["prefix", "netmask", "network", "broadcast"]

    /// The value of one of `fieldNames`, or nil for another name.
    public func field(_ name: String) -> String? {
        switch name {
        case "prefix": return String(prefixLength)
        case "netmask": return IPv4Address(mask).description
        case "network": return network.description
        case "broadcast": return broadcast.description
        default: return nil
        }
    }
}
