/// Where a lesson's commands put each input's values (the shell context of every `{{…}}` in a command),
/// so that a value its place cannot hold (a line break in a here-document, a word in `$(( ))`) is
/// refused when it is given, before anything runs, not when the command is about to.
public struct TemplatePlaces: Sendable {
    /// One place: the step, the input's field (for a list), and the context.
    struct Place: Sendable {
        var step: String
        var reference: String
        var field: String?
        var context: ShellContext
        /// In a here-document: the text before and after the template on its line.
        var line: (before: String, after: String)?
    }

    private var places: [String: [Place]] = [:]
    private let homePaths: Set<String>

    public init(lesson: Lesson) {
        homePaths = lesson.homePathReferences
        for step in lesson.steps {
            for block in step.blocks where block.templateQuoting == .shell {
                let references = TemplateReference.scan(block.body)
                guard !references.isEmpty else { continue }
                let syntax = ShellLexer.read(block.body, places: references.map(\.scalarRange))
                let scalars = Array(block.body.unicodeScalars)
                for (reference, context) in zip(references, syntax.contexts) {
                    guard let path = reference.path else { continue }
                    let input = step.loop?.variable == path.root ? step.loop?.list ?? path.root : path.root
                    let line = syntax.hereDocuments.flatMap(\.lines).first { $0.contains(reference.scalarRange.lowerBound) }.map { line in
                        (Self.text(scalars, line.lowerBound..<reference.scalarRange.lowerBound), Self.text(scalars, reference.scalarRange.upperBound..<max(reference.scalarRange.upperBound, line.upperBound)))
                    }
                    places[input, default: []].append(Place(step: step.id, reference: reference.raw, field: path.field, context: context, line: line))
                }
            }
        }
    }

    /// Why `value` cannot be `input`'s value in one of the lesson's commands, naming the step, the
    /// template and its place; nil when every place can hold it.
    public func problem(setting input: InputDeclaration, to value: InputValue) -> String? {
        for place in places[input.name] ?? [] {
            let texts: [(String, String?)]
            switch value {
            case .text(let text): texts = [(text, nil)]
            case .secret(let secret): texts = [(secret.reveal(), nil)]
            case .records(let records): texts = records.compactMap { record in place.field.flatMap { field in record[field].map { ($0, field) } } }
            }
            for (text, field) in texts {
                let isHomePath = homePaths.contains(field.map { "\(input.name).\($0)" } ?? input.name)
                if let reason = ShellValueWriter.problem(.init(text, isHomePath: isHomePath), in: place.context) ?? Self.delimiterProblem(text, at: place) {
                    return "it cannot go where step '\(place.step)' puts {{\(place.reference)}}, in \(place.context): \(reason)"
                }
            }
        }
        return nil
    }

    /// A value that would make its here-document line the delimiter (which ends the here-document there)
    /// or a line dash misreads (`ShellHereDocument.problem`).
    private static func delimiterProblem(_ text: String, at place: Place) -> String? {
        guard case .hereDocument(_, let delimiter, let stripsTabs) = place.context.quoting, let line = place.line,
              !line.before.contains("{{"), !line.after.contains("{{") else { return nil }
        return ShellHereDocument.problem(line: line.before + text + line.after, delimiter: delimiter, stripsTabs: stripsTabs)
    }

    private static func text(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range.clamped(to: 0..<scalars.count)]))
    }
}
