import Foundation
import Lessons
import Yams

/// A `--vars` file: a YAML (or JSON) mapping from input names to values, read strictly. Every refusal
/// names the file, the line, the input and what was expected; nothing YAML reads as "no value" (`~`,
/// `null`) or as something other than text (`!!binary`) becomes a value.
struct VarsFile {
    let path: String

    /// The values the file gives, each read by the lesson's schema, with the line that gives it.
    func values(for lesson: Lesson, schema: InputSchema) throws -> [String: (value: InputValue, source: InputSource)] {
        let text = try contents()
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            let failure = YAMLFailure(error)
            throw refusal(failure.line, "this is not YAML or JSON: \(failure.problem)")
        }
        guard let root else { return [:] }   // an empty file gives nothing
        guard let mapping = root.mapping else { throw refusal(line(of: root), "the file must map input names to values, e.g. user: pi") }
        var values: [String: (value: InputValue, source: InputSource)] = [:]
        for (key, node) in mapping {
            guard let name = key.scalar?.string else { throw refusal(line(of: key), "an input's name must be a plain word") }
            guard let input = lesson.input(named: name) else {
                throw refusal(line(of: key), ProvidedValues.noSuchInput(name, in: lesson))
            }
            let source = InputSource.varsFile(path: path, line: line(of: node))
            values[name] = (try value(node, for: input, schema: schema, source: source), source)
        }
        return values
    }

    /// The file's text: refused with its line when it holds a NUL byte or is not UTF-8.
    private func contents() throws -> String {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ProvidedValues.Problem(description: "cannot read \(path): \(FileFailure.reason(error))")
        }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if line.contains(0) { throw refusal(index + 1, "the line holds a NUL byte; a vars file is text (YAML or JSON)") }
            if String(data: Data(line), encoding: .utf8) == nil { throw refusal(index + 1, "the line is not UTF-8 text; save the file as UTF-8") }
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func value(_ node: Node, for input: InputDeclaration, schema: InputSchema, source: InputSource) throws -> InputValue {
        guard input.type == .list else {
            return try schema.read(try scalarText(node, what: input.name, expected: "a \(input.type.rawValue)"), as: input, from: source)
        }
        guard let sequence = node.sequence else {
            throw refusal(line(of: node), "\(input.name) must be a list of records, e.g. - { \(input.fields.map { "\($0.name): …" }.joined(separator: ", ")) }")
        }
        var records: [InputRecord] = []
        for (index, item) in sequence.enumerated() {
            guard let mapping = item.mapping else { throw refusal(line(of: item), "\(input.name) record \(index + 1) must map field names to values") }
            var record = InputRecord()
            for (key, value) in mapping {
                guard let field = key.scalar?.string else { throw refusal(line(of: key), "\(input.name) record \(index + 1): a field's name must be a plain word") }
                let expected = input.field(named: field).map { "a \($0.type.rawValue)" } ?? "a value"
                record[field] = try scalarText(value, what: "\(input.name) record \(index + 1): \(field)", expected: expected)
            }
            records.append(record)
        }
        if let problem = schema.problems(of: .records(records), as: input).first {
            let at = problem.record.map { line(of: sequence[$0]) } ?? line(of: node)
            throw InputRefusal(problem, from: .varsFile(path: path, line: at))
        }
        return .records(records)
    }

    /// A scalar's text, refused when YAML reads it as no value, as bytes, or when it is a list or mapping.
    private func scalarText(_ node: Node, what: String, expected: String) throws -> String {
        guard let scalar = node.scalar else {
            throw refusal(line(of: node), "\(what) must be one value (\(expected)), found a \(node.sequence != nil ? "list" : "mapping")")
        }
        switch Tag.Name(rawValue: node.tag.rawValue) {
        case .null:
            throw refusal(line(of: node), "\(what) has no value (YAML reads '\(scalar.string)' as none); write \(expected)\(scalar.string == "~" ? ", and quote it ('~') if you mean a home folder" : "")")
        case .str, .int, .float, .bool:
            return scalar.string
        default:
            throw refusal(line(of: node), "\(what) is tagged \(node.tag.rawValue.replacingOccurrences(of: "tag:yaml.org,2002:", with: "!!")); write \(expected) as plain text")
        }
    }

    private func line(of node: Node) -> Int { node.mark?.line ?? 1 }

    private func refusal(_ line: Int, _ message: String) -> ProvidedValues.Problem {
        ProvidedValues.Problem(description: "\(path):\(line): \(message)")
    }
}
