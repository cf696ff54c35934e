/// A position in a lesson file: 1-based line and column, as editors and compilers count them.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The file as the user named it (a path relative to the working directory when possible).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors jump to.
    public var description: String { "\(file):\(line):\(column)" }

    /// The same file and line, another column.
    public func at(column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// A location `lines` lines further down, at `column`.
    public func offset(lines: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line + lines, column: column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
