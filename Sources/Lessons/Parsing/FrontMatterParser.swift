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
    private var recordLocations: [String: [SourceLocation]] = [:]

    static let topLevelKeys = ["id", "title", "summary", "time", "needs", "inputs"]
    static let inputKeys = ["type", "prompt", "default", "choices", "detect", "detect-on", "sudo", "min", "max", "unique", "same-subnet-as", "distinct-from", "system-folders", "fields"]

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
        var tools: [String] = []
        var systems: [String] = []
        if let needs = values["needs"] {
            if let needsMapping = needs.mapping {
                for (key, value) in needsMapping {
                    switch key.string {
                    case "tools": tools = stringList(value, name: "needs.tools")
                    case "os": systems = stringList(value, name: "needs.os")
                    default: error("unknown key '\(key.string ?? "?")' in needs; expected tools or os", at: location(key))
                    }
                }
            } else {
                error("needs must be a mapping with tools and os lists", at: location(needs))
            }
        }
        var inputs: [InputDeclaration] = []
        if let inputsNode = values["inputs"] {
            if let inputsMapping = inputsNode.mapping {
                for (key, value) in inputsMapping {
                    guard let name = key.string else { continue }
                    if let input = parseInput(name: name, keyNode: key, node: value, isField: false) {
                        inputs.append(input)
                    }
                }
            } else {
                error("inputs must be a mapping from variable name to its declaration", at: location(inputsNode))
            }
        }
        checkCrossReferences(inputs)
        guard let id, let title, let summary else { return (nil, inputs) }
        return (LessonMetadata(id: id, title: title, summary: summary, time: time, tools: tools, systems: systems), inputs)
    }

    static func isLessonID(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { ("a"..."z").contains($0) || $0.isASCIIDigit || $0 == "-" }
    }

    // MARK: Inputs

    private mutating func parseInput(name: String, keyNode: Node, node: Node, isField: Bool) -> InputDeclaration? {
        let what = isField ? "field '\(name)'" : "input '\(name)'"
        if !TemplatePath.isName(name) {
            error("\(what): a name is letters, digits, '_' and '-', starting with a letter", at: location(keyNode))
        }
        guard let mapping = node.mapping else {
            error("\(what) must be a mapping with at least a type, e.g. { type: string }", at: location(node))
            return nil
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            guard let keyName = key.string else { continue }
            if !Self.inputKeys.contains(keyName) {
                error("\(what): unknown key '\(keyName)'\(suggestion(keyName, Self.inputKeys))", at: location(key))
            }
            values[keyName] = value
        }
        guard let typeNode = values["type"] else {
            error("\(what) has no type; use one of: \(InputType.allCases.map(\.rawValue).joined(separator: ", "))", at: location(keyNode))
            return nil
        }
        guard let typeName = typeNode.string, let type = InputType(rawValue: typeName) else {
            error("\(what): unknown type '\(typeNode.string ?? "?")'\(suggestion(typeNode.string ?? "", InputType.allCases.map(\.rawValue))); use one of: \(InputType.allCases.map(\.rawValue).joined(separator: ", "))", at: location(typeNode))
            return nil
        }
        if isField && type == .list {
            error("\(what): a record field cannot itself be a list", at: location(typeNode))
        }
        var declaration = InputDeclaration(name: name, type: type, location: location(keyNode))
        if let prompt = values["prompt"] { declaration.prompt = scalar(prompt, what: "\(what): prompt") ?? name }
        if let detect = values["detect"] { declaration.detect = scalar(detect, what: "\(what): detect") }
        if let place = values["detect-on"] {
            switch place.string {
            case "local": declaration.detectOn = .local
            case "master": declaration.detectOn = .master
            default: error("\(what): detect-on must be local or master", at: location(place))
            }
            if values["detect"] == nil || isField {
                error("\(what): detect-on applies only to an input (not a field) with a detect command", at: location(place))
            }
        }
        if let sudo = values["sudo"] {
            if type != .secret || isField { error("\(what): sudo applies only to an input of type secret (the password sudo asks for)", at: location(sudo)) }
            if let flag = sudo.bool { declaration.isSudoPassword = flag && type == .secret && !isField } else { error("\(what): sudo must be true or false", at: location(sudo)) }
        }
        if let choices = values["choices"] {
            if type != .choice { error("\(what): choices apply only to type choice", at: location(choices)) }
            declaration.choices = stringList(choices, name: "\(what): choices")
        } else if type == .choice {
            error("\(what): a choice needs its choices, e.g. choices: [a, b]", at: location(typeNode))
        }
        for key in ["min", "max"] {
            guard let bound = values[key] else { continue }
            if type != .int && type != .list { error("\(what): \(key) applies only to int and list", at: location(bound)) }
            if let number = bound.int {
                if key == "min" { declaration.min = number } else { declaration.max = number }
            } else {
                error("\(what): \(key) must be a whole number", at: location(bound))
            }
        }
        if let unique = values["unique"] {
            if !isField { error("\(what): unique applies to the fields of a list", at: location(unique)) }
            if let flag = unique.bool { declaration.unique = flag } else { error("\(what): unique must be true or false", at: location(unique)) }
        }
        if let subnet = values["same-subnet-as"] {
            if type != .ipv4 { error("\(what): same-subnet-as applies only to ipv4", at: location(subnet)) }
            declaration.sameSubnetAs = scalar(subnet, what: "\(what): same-subnet-as")
        }
        if let other = values["distinct-from"] {
            if type != .ipv4 { error("\(what): distinct-from applies only to ipv4", at: location(other)) }
            declaration.distinctFrom = scalar(other, what: "\(what): distinct-from")
        }
        if let allowed = values["system-folders"] {
            if type != .path { error("\(what): system-folders applies only to type path", at: location(allowed)) }
            if let flag = allowed.bool { declaration.allowsSystemFolders = flag } else { error("\(what): system-folders must be true or false", at: location(allowed)) }
        }
        if let fields = values["fields"] {
            if type != .list { error("\(what): fields apply only to type list", at: location(fields)) }
            if let fieldMapping = fields.mapping {
                for (key, value) in fieldMapping {
                    guard let fieldName = key.string else { continue }
                    if let field = parseInput(name: fieldName, keyNode: key, node: value, isField: true) {
                        declaration.fields.append(field)
                    }
                }
            } else {
                error("\(what): fields must be a mapping from field name to declaration", at: location(fields))
            }
        } else if type == .list {
            error("\(what): a list needs fields, e.g. fields: { hostname: { type: hostname } }", at: location(typeNode))
        }
        if let defaultNode = values["default"] {
            declaration.defaultValue = parseDefault(defaultNode, for: declaration, what: what)
        }
        return declaration
    }

    private mutating func parseDefault(_ node: Node, for declaration: InputDeclaration, what: String) -> InputValue? {
        switch declaration.type {
        case .secret:
            error("\(what): a secret cannot have a default (it would be written in the lesson)", at: location(node))
            return nil
        case .list:
            guard let sequence = node.sequence else {
                error("\(what): the default of a list is a list of records", at: location(node))
                return nil
            }
            var records: [[String: String]] = []
            recordLocations[declaration.name] = sequence.map(location)
            for item in sequence {
                guard let mapping = item.mapping else {
                    error("\(what): each default record is a mapping of field to value", at: location(item))
                    continue
                }
                var record: [String: String] = [:]
                for (key, value) in mapping {
                    if let key = key.string, let text = value.scalar?.string { record[key] = text }
                }
                records.append(record)
            }
            return .records(records)
        default:
            guard let text = node.scalar?.string else {
                error("\(what): the default must be a single value", at: location(node))
                return nil
            }
            if let problem = InputValueChecker.problem(with: text, as: declaration) {
                error("\(what): default \(problem)", at: location(node))
            }
            return .text(text)
        }
    }

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

    private mutating func requiredString(_ key: String, in values: [String: Node], at fallback: SourceLocation) -> String? {
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

    private mutating func optionalString(_ key: String, in values: [String: Node]) -> String? {
        guard let node = values[key] else { return nil }
        return scalar(node, what: "'\(key)'")
    }

    private mutating func scalar(_ node: Node, what: String) -> String? {
        guard let text = node.scalar?.string else {
            error("\(what) must be a single value", at: location(node))
            return nil
        }
        return text
    }

    private mutating func stringList(_ node: Node, name: String) -> [String] {
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

    private func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
    }

    private mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    private mutating func report(_ yamlError: Error) {
        let failure = YAMLFailure(yamlError)
        error("malformed front matter: \(failure.problem)", at: SourceLocation(file: file, line: failure.line + firstLine - 1, column: failure.column))
    }

    private func suggestion(_ word: String, _ candidates: [String]) -> String {
        Suggestion.didYouMean(word, in: candidates)
    }
}
