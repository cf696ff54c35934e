import Foundation
import Lessons
import Wizard

/// A live session's transcript: one file per session in the state folder's `transcripts/` (named by
/// the lesson, the time and the process, so two sessions started in the same second stay apart), its
/// header (what a replay needs to run the session again as it ran), and the recorder that writes
/// it, told the run's secrets so that none reaches the file.
struct SessionTranscript {
    let url: URL
    let file: TranscriptFile
    let recorder: TranscriptRecorder

    init(loaded: LoadedLesson, options: SessionOptions, state: SessionState, stateFolder: URL, now: Date, interactive: Bool) throws {
        let stamp = ISO8601DateFormatter().string(from: now).replacingOccurrences(of: ":", with: "")
        url = stateFolder.appendingPathComponent("transcripts/\(loaded.lesson.id)-\(stamp)-\(ProcessInfo.processInfo.processIdentifier).cast")
        file = try TranscriptFile(url: url)
        recorder = try TranscriptRecorder(header: Self.header(loaded, options: options, state: state, now: now, interactive: interactive), write: file.append)
        for secret in state.inputs.values.compactMap(\.secret) { recorder.addSecret(secret.reveal()) }
    }

    /// What a replay needs to run the session again as it ran (never a secret).
    static func header(_ loaded: LoadedLesson, options: SessionOptions, state: SessionState, now: Date, interactive: Bool) -> TranscriptHeader {
        let lesson = loaded.lesson
        var header = TranscriptHeader(
            width: options.width, height: 24, timestamp: Int(now.timeIntervalSince1970), title: "piwizard: \(lesson.metadata.title)",
            piwizard: .init(lesson: lesson.id, lessonFile: loaded.url.path, initialState: state.withoutSecrets(),
                            unattended: options.unattended, confirmedDevices: options.confirmedDevices.sorted(),
                            localAddresses: options.localAddresses.sorted(), colour: options.style.colour, interactive: interactive)
        )
        header.piwizard.lessonFingerprint = LessonFingerprint.of(lesson)
        if options.practiceLab {
            header.piwizard.practiceLab = true
            header.piwizard.standInDevices = options.standInDevices.sorted()
            header.piwizard.standInCards = options.standInCards.isEmpty ? nil : options.standInCards
        }
        return header
    }
}
