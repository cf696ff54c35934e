/// Checks the records of a list input by themselves: each field's type, `unique` fields, and
/// `min`/`max`. Rules that relate a field to other inputs are `InputRelations`.
public enum RecordListChecker {
    /// One problem: its message (naming the record, 1-based, its name, and the field) and the
    /// record's 0-based index.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var record: Int?
        public var description: String { message }
    }

    /// Every problem, each naming the record and field it is about.
    public static func problems(with records: [[String: String]], as declaration: InputDeclaration) -> [Problem] {
        var problems: [Problem] = []
        if let min = declaration.min, records.count < min {
            problems.append(Problem(message: "\(declaration.name) needs at least \(min) records, has \(records.count)", record: nil))
        }
        if let max = declaration.max, records.count > max {
            problems.append(Problem(message: "\(declaration.name) allows at most \(max) records, has \(records.count)", record: nil))
        }
        for (index, record) in records.enumerated() {
            let name = recordName(record, at: index, of: declaration)
            for key in record.keys.sorted() where declaration.field(named: key) == nil {
                problems.append(Problem(message: "\(name): unknown field '\(key)'", record: index))
            }
            for field in declaration.fields {
                guard let value = record[field.name] else {
                    problems.append(Problem(message: "\(name): missing field '\(field.name)'", record: index))
                    continue
                }
                if field.detect != nil && value == "auto" { continue }  // detected on the node when needed
                if let problem = InputValueChecker.problem(with: value, as: field) {
                    problems.append(Problem(message: "\(name): \(field.name): \(problem)", record: index))
                }
            }
        }
        for field in declaration.fields where field.unique {
            var seen: [String: Int] = [:]
            for (index, record) in records.enumerated() {
                guard let value = record[field.name] else { continue }
                let key = field.type == .hostname ? value.lowercased() : value
                if let first = seen[key] {
                    let name = recordName(record, at: index, of: declaration)
                    let other = recordName(records[first], at: first, of: declaration)
                    problems.append(Problem(message: "\(name): \(field.name) '\(value)' is already used by \(other)", record: index))
                } else {
                    seen[key] = index
                }
            }
        }
        return problems
    }

    /// How a message names a record: its position from 1, and the name in its name field when that
    /// name is valid (`record 3 (raspi3)`).
    public static func recordName(_ record: [String: String], at index: Int, of declaration: InputDeclaration) -> String {
        guard let field = declaration.nameField.flatMap(declaration.field(named:)), let name = record[field.name],
              InputValueChecker.problem(with: name, as: field) == nil else { return "record \(index + 1)" }
        return "record \(index + 1) (\(name))"
    }
}
