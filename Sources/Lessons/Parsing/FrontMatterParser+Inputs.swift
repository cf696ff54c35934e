import Yams

/// Reading one input declaration (or one field of a list): its type, then each key, each refused with
/// its line where it does not apply to the type.
extension FrontMatterParser {
    static let inputKeys = ["type", "prompt", "default", "choices", "detect", "detect-on", "sudo", "min", "max", "unique",
                            "same-subnet-as", "distinct-from", "system-folders", "fields", "lab", "confirm"]

    mutating func parseInput(name: String, keyNode: Node, node: Node, isField: Bool) -> InputDeclaration? {
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
        guard let type = inputType(values["type"], what: what, at: keyNode, isField: isField) else { return nil }
        var declaration = InputDeclaration(name: name, type: type, location: location(keyNode))
        if let prompt = values["prompt"] { declaration.prompt = scalar(prompt, what: "\(what): prompt") ?? name }
        readDetection(values, into: &declaration, what: what, isField: isField)
        readChoicesAndBounds(values, into: &declaration, what: what, isField: isField)
        readAddressRules(values, into: &declaration, what: what)
        readFields(values, into: &declaration, what: what)
        if let lab = values["lab"] { declaration.labFact = labFact(lab, for: declaration, what: what, isField: isField) }
        if let defaultNode = values["default"] {
            declaration.defaultValue = parseDefault(defaultNode, for: declaration, what: what)
        }
        return declaration
    }

    /// The declared type, refused when missing, unknown, or a list inside a list.
    private mutating func inputType(_ typeNode: Node?, what: String, at keyNode: Node, isField: Bool) -> InputType? {
        let all = InputType.allCases.map(\.rawValue)
        guard let typeNode else {
            error("\(what) has no type; use one of: \(all.joined(separator: ", "))", at: location(keyNode))
            return nil
        }
        guard let typeName = typeNode.string, let type = InputType(rawValue: typeName) else {
            error("\(what): unknown type '\(typeNode.string ?? "?")'\(suggestion(typeNode.string ?? "", all)); use one of: \(all.joined(separator: ", "))", at: location(typeNode))
            return nil
        }
        if isField && type == .list {
            error("\(what): a record field cannot itself be a list", at: location(typeNode))
        }
        return type
    }

    /// `detect`, `detect-on`, and a secret's `sudo` and `confirm`.
    private mutating func readDetection(_ values: [String: Node], into declaration: inout InputDeclaration, what: String, isField: Bool) {
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
        if let confirm = values["confirm"] {
            if declaration.type != .secret { error("\(what): confirm applies only to a secret (asked twice, for a new password)", at: location(confirm)) }
            if let flag = confirm.bool { declaration.confirmsTwice = flag && declaration.type == .secret } else { error("\(what): confirm must be true or false", at: location(confirm)) }
        }
        if let sudo = values["sudo"] {
            let type = declaration.type
            if type != .secret || isField { error("\(what): sudo applies only to an input of type secret (the password sudo asks for)", at: location(sudo)) }
            if let flag = sudo.bool { declaration.isSudoPassword = flag && type == .secret && !isField } else { error("\(what): sudo must be true or false", at: location(sudo)) }
        }
    }

    /// `choices`, `min`, `max` and `unique`.
    private mutating func readChoicesAndBounds(_ values: [String: Node], into declaration: inout InputDeclaration, what: String, isField: Bool) {
        let type = declaration.type
        if let choices = values["choices"] {
            if type != .choice { error("\(what): choices apply only to type choice", at: location(choices)) }
            declaration.choices = stringList(choices, name: "\(what): choices")
        } else if type == .choice {
            error("\(what): a choice needs its choices, e.g. choices: [a, b]", at: location(values["type"]!))
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
    }

    /// `same-subnet-as`, `distinct-from` and `system-folders`.
    private mutating func readAddressRules(_ values: [String: Node], into declaration: inout InputDeclaration, what: String) {
        let type = declaration.type
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
    }

    /// A list's `fields`, each read as an input.
    private mutating func readFields(_ values: [String: Node], into declaration: inout InputDeclaration, what: String) {
        guard let fields = values["fields"] else {
            if declaration.type == .list { error("\(what): a list needs fields, e.g. fields: { hostname: { type: hostname } }", at: location(values["type"]!)) }
            return
        }
        if declaration.type != .list { error("\(what): fields apply only to type list", at: location(fields)) }
        guard let fieldMapping = fields.mapping else {
            error("\(what): fields must be a mapping from field name to declaration", at: location(fields))
            return
        }
        for (key, value) in fieldMapping {
            guard let fieldName = key.string else { continue }
            if let field = parseInput(name: fieldName, keyNode: key, node: value, isField: true) {
                declaration.fields.append(field)
            }
        }
    }

    /// `lab: FACT`: what the practice lab fills in, refused when the fact does not fit the input.
    private mutating func labFact(_ node: Node, for declaration: InputDeclaration, what: String, isField: Bool) -> LabFact? {
        let names = LabFact.allCases.map(\.rawValue)
        guard let name = node.string, let fact = LabFact(rawValue: name) else {
            error("\(what): lab: '\(node.string ?? "?")' is not a fact the practice lab knows\(suggestion(node.string ?? "", names)); it knows: \(names.joined(separator: ", "))", at: location(node))
            return nil
        }
        if let problem = fact.problem(for: declaration, isField: isField) {
            error("\(what): lab: \(name) \(problem)", at: location(node))
            return nil
        }
        return fact
    }

    /// `default:`: a list's records, or a scalar checked by its type (a secret has none).
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
            var records: [InputRecord] = []
            recordLocations[declaration.name] = sequence.map(location)
            for item in sequence {
                guard let mapping = item.mapping else {
                    error("\(what): each default record is a mapping of field to value", at: location(item))
                    continue
                }
                var record = InputRecord()
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
}
