import Foundation
import Yams

/// Fenced blocks: the info string's kind and attributes, and a validator's YAML arguments.
extension LessonParser {
    /// A block from a fence with `{kind ...}` attributes; nil for a plain code block (prose).
    mutating func parseFence(info cmarkInfo: String, literal: String, fenceLine: String, at start: SourceLocation) -> Block? {
        // The info string as written: CommonMark takes backslash escapes and entities out of it
        // (`output="denied \(publickey\)"` would lose its backslashes), and a pattern needs them.
        let (info, infoColumn) = Self.writtenInfo(of: fenceLine) ?? (cmarkInfo, 1)
        let (languagePart, attributes) = AttributeList.split(info, column: start.column + infoColumn - 1)
        guard let attributes else { return nil }
        report(attributes.problems, line: start.line)
        let language = languagePart.split(separator: " ").first.map(String.init) ?? ""
        guard let kindAttribute = attributes.attributes.first, kindAttribute.value == nil,
              let kind = BlockKind(rawValue: kindAttribute.key) else {
            let word = attributes.attributes.first?.key ?? ""
            let kinds = BlockKind.allCases.map(\.rawValue) + [AnsibleTasks.kindWord]
            error("unknown block kind '\(word)'\(suggestion(word, kinds)); the first word in the braces is one of: \(kinds.joined(separator: ", "))", at: start.at(column: attributes.attributes.first?.column ?? start.column))
            return nil
        }
        var block = Block(kind: kind, language: language, body: literal.hasSuffix("\n") ? String(literal.dropLast()) : literal, location: start)
        for attribute in attributes.attributes.dropFirst() {
            let here = start.at(column: attribute.column)
            guard Self.blockAttributes.contains(attribute.key) else {
                error("unknown block attribute '\(attribute.key)'\(suggestion(attribute.key, Self.blockAttributes)); a block takes: \(Self.blockAttributes.joined(separator: ", "))", at: here)
                continue
            }
            applyBlockAttribute(attribute, to: &block, at: here)
        }
        if kind.isValidator, block.uses != nil {
            // Resolved once every step is read (`resolveCheckUses`): the check it uses may come later.
        } else if kind.isValidator, let validator = block.validator {
            let arguments = parseValidatorArguments(block)
            block.validator = ValidatorCall(name: validator.name, arguments: arguments ?? [:], argumentsReadable: arguments != nil)
        } else if kind.isValidator, block.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            error("this \(kind.rawValue) has no command; write a shell command in the block, or name a validator=", at: start)
        } else if kind == .run || kind.isSelfTest, block.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            error("this \(kind.rawValue) block has no command", at: start)
        }
        if kind == .drill, block.drillHint == nil {
            error("a drill names the hint that explains the fault it makes: add hint=N (the step's hints count from 1)", at: start)
        }
        return block
    }

    /// A fence line's info string as the author wrote it, and its 1-based column: after up to three
    /// spaces and the run of backquotes or tildes, without the spaces around it.
    static func writtenInfo(of fenceLine: String) -> (String, Int)? {
        let characters = Array(fenceLine)
        var index = 0
        while index < characters.count, index < 3, characters[index] == " " { index += 1 }
        guard index < characters.count, characters[index] == "`" || characters[index] == "~" else { return nil }
        let fence = characters[index]
        while index < characters.count, characters[index] == fence { index += 1 }
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        let info = String(characters[index...]).trimmingTrailingWhitespace()
        return (info, index + 1)
    }

    mutating func applyBlockAttribute(_ attribute: AttributeList.Attribute, to block: inout Block, at here: SourceLocation) {
        switch attribute.key {
        case "on", "user", "confirm", "destructive", "readonly", "person", "timeout", "watch": applyRunAttribute(attribute, to: &block, at: here)
        case "name", "id", "use", "validator", "exit", "output", "may-pass-before": applyCheckAttribute(attribute, to: &block, at: here)
        case "hint", "when", "data": applyTeachingAttribute(attribute, to: &block, at: here)
        default: break
        }
    }

    /// The attribute's value; an error when it has none.
    private mutating func value(of attribute: AttributeList.Attribute, at here: SourceLocation) -> String? {
        guard let value = attribute.value, !value.isEmpty else {
            error("block attribute '\(attribute.key)' needs a value, e.g. \(attribute.key)=...", at: here)
            return nil
        }
        return value
    }

    /// Whether a flag attribute is set; an error when it was given a value.
    private mutating func isFlag(_ attribute: AttributeList.Attribute, at here: SourceLocation) -> Bool {
        if attribute.value != nil {
            error("'\(attribute.key)' is a flag and takes no value", at: here)
            return false
        }
        return true
    }

    /// Where and how a block runs: `on`, `user`, `confirm`, `destructive`, `readonly`, `timeout`.
    private mutating func applyRunAttribute(_ attribute: AttributeList.Attribute, to block: inout Block, at here: SourceLocation) {
        let kind = block.kind
        switch attribute.key {
        case "on":
            guard let value = value(of: attribute, at: here) else { return }
            guard let target = Target(rawValue: value) else {
                error("unknown place on=\(value)\(suggestion(value, Target.allCases.map(\.rawValue))); use one of: \(Target.allCases.map(\.rawValue).joined(separator: ", "))", at: here)
                return
            }
            if target == .console && kind != .show { error("on=console means the learner types it by hand: use a {show} block", at: here) }
            if target == .lab && kind != .run { error("on=lab is what the practice lab does for the learner: use a {run} block", at: here) }
            block.target = target
        case "user":
            block.user = value(of: attribute, at: here)
        case "confirm":
            guard let value = value(of: attribute, at: here) else { return }
            if kind != .run { error("confirm= asks the learner before a command runs; a {\(kind.rawValue)} block is not one", at: here) }
            block.confirmation = value
        case "destructive":
            if kind != .run { error("only a {run} block can be destructive", at: here) }
            block.destructive = isFlag(attribute, at: here)
        case "readonly":
            if kind != .run { error("only a {run} block can be readonly", at: here) }
            block.readonly = isFlag(attribute, at: here)
        case "person":
            if kind != .run { error("person says that only a person may run a {run} block's command; a {\(kind.rawValue)} block is not one", at: here) }
            block.needsPerson = isFlag(attribute, at: here)
        case "watch":
            applyWatch(attribute, to: &block, at: here)
        default:
            guard let value = value(of: attribute, at: here) else { return }
            if let seconds = Double(value), seconds > 0 { block.timeout = seconds } else {
                error("timeout= takes a number of seconds, not '\(value)'", at: here)
            }
        }
    }

    /// `watch` or `watch=SECONDS` on a `{show}` block: how often piwizard looks at the step's checks
    /// while the learner works by hand (every 5 seconds when no number is given).
    private mutating func applyWatch(_ attribute: AttributeList.Attribute, to block: inout Block, at here: SourceLocation) {
        guard block.kind == .show else {
            return error("watch says that piwizard watches the step's checks while the learner types a {show} block by hand; a {\(block.kind.rawValue)} block is not one", at: here)
        }
        guard let value = attribute.value else {
            block.watchSeconds = Block.defaultWatchSeconds
            return
        }
        guard let seconds = Int(value), (1...600).contains(seconds) else {
            return error("watch= takes a whole number of seconds from 1 to 600 (how often the checks run), not '\(value)'", at: here)
        }
        block.watchSeconds = seconds
    }

    /// What a check checks: `name`, `validator`, `exit`, `output`, `may-pass-before`.
    private mutating func applyCheckAttribute(_ attribute: AttributeList.Attribute, to block: inout Block, at here: SourceLocation) {
        let kind = block.kind
        if attribute.key == "may-pass-before" {
            if kind != .check { error("may-pass-before on a block says that a {check} may hold before its step runs; a {\(kind.rawValue)} block is not one (a whole step takes it in its heading)", at: here) }
            block.mayPassBefore = isFlag(attribute, at: here)
            return
        }
        guard let value = value(of: attribute, at: here) else { return }
        switch attribute.key {
        case "name":
            if !kind.isValidator { error("name= says in words what a check or precondition checks; a {\(kind.rawValue)} block is not one", at: here) }
            block.name = value
        case "use":
            if !kind.isValidator { error("use= makes a check or precondition the lesson's check of that id; a {\(kind.rawValue)} block is not one", at: here) }
            block.uses = value
        case "id":
            if !kind.isValidator { error("id= names a check or precondition for the hints that explain it; a {\(kind.rawValue)} block is not one", at: here) }
            if !TemplatePath.isName(value) { error("id= is a word of letters, digits, '_' and '-', starting with a letter (e.g. id=key-login)", at: here) }
            block.checkID = value
        case "validator":
            if !kind.isValidator { error("validator= belongs on a {check} or {precondition} block", at: here) }
            block.validator = ValidatorCall(name: value, arguments: [:])
            block.validatorLocation = here
        case "exit":
            if !kind.isValidator { error("exit= belongs on a {check} or {precondition} block", at: here) }
            if let status = Int32(value), (0...255).contains(status) { block.expectedExit = status } else {
                error("exit= takes an exit status 0-255, not '\(value)'", at: here)
            }
        default:
            if !kind.isValidator { error("output= belongs on a {check} or {precondition} block", at: here) }
            if (try? NSRegularExpression(pattern: value)) == nil { error("output= is not a valid regular expression: '\(value)'", at: here) }
            block.outputPattern = value
        }
    }

    /// What a block teaches or tests: a drill's `hint` and `when`, and `data` (inputs a command reads as data).
    private mutating func applyTeachingAttribute(_ attribute: AttributeList.Attribute, to block: inout Block, at here: SourceLocation) {
        let kind = block.kind
        guard let value = value(of: attribute, at: here) else { return }
        switch attribute.key {
        case "hint":
            if kind != .drill { error("hint= names the hint a {drill} block's fault shows; a {\(kind.rawValue)} block is not one", at: here) }
            if let number = Int(value), number >= 1 { block.drillHint = number } else {
                error("hint= takes the number of one of the step's hints (from 1), not '\(value)'", at: here)
            }
        case "when":
            if [.repair, .solve, .teardown].contains(kind) {
                error("when= on a block says for which values (or loop items) it applies; a {\(kind.rawValue)} block follows its drill or step (a whole step takes when= in its heading)", at: here)
            }
            if let condition = Condition(parsing: value) { block.condition = condition } else {
                error("cannot read the condition '\(value)' of when=; write when=\"VAR == VALUE\" (several joined with 'and')", at: here)
            }
        default:
            block.dataInputs = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// A validator's arguments: the block's body as a YAML mapping of names to single values.
    mutating func parseValidatorArguments(_ block: Block) -> [String: String]? {
        let body = block.body
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [:] }
        let node: Node?
        do {
            node = try Yams.compose(yaml: body)
        } catch let yamlError as YamlError {
            var line = 1
            var column = 1
            var problem = "\(yamlError)"
            switch yamlError {
            case let .scanner(_, text, mark, _), let .parser(_, text, mark, _), let .composer(_, text, mark, _):
                (line, column, problem) = (mark.line, mark.column, text)
            case let .duplicatedKeysInMapping(duplicates, context):
                (line, column, problem) = (context.mark.line, context.mark.column, "duplicate key \(duplicates.joined(separator: ", "))")
            default:
                break
            }
            // libyaml reports a problem at the end of the text one line past the last one.
            let bodyLines = body.split(separator: "\n", omittingEmptySubsequences: false).count
            let lineInBody = min(line, bodyLines)
            error("the validator's arguments are not valid YAML: \(problem)",
                  at: block.bodyLocation.offset(lines: lineInBody - 1, column: lineInBody == line ? column : 1))
            return nil
        } catch {
            return nil
        }
        guard let mapping = node?.mapping else {
            error("the validator's arguments must be a YAML mapping, e.g. 'device: \"{{card}}\"'", at: block.bodyLocation)
            return nil
        }
        var arguments: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if let text = value.scalar?.string {
                arguments[name] = text
            } else {
                let line = (value.mark?.line ?? 1) - 1
                error("validator argument '\(name)' must be a single value", at: block.bodyLocation.offset(lines: line, column: value.mark?.column ?? 1))
            }
        }
        return arguments
    }

}
