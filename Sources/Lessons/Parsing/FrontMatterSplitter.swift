/// Separates a lesson file's YAML front matter (between `---` lines) from its Markdown body.
///
/// cmark would read the front matter as a setext heading, so it is cut off first and the body's
/// line numbers are offset by `bodyFirstLine - 1`.
struct FrontMatterSplitter {
    /// The YAML text, nil when the file has no front matter.
    var yaml: String?
    /// 1-based line of the YAML's first line in the file.
    var yamlFirstLine: Int
    var body: String
    /// 1-based line of the body's first line in the file.
    var bodyFirstLine: Int
    /// True when an opening `---` has no closing one.
    var unterminated: Bool

    init(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingWhitespace() == "---" else {
            self.init(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1, unterminated: false)
            return
        }
        guard let close = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingWhitespace()
            return line == "---" || line == "..."
        }) else {
            self.init(yaml: nil, yamlFirstLine: 2, body: "", bodyFirstLine: lines.count + 1, unterminated: true)
            return
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        self.init(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 2, unterminated: false)
    }

    private init(yaml: String?, yamlFirstLine: Int, body: String, bodyFirstLine: Int, unterminated: Bool) {
        self.yaml = yaml
        self.yamlFirstLine = yamlFirstLine
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.unterminated = unterminated
    }
}
