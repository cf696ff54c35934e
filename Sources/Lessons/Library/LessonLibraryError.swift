/// Why a lesson could not be found or loaded; the description is for the user.
public enum LessonLibraryError: Error, Sendable, CustomStringConvertible {
    case notFound(name: String, searched: [String], available: [String])
    case unreadable(path: String, reason: String)
    case invalid(path: String, diagnostics: [Diagnostic])

    public var description: String {
        switch self {
        case let .notFound(name, searched, available):
            var text = "no lesson '\(name)'" + Suggestion.didYouMean(name, in: available)
            text += searched.isEmpty
                ? "; no lesson folder found (use --lessons DIR or PIWIZARD_LESSONS)"
                : "; looked in: \(searched.joined(separator: ", "))"
            if !available.isEmpty { text += "\navailable lessons: \(available.joined(separator: ", "))" }
            return text
        case let .unreadable(path, reason):
            return "cannot read \(path): \(reason)"
        case let .invalid(path, diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }
            return "\(path) has \(errors.count) error\(errors.count == 1 ? "" : "s"); run 'piwizard lint \(path)' for all findings\n"
                + errors.map(\.description).joined(separator: "\n")
        }
    }
}
