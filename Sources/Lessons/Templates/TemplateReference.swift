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
    /// Where the whole `{{...}}` is, in the text's Unicode scalars (as `ShellLexer` counts).
    public var scalarRange: Range<Int>
    /// 0-based line within the text and 1-based column.
    public var line: Int
    public var column: Int
    /// Whether it is a shell word of its own: nothing but blanks or shell operators next to it.
    public var isSeparateWord: Bool

    /// Every `{{...}}` in `text`, in order.
    public static func scan(_ text: String) -> [TemplateReference] {
        let characters = Array(text)
        var scalarOffsets: [Int] = []
        scalarOffsets.reserveCapacity(characters.count + 1)
        var scalars = 0
        for character in characters {
            scalarOffsets.append(scalars)
            scalars += character.unicodeScalars.count
        }
        scalarOffsets.append(scalars)
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
                scalarRange: scalarOffsets[index]..<scalarOffsets[end + 2],
                line: line, column: index - lineStart + 1,
                isSeparateWord: " \t\n(`".contains(before) && " \t\n;)|&<>`".contains(after)
            ))
            index = end + 2
        }
        return references
    }
}

