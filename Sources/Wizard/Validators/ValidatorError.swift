/// A validator could not do its work (as opposed to a check that ran and failed).
public enum ValidatorError: Error, Sendable, CustomStringConvertible {
    case unreadable(String)
    case badArgument(String)

    public var description: String {
        switch self {
        case .unreadable(let text): return text
        case .badArgument(let text): return text
        }
    }
}
