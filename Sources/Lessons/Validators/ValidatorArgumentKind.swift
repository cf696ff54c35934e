import Foundation

/// The kind of value a validator argument takes, and the one rule that says whether a value is one.
/// Lint applies it to values without templates; the runtime applies it to every value once filled in.
public enum ValidatorArgumentKind: Sendable, Hashable {
    /// Any text: a path, a host, a command.
    case text
    /// `true` or `false` (`yes` and `no` are read the same way).
    case flag
    /// A whole number in a range.
    case number(ClosedRange<Int>)
    /// A size such as `8G`, `512M` or `4096` (bytes, binary units).
    case size
    /// Words separated by spaces (hosts, hostnames).
    case words
    /// An extended regular expression.
    case pattern
    /// One of a few words.
    case choice([String])
    /// A host name or address alone: a port or a user written into it (`[10.0.0.1]:2222`,
    /// `pi@raspi2`) is refused, naming the argument that takes it.
    case host
    /// An IPv4 address (`ValidatorArguments.address`).
    case address
    /// An IPv4 subnet such as `192.168.1.0/24` (`ValidatorArguments.network`).
    case subnet

    /// Why `value` is not of this kind, or nil when it is.
    public func problem(with value: String) -> String? {
        switch self {
        case .text, .words: return nil
        case .flag: return Self.flag(value) == nil ? "'\(value)' is not true or false" : nil
        case .number(let range):
            guard let number = Int(value), range.contains(number) else { return "'\(value)' is not a whole number from \(range.lowerBound) to \(range.upperBound)" }
            return nil
        case .size: return ByteSize.parse(value) == nil ? "'\(value)' is not a size such as 8G, 512M or 4096" : nil
        case .pattern:
            return (try? NSRegularExpression(pattern: value)) == nil ? "'\(value)' is not a regular expression" : nil
        case .choice(let words):
            return words.contains(value) ? nil : "'\(value)' is not one of \(words.joined(separator: ", "))"
        case .host:
            return Self.hostProblem(value)
        case .address:
            return IPv4Address(value) == nil ? NameAndAddressRules.addressProblem(value) : nil
        case .subnet:
            return NameAndAddressRules.subnetProblem(value)
        }
    }

    /// Whether every value an input of `type` may hold is of this kind, so that an argument written as
    /// that input alone (`ip: "{{node.ip}}"`) can be trusted before it is filled in. Free text
    /// (`string`, `choice`, `secret`) may hold anything: its value is checked when the session fills it in.
    public func takes(_ type: InputType) -> Bool {
        if [.string, .choice, .secret].contains(type) { return true }
        switch self {
        case .text, .words, .pattern, .choice: return true
        case .flag: return type == .bool
        case .number, .size: return type == .int
        case .host: return type == .ipv4 || type == .hostname
        case .address: return type == .ipv4
        case .subnet: return type == .cidr
        }
    }

    /// What the kind is, for a message: "an IPv4 address".
    public var described: String {
        switch self {
        case .text: "text"
        case .flag: "true or false"
        case .number(let range): "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .size: "a size"
        case .words: "words"
        case .pattern: "a regular expression"
        case .choice(let words): "one of " + words.joined(separator: ", ")
        case .host: "a host name or address"
        case .address: "an IPv4 address"
        case .subnet: "a subnet such as 192.168.1.0/24"
        }
    }

    /// Why a host argument holds more than a host: a user (`pi@raspi2`) or a port (`[10.0.0.1]:2222`,
    /// `raspi2:2222`; an IPv6 address's own colons are not a port).
    static func hostProblem(_ value: String) -> String? {
        if value.contains("@") { return "'\(value)' holds a user: give the host alone (a validator that logs in takes the user as its argument user)" }
        let colons = value.filter { $0 == ":" }.count
        if value.hasPrefix("[") || colons == 1 {
            return "'\(value)' holds a port: give the host alone, and the port as the argument port"
        }
        return nil
    }

    /// A flag's value: true for `true`/`yes`, false for `false`/`no`, nil for anything else.
    public static func flag(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: return nil
        }
    }
}
