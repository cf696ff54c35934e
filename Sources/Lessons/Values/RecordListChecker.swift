/// Checks the records of a list input: each field's type, `unique` fields, `same-subnet-as`, and `min`/`max`.
public enum RecordListChecker {
    /// One problem: its message (naming the record, 1-based, and the field) and the record's 0-based index.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var record: Int?
        public var description: String { message }
    }

    /// Every problem, each naming the record (1-based) and field it is about.
    /// `subnets` gives the values of the `cidr` inputs that `same-subnet-as` may name.
    public static func problems(
        with records: [[String: String]], as declaration: InputDeclaration, subnets: [String: String] = [:]
    ) -> [Problem] {
        var problems: [Problem] = []
        if let min = declaration.min, records.count < min {
            problems.append(Problem(message: "\(declaration.name) needs at least \(min) records, has \(records.count)", record: nil))
        }
        if let max = declaration.max, records.count > max {
            problems.append(Problem(message: "\(declaration.name) allows at most \(max) records, has \(records.count)", record: nil))
        }
        for (index, record) in records.enumerated() {
            for key in record.keys.sorted() where declaration.field(named: key) == nil {
                problems.append(Problem(message: "record \(index + 1): unknown field '\(key)'", record: index))
            }
            for field in declaration.fields {
                guard let value = record[field.name] else {
                    problems.append(Problem(message: "record \(index + 1): missing field '\(field.name)'", record: index))
                    continue
                }
                if field.detect != nil && value == "auto" { continue }  // detected on the node when needed
                if let problem = InputValueChecker.problem(with: value, as: field) {
                    problems.append(Problem(message: "record \(index + 1): \(field.name): \(problem)", record: index))
                } else if let problem = subnetProblem(value, field: field, subnets: subnets) {
                    problems.append(Problem(message: "record \(index + 1): \(field.name): \(problem)", record: index))
                }
            }
        }
        for field in declaration.fields where field.unique {
            var seen: [String: Int] = [:]
            for (index, record) in records.enumerated() {
                guard let value = record[field.name] else { continue }
                let key = field.type == .hostname ? value.lowercased() : value
                if let first = seen[key] {
                    problems.append(Problem(message: "record \(index + 1): \(field.name) '\(value)' is already used by record \(first + 1)", record: index))
                } else {
                    seen[key] = index
                }
            }
        }
        return problems
    }

    /// The reason an address is outside its `same-subnet-as` subnet, or nil.
    public static func subnetProblem(_ value: String, field: InputDeclaration, subnets: [String: String]) -> String? {
        guard let subnetName = field.sameSubnetAs, let subnetText = subnets[subnetName],
              let subnet = IPv4Network(subnetText), let address = IPv4Address(value) else { return nil }
        if !subnet.contains(address) { return "\(value) is outside the subnet \(subnet) (\(subnetName))" }
        if !subnet.isUsableHost(address) {
            return "\(value) is the \(address == subnet.network ? "network" : "broadcast") address of \(subnet), not a host address"
        }
        return nil
    }
}
