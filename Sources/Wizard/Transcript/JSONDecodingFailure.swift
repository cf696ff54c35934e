import Foundation

/// Why JSON did not decode, in piwizard's words: the field and what was wrong with it, never the text
/// of Foundation's `DecodingError`.
enum JSONDecodingFailure {
    /// `error` from a `JSONDecoder`, as a phrase such as "field 'piwizard.lesson' is missing".
    static func reason(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "it is not valid JSON" }
        switch error {
        case .keyNotFound(let key, let context):
            return "field '\(path(context.codingPath + [key]))' is missing"
        case .valueNotFound(_, let context):
            return "field '\(path(context.codingPath))' is null"
        case .typeMismatch(let type, let context):
            return "field '\(path(context.codingPath))' is not \(describe(type))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not valid JSON" : "field '\(path(context.codingPath))' has a value piwizard does not know"
        @unknown default:
            return "it is not what piwizard writes"
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.isEmpty ? "(top level)" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "what piwizard writes there"
        }
    }
}
