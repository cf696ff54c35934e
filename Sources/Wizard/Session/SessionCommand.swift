import Lessons

/// What the learner can type at the wizard's prompt.
public enum SessionCommand: Sendable, Hashable {
    /// Run the step's commands (the default on an empty line).
    case run
    /// Only show the commands; the learner runs them elsewhere and says `done`.
    case show
    /// Edit a command (1-based among the step's run blocks; nil = the first) before it runs.
    case edit(Int?)
    /// The learner did the step (or typed the shown commands) by hand: check it.
    case done
    case skip
    /// Run the step's checks now.
    case check
    /// Run the step's checks every few seconds until they pass (any key stops).
    case watch
    case hint
    /// The step's explanation and, after a failure, what was expected and found.
    case why
    case back
    case goto(String)
    case vars
    /// `set NAME VALUE`, `set LIST.N.FIELD VALUE`, or `set NAME` to be asked again.
    case set(name: String, value: String?)
    case status
    case graph
    case help
    case quit

    /// Every command word with a one-line description, in the order `help` lists them.
    public static let catalog: [(word: String, usage: String, summary: String)] = [
        ("run", "run", "run the step's commands (also: just press Enter)"),
        ("show", "show", "only show the commands; run them yourself, then type done"),
        ("edit", "edit [N]", "edit a command before it runs"),
        ("done", "done", "you did the step by hand: check it"),
        ("skip", "skip", "go on without doing this step"),
        ("check", "check", "run the step's checks now"),
        ("watch", "watch", "run the step's checks every few seconds until they pass"),
        ("hint", "hint", "show the step's hints"),
        ("why", "why", "explain the step, and what the last check expected and found"),
        ("back", "back", "go back one step"),
        ("goto", "goto STEP", "jump to a step by its id"),
        ("vars", "vars", "list the inputs and their values"),
        ("set", "set NAME [VALUE]", "change an input (set nodes.2.ip 10.0.0.12 changes one field)"),
        ("status", "status", "where you are: every step and its state"),
        ("graph", "graph", "the lesson's steps, loops and branches"),
        ("help", "help", "this list"),
        ("quit", "quit", "stop here"),
    ]

    /// The command words, for completion.
    public static var words: [String] { catalog.map(\.word) }

    /// Why a line is not a command: the message includes a suggestion when one is close.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public init(message: String) { self.message = message }
        public var description: String { message }
    }

    /// Parses one line typed at the prompt. An empty line means `run`.
    public static func parse(_ line: String) -> Result<SessionCommand, ParseError> {
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let word = tokens.first?.lowercased() else { return .success(.run) }
        let rest = Array(tokens.dropFirst())
        func noArguments(_ command: SessionCommand) -> Result<SessionCommand, ParseError> {
            rest.isEmpty ? .success(command) : .failure(ParseError(message: "'\(word)' takes no arguments"))
        }
        switch word {
        case "run", "r": return noArguments(.run)
        case "show": return noArguments(.show)
        case "edit", "e":
            guard let first = rest.first else { return .success(.edit(nil)) }
            guard rest.count == 1, let number = Int(first), number >= 1 else {
                return .failure(ParseError(message: "usage: edit [N], where N counts the step's commands from 1"))
            }
            return .success(.edit(number))
        case "done", "d": return noArguments(.done)
        case "skip": return noArguments(.skip)
        case "check", "c": return noArguments(.check)
        case "watch", "w": return noArguments(.watch)
        case "hint", "h": return noArguments(.hint)
        case "why": return noArguments(.why)
        case "back", "b": return noArguments(.back)
        case "goto", "g":
            guard rest.count == 1 else { return .failure(ParseError(message: "usage: goto STEP (the step ids are listed by status)")) }
            return .success(.goto(rest[0]))
        case "vars": return noArguments(.vars)
        case "set":
            guard let name = rest.first else { return .failure(ParseError(message: "usage: set NAME [VALUE]")) }
            let value = line.drop { $0 == " " || $0 == "\t" }.dropFirst(word.count).drop { $0 == " " || $0 == "\t" }
                .dropFirst(name.count).drop { $0 == " " || $0 == "\t" }
            return .success(.set(name: name, value: value.isEmpty ? nil : String(value)))
        case "status", "s": return noArguments(.status)
        case "graph": return noArguments(.graph)
        case "help", "?": return noArguments(.help)
        case "quit", "q", "exit": return noArguments(.quit)
        default:
            let suggestion = Suggestion.closest(to: word, in: words)
            return .failure(ParseError(message: "unknown command '\(word)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + " (type help for the list)"))
        }
    }
}
