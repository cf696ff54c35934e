import Foundation

/// A transcript read back from its file: the header and the events, in order.
public struct Transcript: Sendable {
    public var header: TranscriptHeader
    /// Events with their time in seconds from the start.
    public var events: [(time: Double, event: TranscriptEvent)]
    /// True when the last line was cut off (the session died while writing it); it is left out.
    public var truncated: Bool

    /// Why a transcript cannot be read.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public init(text: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let first = lines.first else { throw ReadError(description: "the transcript is empty") }
        do {
            header = try JSONDecoder().decode(TranscriptHeader.self, from: Data(first.utf8))
        } catch {
            throw ReadError(description: "the first line is not a piwizard asciicast header: \(JSONDecodingFailure.reason(error))")
        }
        guard header.version == 2 else { throw ReadError(description: "asciicast version \(header.version) is not supported (only 2)") }
        guard header.piwizard.format <= 1 else {
            throw ReadError(description: "written by a newer piwizard (transcript format \(header.piwizard.format)); update piwizard to read it")
        }
        lines.removeFirst()
        events = []
        truncated = false
        for (index, line) in lines.enumerated() {
            guard let array = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], array.count == 3,
                  let time = (array[0] as? NSNumber)?.doubleValue, let code = array[1] as? String, let data = array[2] as? String else {
                if index == lines.count - 1 && !text.hasSuffix("\n") {
                    truncated = true
                    break
                }
                throw ReadError(description: "line \(index + 2) is not an asciicast event")
            }
            do {
                if let event = try TranscriptEvent(code: code, data: data) { events.append((time, event)) }
            } catch {
                throw ReadError(description: "line \(index + 2): the '\(code)' event's data is not what piwizard writes: \(JSONDecodingFailure.reason(error))")
            }
        }
    }

    public init(contentsOf url: URL) throws {
        try self.init(text: try String(contentsOf: url, encoding: .utf8))
    }

    /// How each wait for a key ended, in order.
    public var waits: [KeyWait] {
        events.compactMap { if case .waited(let wait) = $0.event { return wait } else { return nil } }
    }

    /// The lines typed at the prompt, in order.
    public var inputs: [String] {
        events.compactMap { if case .input(let line) = $0.event { return line } else { return nil } }
    }
}
