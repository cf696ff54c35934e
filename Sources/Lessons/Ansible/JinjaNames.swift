import Foundation

/// The variables a piece of Ansible's Jinja reads: the first name of every variable reference in the
/// `{{ … }}` and `{% … %}` of a text, or in a bare expression (a task's `when:`). Attribute names after
/// `.`, filters after `|`, tests after `is`, keyword arguments (`x=`), string literals, Jinja's keywords
/// and the names a `{% for %}` or `{% set %}` makes are not variables.
public enum JinjaNames {
    /// The variables read by the templates in `text`.
    public static func inTemplates(_ text: String) -> [String] {
        let expressions = expressions(in: text)
        let local = expressions.reduce(into: Set<String>()) { $0.formUnion(localNames(tokens(of: $1))) }
        return expressions.flatMap(inExpression).filter { !local.contains($0) }
    }

    /// The variables read by a bare expression.
    public static func inExpression(_ expression: String) -> [String] {
        let tokens = tokens(of: expression)
        let local = localNames(tokens)
        var names: [String] = []
        for (index, token) in tokens.enumerated() {
            guard case .name(let name) = token, !keywords.contains(name), !local.contains(name) else { continue }
            let previous = index > 0 ? tokens[index - 1] : nil
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            if previous == .symbol(".") || previous == .symbol("|") || previous == .name("is") || previous == .name("not") && index > 1 && tokens[index - 2] == .name("is") { continue }
            if next == .symbol("=") { continue }
            names.append(name)
        }
        return names
    }

    /// The inside of every `{{ … }}` and `{% … %}` (statements without their first word) in `text`.
    static func expressions(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let open = [rest.range(of: "{{"), rest.range(of: "{%")].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) {
            let isStatement = rest[open] == "{%"
            let close = rest[open.upperBound...].range(of: isStatement ? "%}" : "}}")
            let inner = String(rest[open.upperBound..<(close?.lowerBound ?? rest.endIndex)])
            found.append(isStatement ? statementExpression(inner) : inner)
            guard let close else { break }
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// A statement's expression part: `if x` → `x`; `for a in b` keeps `for a in b` (its names are made locally).
    private static func statementExpression(_ statement: String) -> String {
        let trimmed = statement.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "-+"))
        let word = trimmed.prefix { $0.isLetter }
        return ["if", "elif"].contains(String(word)) ? String(trimmed.dropFirst(word.count)) : trimmed
    }

    /// One piece of an expression.
    enum Token: Equatable {
        case name(String)
        case symbol(Character)
        case literal
    }

    /// The expression's names, symbols and literals.
    static func tokens(of expression: String) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(expression)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "'" || character == "\"" {
                index += 1
                while index < characters.count, characters[index] != character {
                    index += characters[index] == "\\" ? 2 : 1
                }
                index += 1
                tokens.append(.literal)
            } else if character.isLetter || character == "_" {
                let start = index
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" { index += 1 }
                tokens.append(.name(String(characters[start..<index])))
            } else if character.isNumber {
                while index < characters.count, characters[index].isNumber || characters[index] == "." { index += 1 }
                tokens.append(.literal)
            } else if "=!<>".contains(character) && index + 1 < characters.count && characters[index + 1] == "=" {
                index += 2
                tokens.append(.symbol("~"))
            } else {
                if !character.isWhitespace { tokens.append(.symbol(character)) }
                index += 1
            }
        }
        return tokens
    }

    /// The names an expression makes for itself: `for a, b in …`, `set a = …`.
    private static func localNames(_ tokens: [Token]) -> Set<String> {
        guard case .name(let first)? = tokens.first, first == "for" || first == "set" else { return [] }
        var names: Set<String> = []
        for token in tokens.dropFirst() {
            if token == .name("in") || token == .symbol("=") { break }
            if case .name(let name) = token { names.insert(name) }
        }
        return names
    }

    /// Jinja's words and the names it always has.
    static let keywords: Set<String> = [
        "and", "or", "not", "in", "is", "if", "else", "elif", "endif", "for", "endfor", "set", "endset", "recursive",
        "true", "false", "none", "True", "False", "None", "loop", "range", "lipsum", "dict", "cycler", "joiner", "namespace",
    ]
}
