import Foundation
import Lessons

/// `same-subnet`: the address is a usable host address inside the subnet and not the gateway (decided
/// here; runs nothing).
public struct SameSubnetValidator: Validator {
    public static let spec = ValidatorSpec("same-subnet", arguments: [.required("ip"), .required("subnet"), .optional("gateway")],
                                           summary: "the address lies inside the subnet, is a usable host address (not the network or broadcast address) and is not the gateway")

    public var ip: String
    public var subnet: String
    public var gateway: String?

    public init(_ arguments: ValidatorArguments) throws {
        ip = try arguments.text("ip")
        subnet = try arguments.text("subnet")
        gateway = try arguments.optional("gateway")
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        let title = "same-subnet \(ip)"
        guard let address = IPv4Address(ip) else { return .fail(title, expected: "an IPv4 address", found: "'\(ip)'") }
        guard let network = IPv4Network(subnet) else { return .fail(title, expected: "a subnet such as 192.168.1.0/24", found: "'\(subnet)'") }
        let expected = "a host address inside \(network)"
        if let fault = network.hostAddressFault(address) {
            return .fail(title, expected: expected, found: fault == .outside ? "\(ip) is outside it" : "\(ip) is its \(fault.rawValue) address")
        }
        if let gateway, IPv4Address(gateway) == address {
            return .fail(title, expected: expected + ", not the gateway", found: "\(ip) is the gateway's address")
        }
        return .pass(title, expected: expected, found: ip)
    }
}
