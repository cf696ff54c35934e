import Foundation
import Yams

/// Reads the YAML front matter into lesson metadata and input declarations, collecting every problem
/// with its line and column instead of stopping at the first.
struct FrontMatterParser {
    let file: String
    /// Line of the YAML's first line in the lesson file.
    let firstLine: Int
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each default record of a list input was written, to point at the record a problem is about.
    var recordLocations: [String: [SourceLocation]] = [:]
    /// Inputs declared with a problem that kept them out (an unknown type): declared all the same, so
    /// their uses are not reported again as undeclared.
    private(set) var unreadableInputs: Set<String> = []

    static let topLevelKeys = ["id", "title", "summary", "time", "needs", "inputs", "hosts"]

    init(file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
    }

    /// The metadata (nil when the required keys are missing) and the inputs that could be read.
    mutating func parse(_ yaml: String, whole: SourceLocation) -> (LessonMetadata?, [InputDeclaration]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            report(error)
            return (nil, [])
        }
        guard let root, let mapping = root.mapping else {
            error("front matter must be a YAML mapping with id, title and summary", at: root.map(location) ?? whole)
            return (nil, [])
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if !Self.topLevelKeys.contains(name) {
                error("unknown front matter key '\(name)'\(suggestion(name, Self.topLevelKeys)); expected one of: \(Self.topLevelKeys.joined(separator: ", "))", at: location(key))
            }
            values[name] = value
        }
        let id = requiredString("id", in: values, at: location(root))
        if let id, !Self.isLessonID(id), let node = values["id"] {
            error("lesson id '\(id)' must be lowercase letters, digits and '-'", at: location(node))
        }
        let title = requiredString("title", in: values, at: location(root))
        let summary = requiredString("summary", in: values, at: location(root))
        let time = optionalString("time", in: values)
        var (tools, systems, inputs, hosts) = ([String](), [String](), [InputDeclaration](), HostsDeclaration())
        if let needs = values["needs"] { (tools, systems) = parseNeeds(needs) }
        if let node = values["inputs"] { inputs = parseInputs(node) }
        checkCrossReferences(inputs)
        if let node = values["hosts"] { hosts = parseHosts(node, inputs: inputs) }
        guard let id, let title, let summary else { return (nil, inputs) }
        var metadata = LessonMetadata(id: id, title: title, summary: summary, time: time, tools: tools, systems: systems)
        metadata.hosts = hosts
        return (metadata, inputs)
    }

    /// `needs:`: the tools and systems the lesson is written for.
    private mutating func parseNeeds(_ needs: Node) -> (tools: [String], systems: [String]) {
        var tools: [String] = []
        var systems: [String] = []
        guard let needsMapping = needs.mapping else {
            error("needs must be a mapping with tools and os lists", at: location(needs))
            return ([], [])
        }
        for (key, value) in needsMapping {
            switch key.string {
            case "tools": tools = stringList(value, name: "needs.tools")
            case "os": systems = stringList(value, name: "needs.os")
            default: error("unknown key '\(key.string ?? "?")' in needs; expected tools or os", at: location(key))
            }
        }
        return (tools, systems)
    }

    /// `inputs:`: each declaration, in order.
    private mutating func parseInputs(_ inputsNode: Node) -> [InputDeclaration] {
        guard let inputsMapping = inputsNode.mapping else {
            error("inputs must be a mapping from variable name to its declaration", at: location(inputsNode))
            return []
        }
        var inputs: [InputDeclaration] = []
        for (key, value) in inputsMapping {
            guard let name = key.string else { continue }
            if let input = parseInput(name: name, keyNode: key, node: value, isField: false) { inputs.append(input) } else { unreadableInputs.insert(name) }
        }
        return inputs
    }

    static func isLessonID(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { ("a"..."z").contains($0) || $0.isASCIIDigit || $0 == "-" }
    }

    // MARK: Inputs

    /// `same-subnet-as` must name a cidr input and `distinct-from` an ipv4 one; defaults must satisfy
    /// their constraints, each alone and together.
    private mutating func checkCrossReferences(_ inputs: [InputDeclaration]) {
        let cidrNames = Set(inputs.filter { $0.type == .cidr }.map(\.name))
        let addressNames = Set(inputs.filter { $0.type == .ipv4 }.map(\.name))
        for extra in inputs.filter(\.isSudoPassword).dropFirst() {
            error("'\(extra.name)': a lesson has one sudo password; '\(inputs.first(where: \.isSudoPassword)!.name)' is it already", at: extra.location)
        }
        for input in inputs {
            for declaration in [input] + input.fields {
                if let subnet = declaration.sameSubnetAs, !cidrNames.contains(subnet) {
                    error("'\(declaration.name)': same-subnet-as names '\(subnet)', which is not a cidr input", at: declaration.location)
                }
                if let other = declaration.distinctFrom, !addressNames.contains(other) || other == declaration.name {
                    error("'\(declaration.name)': distinct-from names '\(other)', which is not another ipv4 input", at: declaration.location)
                }
            }
            if input.type == .list, let records = input.defaultValue?.records {
                for problem in InputSchema(inputs: inputs).problems(of: .records(records), as: input) {
                    error("input '\(input.name)': default \(problem.message)", at: recordLocation(problem.record, of: input))
                }
            }
        }
        let defaults = inputs.reduce(into: [String: InputValue]()) { $0[$1.name] = $1.defaultValue }
        for problem in InputRelations(inputs: inputs).problems(in: defaults) {
            let input = inputs.first { $0.name == problem.input } ?? inputs[0]
            error("input '\(input.name)': the defaults break a rule: \(problem.message)", at: recordLocation(problem.record, of: input))
        }
    }

    /// Where a default record is written, else where its input is declared.
    private func recordLocation(_ record: Int?, of input: InputDeclaration) -> SourceLocation {
        let locations = recordLocations[input.name] ?? []
        return record.flatMap { $0 < locations.count ? locations[$0] : nil } ?? input.location
    }

    // MARK: Helpers

    mutating func requiredString(_ key: String, in values: [String: Node], at fallback: SourceLocation) -> String? {
        guard let node = values[key] else {
            error("front matter has no '\(key)'", at: fallback)
            return nil
        }
        guard let text = node.scalar?.string, !text.isEmpty else {
            error("'\(key)' must be a non-empty text", at: location(node))
            return nil
        }
        return text
    }

    mutating func optionalString(_ key: String, in values: [String: Node]) -> String? {
        guard let node = values[key] else { return nil }
        return scalar(node, what: "'\(key)'")
    }

    mutating func scalar(_ node: Node, what: String) -> String? {
        guard let text = node.scalar?.string else {
            error("\(what) must be a single value", at: location(node))
            return nil
        }
        return text
    }

    mutating func stringList(_ node: Node, name: String) -> [String] {
        guard let sequence = node.sequence else {
            error("\(name) must be a list, e.g. [a, b]", at: location(node))
            return []
        }
        return sequence.compactMap { item in
            if let text = item.scalar?.string { return text }
            error("\(name): each item must be a single value", at: location(item))
            return nil
        }
    }

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    mutating func report(_ yamlError: Error) {
        let failure = YAMLFailure(yamlError)
        error("malformed front matter: \(failure.problem)", at: SourceLocation(file: file, line: failure.line + firstLine - 1, column: failure.column))
    }

    func suggestion(_ word: String, _ candidates: [String]) -> String {
        Suggestion.didYouMean(word, in: candidates)
    }
}
