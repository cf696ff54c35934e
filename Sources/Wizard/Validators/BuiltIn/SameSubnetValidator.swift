import Foundation
import Lessons

/// `same-subnet`: the address is a usable host address inside the subnet and not the gateway (decided
/// here; runs nothing).
public struct SameSubnetValidator: Validator {
    public static let spec = ValidatorSpec("same-subnet", arguments: [.required("ip", .address), .required("subnet", .subnet), .optional("gateway", .address)],
                                           summary: "the address lies inside the subnet, is a usable host address (not the network or broadcast address) and is not the gateway")

    public var ip: IPv4Address
    public var subnet: IPv4Network
    public var gateway: IPv4Address?

    public init(_ arguments: ValidatorArguments) throws {
        ip = try arguments.address("ip")
        subnet = try arguments.network("subnet")
        gateway = try arguments.optionalAddress("gateway")
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        let title = "same-subnet \(ip)"
        let expected = "a host address inside \(subnet)"
        if let fault = subnet.hostAddressFault(ip) {
            return .fail(title, expected: expected, found: fault == .outside ? "\(ip) is outside it" : "\(ip) is its \(fault.rawValue) address")
        }
        if ip == gateway {
            return .fail(title, expected: expected + ", not the gateway", found: "\(ip) is the gateway's address")
        }
        return .pass(title, expected: expected, found: ip.description)
    }
}
