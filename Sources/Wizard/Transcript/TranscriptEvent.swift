import Foundation
import Lessons

/// One event of a session transcript. Transcripts are asciicast v2 files: `o` (terminal output),
/// `i` (a line typed at the wizard's prompt) and `m` (a marker at each step boundary) are standard;
/// the `x-` codes carry what a replay needs, and players ignore them.
public enum TranscriptEvent: Sendable, Equatable {
    case output(String)
    case input(String)
    case marker(String)
    /// An input got a value (never a secret's).
    case inputValue(name: String, value: InputValue)
    case command(CommandRequest)
    case result(CommandResult)
    case check(CheckOutcome)
    case status(step: String, item: String, status: StepStatus)
    /// What `piwizard test` found at one point of a step (its self-test).
    case selfTest(SelfTestFinding)
    /// How a wait for a key ended while the session watched a step's checks (`x-wait`: `timeout`,
    /// `key`, `interrupt`, `end`), so that a replay waits the same number of times without a clock.
    case waited(KeyWait)
    /// The session ended, with its outcome; a transcript without it was cut short (a crash, `kill -9`).
    case end(String)

    /// The asciicast event code.
    public var code: String {
        switch self {
        case .output: return "o"
        case .input: return "i"
        case .marker: return "m"
        case .inputValue: return "x-input"
        case .command: return "x-command"
        case .result: return "x-result"
        case .check: return "x-check"
        case .status: return "x-status"
        case .selfTest: return "x-selftest"
        case .waited: return "x-wait"
        case .end: return "x-end"
        }
    }

    /// One encoder for every event's data (its settings never change; making one per event showed in a
    /// short step's cost).
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The event's data: text for the standard codes, a JSON object as text for the `x-` codes.
    public func data() throws -> String {
        func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try Self.encoder.encode(value), as: UTF8.self) }
        switch self {
        case .output(let text), .input(let text), .marker(let text), .end(let text): return text
        case let .inputValue(name, value): return try json(NamedValue(name: name, value: value))
        case .command(let request): return try json(request)
        case .result(let result): return try json(result)
        case .check(let outcome): return try json(outcome)
        case let .status(step, item, status): return try json(StatusChange(step: step, item: item, status: status))
        case .selfTest(let finding): return try json(finding)
        case .waited(let wait): return wait.rawValue
        }
    }

    /// Rebuilds an event from its code and data; nil for a code piwizard does not know (e.g. `r`).
    public init?(code: String, data: String) throws {
        let decoder = JSONDecoder()
        let bytes = Data(data.utf8)
        switch code {
        case "o": self = .output(data)
        case "i": self = .input(data)
        case "m": self = .marker(data)
        case "x-input":
            let value = try decoder.decode(NamedValue.self, from: bytes)
            self = .inputValue(name: value.name, value: value.value)
        case "x-command": self = .command(try decoder.decode(CommandRequest.self, from: bytes))
        case "x-result": self = .result(try decoder.decode(CommandResult.self, from: bytes))
        case "x-check": self = .check(try decoder.decode(CheckOutcome.self, from: bytes))
        case "x-end": self = .end(data)
        case "x-wait":
            guard let wait = KeyWait(rawValue: data) else { throw UnknownWait(data: data) }
            self = .waited(wait)
        case "x-selftest": self = .selfTest(try decoder.decode(SelfTestFinding.self, from: bytes))
        case "x-status":
            let change = try decoder.decode(StatusChange.self, from: bytes)
            self = .status(step: change.step, item: change.item, status: change.status)
        default: return nil
        }
    }

    /// An `x-wait` event whose data is none of `timeout`, `key`, `interrupt`, `end`.
    private struct UnknownWait: Error, CustomStringConvertible {
        var data: String
        var description: String { "'\(data)' is not how a wait ends (timeout, key, interrupt or end)" }
    }

    private struct NamedValue: Codable {
        var name: String
        var value: InputValue
    }

    private struct StatusChange: Codable {
        var step: String
        var item: String
        var status: StepStatus
    }
}
