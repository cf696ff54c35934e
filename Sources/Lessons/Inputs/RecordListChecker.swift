/// Checks the records of a list input by themselves: each field's type, `unique` fields, and
/// `min`/`max`. Rules that relate a field to other inputs are `InputRelations`.
public enum RecordListChecker {
    /// Every problem, each naming the record (from 1, and its name) and the field it is about.
    public static func problems(with records: [InputRecord], as declaration: InputDeclaration) -> [InputProblem] {
        var problems: [InputProblem] = []
        func add(_ message: String, _ record: Int?) { problems.append(InputProblem(message: message, input: declaration.name, record: record)) }
        if let min = declaration.min, records.count < min {
            add("needs at least \(min) records, has \(records.count)", nil)
        }
        if let max = declaration.max, records.count > max {
            add("allows at most \(max) records, has \(records.count)", nil)
        }
        for (index, record) in records.enumerated() {
            let name = recordName(record, at: index, of: declaration, among: records)
            for key in record.fields.keys.sorted() where declaration.field(named: key) == nil {
                add("\(name): unknown field '\(key)'", index)
            }
            for field in declaration.fields {
                guard let value = record[field.name] else {
                    add("\(name): missing field '\(field.name)'", index)
                    continue
                }
                if field.awaitsDetection(value) { continue }  // detected on the node when needed
                if let problem = InputValueChecker.problem(with: value, as: field) {
                    add("\(name): \(field.name): \(problem)", index)
                }
            }
        }
        for field in declaration.fields where field.unique {
            var seen: [String: Int] = [:]
            for (index, record) in records.enumerated() {
                guard let value = record[field.name] else { continue }
                let key = field.type == .hostname ? value.lowercased() : value
                if let first = seen[key] {
                    let name = recordName(record, at: index, of: declaration, among: records)
                    let other = recordName(records[first], at: first, of: declaration)
                    add("\(name): \(field.name) '\(value)' is already used by \(other)", index)
                } else {
                    seen[key] = index
                }
            }
        }
        return problems
    }

    /// How a message names a record: its position from 1, and the name in its name field when that
    /// name is valid (`record 3 (raspi3)`) and, among `records`, not an earlier record's too: a record is
    /// never named by the value that is refused (`record 4`, not `record 4 (NODE2)`).
    public static func recordName(_ record: InputRecord, at index: Int, of declaration: InputDeclaration,
                                  among records: [InputRecord] = []) -> String {
        guard let field = declaration.nameField.flatMap(declaration.field(named:)), let name = record[field.name],
              InputValueChecker.problem(with: name, as: field) == nil else { return "record \(index + 1)" }
        let taken = records.prefix(index).contains { $0[field.name]?.lowercased() == name.lowercased() }
        return taken ? "record \(index + 1)" : "record \(index + 1) (\(name))"
    }
}
