/// Why a lab command could not do what was asked, in words for the learner.
public enum LabError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The machine cannot host a lab (not Linux, not root, a program missing).
    case unsupported(String)
    /// A wrong argument or a request that does not fit the lab's state.
    case invalid(String)
    /// A command the lab ran failed.
    case failed(command: String, output: String)

    public var description: String {
        switch self {
        case .unsupported(let reason), .invalid(let reason): return reason
        case .failed(let command, let output):
            let detail = output.trimmingCharacters(in: .whitespacesAndNewlines)
            return "'\(command)' failed" + (detail.isEmpty ? "" : ": " + detail)
        }
    }
}
