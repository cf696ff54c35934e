import Foundation

/// Readable forms of a transcript: a summary for the terminal, a Markdown report, or a clean asciicast
/// (terminal output and step markers only) for players and sharing.
public enum TranscriptReport {
    /// What `transcript export` writes.
    public enum Format: String, Sendable, CaseIterable {
        case asciicast
        case markdown
    }

    /// Steps in order, each with what was typed, the lesson's commands and the checks (`TranscriptSummary`).
    public static func summary(_ transcript: Transcript) -> String {
        TranscriptSummary(transcript).text
    }

    public static func export(_ transcript: Transcript, format: Format) throws -> String {
        switch format {
        case .markdown: return markdown(transcript)
        case .asciicast: return try asciicast(transcript)
        }
    }

    /// The summary's Markdown report (`TranscriptSummary.markdown`).
    static func markdown(_ transcript: Transcript) -> String {
        TranscriptSummary(transcript).markdown(recordedAt: Date(timeIntervalSince1970: TimeInterval(transcript.header.timestamp)))
    }

    static func asciicast(_ transcript: Transcript) throws -> String {
        let header: [String: Any] = ["version": 2, "width": transcript.header.width, "height": transcript.header.height,
                                     "timestamp": transcript.header.timestamp, "title": transcript.header.title]
        var lines = [String(decoding: try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]), as: UTF8.self)]
        for (time, event) in transcript.events {
            switch event {
            case .output(let text), .marker(let text):
                lines.append(AsciicastLine.line(seconds: time, code: event.code, data: text))
            default:
                break
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
