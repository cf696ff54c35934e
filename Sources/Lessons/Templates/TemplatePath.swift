/// A dotted variable reference such as `subnet`, `node.ip` or `nodes.count`.
public struct TemplatePath: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The input, loop variable or built-in (`lesson`) named first.
    public var root: String
    /// The field after the dot, if any.
    public var field: String?

    public init(root: String, field: String? = nil) {
        self.root = root
        self.field = field
    }

    /// Parses `name` or `name.field`; names are letters, digits, `_` and `-`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy(Self.isName) else { return nil }
        self.init(root: parts[0], field: parts.count == 2 ? parts[1] : nil)
    }

    public var description: String { field.map { "\(root).\($0)" } ?? root }

    /// Whether `text` is a valid variable or field name.
    public static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }
}
