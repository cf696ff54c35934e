/// A list's records written as text, as `--var`, `PIWIZARD_VAR_…` and the prompt take them: records
/// separated by `;` or new lines, each record's fields separated by spaces, in declaration order
/// (`raspi2 192.168.1.102 worker`).
public enum RecordLine {
    /// The records of `text`, or the first line that does not have one value per field.
    public static func records(from text: String, as input: InputDeclaration) -> Result<[InputRecord], InputProblem> {
        var records: [InputRecord] = []
        for line in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            switch record(from: line, as: input) {
            case .success(let record): records.append(record)
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(records)
    }

    /// One record from one line, or why the line is not one.
    public static func record(from line: some StringProtocol, as input: InputDeclaration) -> Result<InputRecord, InputProblem> {
        let words = String(line).split(separator: " ").map(String.init)
        let names = input.fields.map(\.name)
        guard words.count == names.count else {
            let shown = words.joined(separator: " ")
            return .failure(InputProblem(message: "each record needs \(names.count) values (\(names.joined(separator: " "))), got '\(shown)'", input: input.name))
        }
        return .success(InputRecord(Dictionary(uniqueKeysWithValues: zip(names, words))))
    }

    /// A record written as a line, its fields in declaration order (a prompt's pre-filled answer).
    public static func line(of record: InputRecord, as input: InputDeclaration) -> String {
        input.fields.map { record[$0.name] ?? "" }.joined(separator: " ")
    }
}
