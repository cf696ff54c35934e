import Foundation
import Lessons

/// A validator's arguments, read by their declared kinds: defaults from the spec, and an error that names
/// the argument and the rule when a value is missing or not of its kind.
public struct ValidatorArguments: Sendable {
    public let values: [String: String]
    public let spec: ValidatorSpec

    public init(_ values: [String: String], spec: ValidatorSpec) {
        self.values = values
        self.spec = spec
    }

    /// The value given, else the spec's default; nil for an optional argument without either.
    /// Throws for a required argument left out or empty, and for a value not of its kind.
    public func optional(_ name: String) throws -> String? {
        guard let argument = spec.argument(named: name) else {
            throw ValidatorError.badArgument("validator '\(spec.name)' has no argument '\(name)'")
        }
        let given = values[name].flatMap { $0.isEmpty ? nil : $0 }
        guard let value = given ?? argument.defaultValue else {
            if argument.required { throw ValidatorError.badArgument("missing argument '\(name)'") }
            return nil
        }
        if let problem = argument.kind.problem(with: value) { throw ValidatorError.badArgument("argument '\(name)': \(problem)") }
        return value
    }

    public func text(_ name: String) throws -> String {
        guard let value = try optional(name) else { throw ValidatorError.badArgument("missing argument '\(name)'") }
        return value
    }

    public func flag(_ name: String) throws -> Bool {
        try optional(name).flatMap(ValidatorArgumentKind.flag) ?? false
    }

    public func number(_ name: String) throws -> Int {
        let value = try text(name)
        guard let number = Int(value) else { throw ValidatorError.badArgument("argument '\(name)': '\(value)' is not a whole number") }
        return number
    }

    public func size(_ name: String) throws -> UInt64? {
        try optional(name).flatMap(ByteSize.parse)
    }

    /// An `address` argument, parsed (its kind is checked first: a refusal names the rule).
    public func address(_ name: String) throws -> IPv4Address {
        guard let address = try optionalAddress(name) else { throw ValidatorError.badArgument("missing argument '\(name)'") }
        return address
    }

    /// An optional `address` argument, parsed; nil when left out.
    public func optionalAddress(_ name: String) throws -> IPv4Address? {
        guard let value = try optional(name) else { return nil }
        guard let address = IPv4Address(value) else { throw ValidatorError.badArgument("argument '\(name)': '\(value)' is not an IPv4 address") }
        return address
    }

    /// A `subnet` argument, parsed.
    public func network(_ name: String) throws -> IPv4Network {
        let value = try text(name)
        guard let network = IPv4Network(value) else { throw ValidatorError.badArgument("argument '\(name)': '\(value)' is not a subnet such as 192.168.1.0/24") }
        return network
    }

    public func words(_ name: String) throws -> [String] {
        try text(name).split(separator: " ").map(String.init)
    }

    public func pattern(_ name: String) throws -> NSRegularExpression {
        let value = try text(name)
        do { return try NSRegularExpression(pattern: value, options: [.anchorsMatchLines]) } catch {
            throw ValidatorError.badArgument("argument '\(name)': '\(value)' is not a regular expression")
        }
    }
}
