import Foundation

/// One `{{path}}` found in a text, with where it is.
public struct TemplateReference: Sendable, Hashable {
    public var path: TemplatePath?
    /// The text between the braces, trimmed.
    public var raw: String
    /// Offset of `{{` in the text, in characters.
    public var offset: Int
    /// Length of the whole `{{...}}`, in characters.
    public var length: Int
    /// 0-based line within the text and 1-based column.
    public var line: Int
    public var column: Int
    /// Whether it sits directly inside single or double quotes, e.g. `'{{x}}'`.
    public var isInsideQuotes: Bool
    /// Whether it is a shell word of its own: nothing but blanks or shell operators next to it.
    public var isSeparateWord: Bool

    /// Every `{{...}}` in `text`, in order.
    public static func scan(_ text: String) -> [TemplateReference] {
        let characters = Array(text)
        var references: [TemplateReference] = []
        var line = 0
        var lineStart = 0
        var index = 0
        while index < characters.count {
            if characters[index] == "\n" {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{" else {
                index += 1
                continue
            }
            var end = index + 2
            while end + 1 < characters.count, !(characters[end] == "}" && characters[end + 1] == "}"), characters[end] != "\n" {
                end += 1
            }
            guard end + 1 < characters.count, characters[end] == "}", characters[end + 1] == "}" else {
                index += 2
                continue
            }
            let raw = String(characters[(index + 2)..<end]).trimmingCharacters(in: .whitespaces)
            let before = index > 0 ? characters[index - 1] : " "
            let after = end + 2 < characters.count ? characters[end + 2] : " "
            references.append(TemplateReference(
                path: TemplatePath(parsing: raw), raw: raw, offset: index, length: end + 2 - index,
                line: line, column: index - lineStart + 1,
                isInsideQuotes: (before == "'" || before == "\"") && before == after,
                isSeparateWord: " \t\n(`".contains(before) && " \t\n;)|&<>`".contains(after)
            ))
            index = end + 2
        }
        return references
    }
}

