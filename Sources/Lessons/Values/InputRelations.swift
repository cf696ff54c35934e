/// The rules that relate an input to other inputs: an address lies in a subnet input and is one of
/// its host addresses (`same-subnet-as`), and is not another address input (`distinct-from`: a node
/// is not the gateway). They hold for a scalar address and for every record of a list's address field.
///
/// Checked on the lesson's defaults by the parser, and by the wizard whenever an input that a rule
/// relates is given or changed (`--var`, `--vars`, the environment, the prompt, `set`), so that a
/// broken rule is refused before anything runs.
public struct InputRelations: Sendable {
    public let inputs: [InputDeclaration]

    public init(inputs: [InputDeclaration]) {
        self.inputs = inputs
    }

    /// One broken rule: its message (naming both inputs and the rule), the input declaring the rule,
    /// and for a list the record (0-based) it is about.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var input: String
        public var record: Int?
        public var description: String { message }
    }

    /// The broken rules among `values` (an input without a value has its default), only those that
    /// relate `changed` when it is given.
    public func problems(in values: [String: InputValue], involving changed: String? = nil) -> [Problem] {
        var problems: [Problem] = []
        for input in inputs {
            for field in input.type == .list ? input.fields : [input] {
                let related = [input.name, field.sameSubnetAs, field.distinctFrom].compactMap { $0 }
                guard changed.map(related.contains) ?? true, field.sameSubnetAs != nil || field.distinctFrom != nil else { continue }
                for (record, address, subject) in addresses(of: field, in: input, values: values) {
                    if let problem = problem(address, field: field, values: values) {
                        problems.append(Problem(message: "\(subject) \(problem)", input: input.name, record: record))
                    }
                }
            }
        }
        return problems
    }

    /// The addresses a rule applies to: the input's value, or each record's field, with what a
    /// message calls it (`gateway`, `nodes record 2 (raspi2): ip`).
    private func addresses(of field: InputDeclaration, in input: InputDeclaration, values: [String: InputValue]) -> [(Int?, String, String)] {
        let value = values[input.name] ?? input.defaultValue
        guard input.type == .list else { return value?.text.map { [(nil, $0, input.name)] } ?? [] }
        return (value?.records ?? []).enumerated().compactMap { index, record in
            guard let address = record[field.name], !(field.detect != nil && address == "auto") else { return nil }
            return (index, address, "\(input.name) \(RecordListChecker.recordName(record, at: index, of: input)): \(field.name)")
        }
    }

    /// Why `address` breaks `field`'s rules, or nil; a value that is not an address is the type's to refuse.
    private func problem(_ value: String, field: InputDeclaration, values: [String: InputValue]) -> String? {
        guard let address = IPv4Address(value) else { return nil }
        if let name = field.sameSubnetAs, let subnetText = text(of: name, values), let subnet = IPv4Network(subnetText) {
            if !subnet.contains(address) { return "\(value) is outside the subnet \(subnet) (\(field.name) must be in \(name))" }
            if !subnet.isUsableHost(address) {
                return "\(value) is the \(address == subnet.network ? "network" : "broadcast") address of \(subnet) (\(name)), not a host address"
            }
        }
        if let name = field.distinctFrom, let other = text(of: name, values).flatMap(IPv4Address.init), other == address {
            return "\(value) is also \(name) (\(field.name) must not be \(name))"
        }
        return nil
    }

    private func text(of name: String, _ values: [String: InputValue]) -> String? {
        values[name]?.text ?? inputs.first { $0.name == name }?.defaultValue?.text
    }
}
