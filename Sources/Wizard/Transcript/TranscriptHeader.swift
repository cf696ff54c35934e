import Foundation
import Lessons

/// The first line of a transcript: asciicast v2's header plus, under `x-piwizard`, what a replay needs
/// to start the engine exactly as the recorded session started.
public struct TranscriptHeader: Sendable, Equatable, Codable {
    /// What piwizard adds to the asciicast header.
    public struct Session: Sendable, Equatable, Codable {
        public var format: Int
        public var lesson: String
        public var lessonFile: String
        /// The state the session started from (inputs given up front, or a resumed run), without secrets.
        public var initialState: SessionState
        public var unattended: Bool
        public var confirmedDevices: [String]
        public var localAddresses: [String]
        public var colour: Bool
        public var interactive: Bool
        /// The session ran in the practice lab (nil in transcripts from before the lab).
        public var practiceLab: Bool?
        /// Files that stood in for block devices.
        public var standInDevices: [String]?
        /// What the files behind them were (nil in transcripts from before the names).
        public var standInCards: [String: String]?
        /// The lesson's fingerprint when it was recorded (`LessonFingerprint`; nil in older transcripts),
        /// so that a replay can say the lesson changed since.
        public var lessonFingerprint: String?

        public init(format: Int = 1, lesson: String, lessonFile: String, initialState: SessionState, unattended: Bool,
                    confirmedDevices: [String], localAddresses: [String], colour: Bool, interactive: Bool) {
            self.format = format
            self.lesson = lesson
            self.lessonFile = lessonFile
            self.initialState = initialState
            self.unattended = unattended
            self.confirmedDevices = confirmedDevices
            self.localAddresses = localAddresses
            self.colour = colour
            self.interactive = interactive
        }
    }

    public var version: Int
    public var width: Int
    public var height: Int
    public var timestamp: Int
    public var title: String
    public var piwizard: Session

    enum CodingKeys: String, CodingKey {
        case version, width, height, timestamp, title
        case piwizard = "x-piwizard"
    }

    public init(width: Int, height: Int, timestamp: Int, title: String, piwizard: Session) {
        version = 2
        self.width = width
        self.height = height
        self.timestamp = timestamp
        self.title = title
        self.piwizard = piwizard
    }

    /// The session options the recorded session ran with.
    public var options: SessionOptions {
        var options = SessionOptions(unattended: piwizard.unattended, confirmedDevices: Set(piwizard.confirmedDevices),
                                     localAddresses: Set(piwizard.localAddresses), style: TextStyle(colour: piwizard.colour), width: width)
        options.practiceLab = piwizard.practiceLab ?? false
        options.standInDevices = Set(piwizard.standInDevices ?? [])
        options.standInCards = piwizard.standInCards ?? [:]
        return options
    }
}
