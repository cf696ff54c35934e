import Foundation

/// What a recorded transcript (an asciicast v2 file) showed on the screen: its output events, joined.
enum TranscriptScreen {
    static func text(ofFileAt path: String) throws -> String {
        let lines = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8).split(separator: "\n").dropFirst()
        return lines.compactMap { line -> String? in
            guard let event = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], event.count == 3,
                  event[1] as? String == "o" else { return nil }
            return event[2] as? String
        }.joined()
    }
}
