/// The attributes written in braces after a heading or a fence's language: `{#id run on=node when="a == b"}`.
public struct AttributeList: Sendable, Hashable {
    /// One `key=value` pair, a bare word (`destructive`) or an id (`#hostname`), with its column.
    public struct Attribute: Sendable, Hashable {
        public var key: String
        /// nil for a bare word.
        public var value: String?
        /// 1-based column of the attribute in its source line.
        public var column: Int
    }

    public var attributes: [Attribute]

    /// Problems met while splitting, with their columns (an unclosed quote, `=` with no key).
    public var problems: [(column: Int, message: String)]

    public static func == (lhs: AttributeList, rhs: AttributeList) -> Bool { lhs.attributes == rhs.attributes }
    public func hash(into hasher: inout Hasher) { hasher.combine(attributes) }

    /// Splits the text between the braces. `column` is the 1-based column of the text's first character.
    public init(parsing text: String, column: Int) {
        var attributes: [Attribute] = []
        var problems: [(Int, String)] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            if characters[index] == " " || characters[index] == "\t" {
                index += 1
                continue
            }
            let start = index
            var token = ""
            var quoted = false
            var closed = true
            while index < characters.count, quoted || (characters[index] != " " && characters[index] != "\t") {
                let character = characters[index]
                if character == "\"" {
                    quoted.toggle()
                    if quoted { closed = false } else { closed = true }
                } else {
                    token.append(character)
                }
                index += 1
            }
            if !closed {
                problems.append((column + start, "unclosed quote in attribute"))
            }
            if let equals = token.firstIndex(of: "=") {
                let key = String(token[..<equals])
                let value = String(token[token.index(after: equals)...])
                if key.isEmpty {
                    problems.append((column + start, "attribute '\(token)' has no name before '='"))
                } else {
                    attributes.append(Attribute(key: key, value: value, column: column + start))
                }
            } else {
                attributes.append(Attribute(key: token, value: nil, column: column + start))
            }
        }
        self.attributes = attributes
        self.problems = problems
    }

    /// Splits `text {attributes}` into the text before the braces and the attributes; nil attributes when
    /// the text does not end with a brace group. `column` is the column of the text's first character.
    public static func split(_ text: String, column: Int) -> (text: String, attributes: AttributeList?) {
        let trimmed = text.trimmingTrailingWhitespace()
        // The group's brace is the last `{` whose rest holds whole quotes: a quoted value may hold
        // braces of its own (`output="x{2}"`), a title before the group may hold a lone `"`.
        guard trimmed.hasSuffix("}"),
              let open = trimmed.indices.reversed().first(where: { trimmed[$0] == "{" && trimmed[$0...].filter { $0 == "\"" }.count % 2 == 0 })
        else { return (trimmed, nil) }
        let before = String(trimmed[..<open]).trimmingTrailingWhitespace()
        let inner = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        let innerColumn = column + trimmed.distance(from: trimmed.startIndex, to: open) + 1
        return (before, AttributeList(parsing: inner, column: innerColumn))
    }
}

extension StringProtocol {
    /// The string without trailing spaces and tabs.
    func trimmingTrailingWhitespace() -> String {
        var result = Substring(self)
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return String(result)
    }
}
