import Foundation

/// A step's or block's `when=` for the playbook: the terms on the run's inputs are decided at export
/// (the playbook keeps only what applies to this run: its network stack, its path), the terms on the
/// loop's record become the tasks' `when:` (`node.role == 'worker'`), so a node added to the inventory
/// is judged by its own record.
struct AnsibleCondition {
    /// Whether the terms on inputs hold for the run.
    var applies = true
    /// The record terms, as a Jinja expression; nil when there are none.
    var recordTest: String?

    /// Decides `conditions` for `inputs`; `loopVariable` is the record's name (record terms need it).
    init(_ conditions: [Condition?], loopVariable: String?, lesson: Lesson, inputs: [String: InputValue], step: Step) throws {
        var tests: [String] = []
        for term in conditions.compactMap({ $0 }).flatMap(\.terms) {
            if term.variable.root == loopVariable {
                tests.append(Self.jinja(term))
                continue
            }
            let input = lesson.input(named: term.variable.root)
            guard let value = inputs[term.variable.root]?.text, !(input?.awaitsDetection(value) ?? false) else {
                throw AnsibleExportProblem("the step \(step.id) applies only when \(term), and the run has no value for \(term.variable.root)\(input?.detect != nil ? " (it is detected when the lesson runs)" : ""): give it with --var \(term.variable.root)=VALUE")
            }
            if !term.holds(for: value) { applies = false }
        }
        recordTest = tests.isEmpty ? nil : tests.joined(separator: " and ")
    }

    /// `node.role == 'worker'`.
    static func jinja(_ term: Condition.Term) -> String {
        var path = AnsibleYAML.name(term.variable.root)
        if let field = term.variable.field {
            path += AnsibleYAML.name(field) == field ? ".\(field)" : "['\(field)']"
        }
        let literal = term.value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        return "\(path) \(term.comparison.rawValue) '\(literal)'"
    }
}
