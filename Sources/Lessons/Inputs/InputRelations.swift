/// The rules that relate an input to other inputs: an address lies in a subnet input and is one of
/// its host addresses (`same-subnet-as`), and is not another address input (`distinct-from`: a node
/// is not the gateway). They hold for a scalar address and for every record of a list's address field.
///
/// `InputSchema` checks them on the lesson's defaults and whenever an input that a rule relates is
/// given or changed (`--var`, `--vars`, the environment, the prompt, `set`), so that a broken rule is
/// refused before anything runs.
public struct InputRelations: Sendable {
    public let inputs: [InputDeclaration]

    public init(inputs: [InputDeclaration]) {
        self.inputs = inputs
    }

    /// The broken rules among `values` (an input without a value has its default), only those that
    /// relate `changed` when it is given. Each names both inputs and the rule; its input is the one
    /// declaring the rule, with the record for a list.
    public func problems(in values: [String: InputValue], involving changed: String? = nil) -> [InputProblem] {
        var problems: [InputProblem] = []
        for input in inputs {
            for field in input.type == .list ? input.fields : [input] {
                let related = [input.name, field.sameSubnetAs, field.distinctFrom].compactMap { $0 }
                guard changed.map(related.contains) ?? true, field.sameSubnetAs != nil || field.distinctFrom != nil else { continue }
                for (record, address, subject) in addresses(of: field, in: input, values: values) {
                    if let problem = problem(address, field: field, values: values) {
                        problems.append(InputProblem(message: "\(subject) \(problem)", input: input.name, record: record))
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
            guard let address = record[field.name], !field.awaitsDetection(address) else { return nil }
            return (index, address, "\(input.name) \(RecordListChecker.recordName(record, at: index, of: input)): \(field.name)")
        }
    }

    /// Why `address` breaks `field`'s rules, or nil; a value that is not an address is the type's to refuse.
    private func problem(_ value: String, field: InputDeclaration, values: [String: InputValue]) -> String? {
        guard let address = IPv4Address(value) else { return nil }
        if let name = field.sameSubnetAs, let subnet = text(of: name, values).flatMap(IPv4Network.init),
           let fault = subnet.hostAddressFault(address) {
            if fault == .outside { return "\(value) is outside the subnet \(subnet) (\(field.name) must be in \(name))" }
            return "\(value) is the \(fault.rawValue) address of \(subnet) (\(name)), not a host address"
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
