import Foundation

/// A yes/no question at the prompt: how it is asked and how a line answers it.
public enum YesNo: Sendable, Equatable {
    case yes
    case no
    /// Input ended.
    case none
    /// Neither yes nor no: ask again.
    case unclear

    public static func question(_ text: String, default defaultAnswer: Bool) -> SessionEffect {
        .readLine(prompt: prompt(text, default: defaultAnswer), prefill: nil)
    }

    /// The question with its choices: `Resume it? [Y/n] `.
    public static func prompt(_ text: String, default defaultAnswer: Bool) -> String {
        "\(text) [\(defaultAnswer ? "Y/n" : "y/N")] "
    }

    /// The answer an event gives; Ctrl-C is no.
    public static func answer(_ event: SessionEvent, default defaultAnswer: Bool) -> YesNo {
        switch event {
        case .endOfInput: return .none
        case .interrupted: return .no
        case .line(let line):
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "": return defaultAnswer ? .yes : .no
            case "y", "yes": return .yes
            case "n", "no": return .no
            default: return .unclear
            }
        default: return .unclear
        }
    }
}
