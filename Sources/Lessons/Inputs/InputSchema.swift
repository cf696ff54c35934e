/// The one place a value becomes an input's value: read from text wherever it was given (the lesson's
/// default, `--var`, a `--vars` file, `PIWIZARD_VAR_…`, the prompt, `set`, the lab, a saved run, a
/// transcript), normalised, and checked by the input's type, its records, the places the lesson's
/// commands put it (`TemplatePlaces`) and the rules relating it to other inputs (`InputRelations`).
/// A refusal names the input, where the value came from, and the rule.
public struct InputSchema: Sendable {
    public let inputs: [InputDeclaration]
    private let places: TemplatePlaces?

    /// The schema of a whole lesson.
    public init(lesson: Lesson) {
        inputs = lesson.inputs
        places = TemplatePlaces(lesson: lesson)
    }

    /// The schema of inputs alone (the front matter, before the lesson's commands are known).
    public init(inputs: [InputDeclaration]) {
        self.inputs = inputs
        places = nil
    }

    public func input(named name: String) -> InputDeclaration? {
        inputs.first { $0.name == name }
    }

    /// `text`, given from `source`, read as `input`'s value: a scalar normalised (a path resolved), a
    /// list from its line form (`RecordLine`); refused when it breaks a rule of its own.
    public func read(_ text: String, as input: InputDeclaration, from source: InputSource) throws(InputRefusal) -> InputValue {
        let value: InputValue
        if input.type == .list {
            switch RecordLine.records(from: text, as: input) {
            case .success(let records): value = .records(records)
            case .failure(let problem): throw InputRefusal(problem, from: source)
            }
        } else {
            value = .of(InputValueChecker.normalised(text, as: input), as: input)
        }
        if let problem = problems(of: value, as: input).first { throw InputRefusal(problem, from: source) }
        return value
    }

    /// What is wrong with `value` as `input`'s value by itself: its type, each record, and the places
    /// the lesson's commands put it.
    public func problems(of value: InputValue, as input: InputDeclaration) -> [InputProblem] {
        var problems: [InputProblem] = []
        switch value {
        case .records(let records) where input.type == .list:
            problems = RecordListChecker.problems(with: records, as: input)
        case .text(let text) where input.type != .list && input.type != .secret:
            if let message = InputValueChecker.problem(with: text, as: input) { problems = [InputProblem(message: message, input: input.name)] }
        case .secret(let secret) where input.type == .secret:
            if let message = InputValueChecker.problem(with: secret.reveal(), as: input) { problems = [InputProblem(message: message, input: input.name)] }
        case .secret:
            problems = [InputProblem(message: "only a secret input takes a secret value", input: input.name)]
        case .text where input.type == .secret:
            problems = [InputProblem(message: "a secret's value is given as a secret, never as text", input: input.name)]
        case .records:
            problems = [InputProblem(message: "this input takes one value (\(input.type.withArticle)), not a list of records", input: input.name)]
        case .text:
            problems = [InputProblem(message: "a list needs records, not a single value", input: input.name)]
        }
        guard problems.isEmpty, let places else { return problems }
        return places.problem(setting: input, to: value).map { [InputProblem(message: $0, input: input.name)] } ?? []
    }

    /// What is wrong with making `value` `input`'s value next to the run's other `values`: its own
    /// problems, then every rule relating it to another input.
    public func problems(setting input: InputDeclaration, to value: InputValue, among values: [String: InputValue]) -> [InputProblem] {
        let own = problems(of: value, as: input)
        guard own.isEmpty else { return own }
        var all = values
        all[input.name] = value
        return InputRelations(inputs: inputs).problems(in: all, involving: input.name)
    }

    /// Refuses the first of a run's `values` that breaks a rule: each value `given` (by name, with where
    /// it came from) by itself, then the rules relating it to the others, the person's values blamed
    /// before the lab's. Values nobody gave this time (defaults, the saved run's) are not refused for a
    /// rule they broke already.
    public func check(_ values: [String: InputValue], given: [String: InputSource]) throws(InputRefusal) {
        let names = given.keys.sorted { (given[$0] == .lab ? 1 : 0, $0) < (given[$1] == .lab ? 1 : 0, $1) }
        for name in names {
            guard let source = given[name], let input = input(named: name), let value = values[name] else { continue }
            if let problem = problems(of: value, as: input).first { throw InputRefusal(problem, from: source) }
        }
        let relations = InputRelations(inputs: inputs)
        for name in names {
            guard let source = given[name], let problem = relations.problems(in: values, involving: name).first else { continue }
            throw InputRefusal(InputProblem(message: "refused, because \(problem.message)", input: name, record: problem.record), from: source)
        }
    }

    /// Every problem of a whole set of values (a lesson's defaults, a transcript's inputs): each value's
    /// own, then, when there are none, every rule relating them.
    public func problems(in values: [String: InputValue]) -> [InputProblem] {
        let own = inputs.flatMap { input in values[input.name].map { problems(of: $0, as: input) } ?? [] }
        guard own.isEmpty else { return own }
        return InputRelations(inputs: inputs).problems(in: values)
    }
}
