import Foundation

/// Readable forms of a transcript: a summary for the terminal, a Markdown report, or a clean asciicast
/// (terminal output and step markers only) for players and sharing.
public enum TranscriptReport {
    /// What `transcript export` writes.
    public enum Format: String, Sendable, CaseIterable {
        case asciicast
        case markdown
    }

    /// Steps in order, each with its commands (where they ran, exit status, time) and check results.
    public static func summary(_ transcript: Transcript) -> String {
        TranscriptSummary(transcript).text
    }

    public static func export(_ transcript: Transcript, format: Format) throws -> String {
        switch format {
        case .markdown: return markdown(transcript)
        case .asciicast: return try asciicast(transcript)
        }
    }

    static func markdown(_ transcript: Transcript) -> String {
        var text = "# \(transcript.header.title)\n\n"
        text += "Lesson `\(transcript.header.piwizard.lesson)`, recorded \(ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(transcript.header.timestamp)))).\n"
        var pending: CommandRequest?
        for (_, event) in transcript.events {
            switch event {
            case .marker(let step):
                text += "\n## \(step)\n\n"
            case .command(let request):
                pending = request
            case .result(let result):
                guard let request = pending else { continue }
                pending = nil
                let place = request.host.map { " (on \($0))" } ?? ""
                text += "```sh\n\(request.command)\n```\n\nExit \(result.exitStatus)\(place), \(String(format: "%.1f", result.duration)) s.\n"
                let output = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
                if !output.isEmpty { text += "\n```text\n\(output.split(separator: "\n").suffix(20).joined(separator: "\n"))\n```\n" }
                text += "\n"
            case .check(let outcome):
                text += "- \(outcome.passed ? "✓" : "✗") **\(outcome.title)**: expected \(outcome.expected); found \(outcome.found)\n"
            case .input(let line):
                text += "> typed `\(line)`\n\n"
            default:
                break
            }
        }
        return text
    }

    static func asciicast(_ transcript: Transcript) throws -> String {
        let header: [String: Any] = ["version": 2, "width": transcript.header.width, "height": transcript.header.height,
                                     "timestamp": transcript.header.timestamp, "title": transcript.header.title]
        var lines = [String(decoding: try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]), as: UTF8.self)]
        for (time, event) in transcript.events {
            switch event {
            case .output(let text), .marker(let text):
                let line = try JSONSerialization.data(withJSONObject: [time, event.code, text], options: [.withoutEscapingSlashes])
                lines.append(String(decoding: line, as: UTF8.self))
            default:
                break
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
