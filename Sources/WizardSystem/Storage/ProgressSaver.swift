import Foundation
import Lessons
import Wizard

/// Keeps a session's progress in the store as the session goes: the whole run until its first save
/// worked, then each change. What could not be written (a full disk) is kept and written with the next
/// change that can be, so nothing is lost once there is room; a transcript that can no longer be
/// written stops the saving too, so progress never runs ahead of its record.
final class ProgressSaver {
    private let store: any ProgressStore
    private let lesson: Lesson
    private let file: TranscriptFile
    private let recorder: TranscriptRecorder
    private var saved: SavedRun
    private var needsWholeSave = true
    /// What has not reached the store yet.
    private var unsaved = StateChanges()

    init(store: any ProgressStore, lesson: Lesson, run: SavedRun, file: TranscriptFile, recorder: TranscriptRecorder) {
        self.store = store
        self.lesson = lesson
        self.saved = run
        self.file = file
        self.recorder = recorder
    }

    /// Saves what changed; why it could not, else nil.
    func persist(_ state: SessionState, _ changes: StateChanges, finished: Bool = false) -> Error? {
        unsaved = unsaved.merged(with: changes)
        if let failure = file.failure { return TranscriptFile.CreateError(path: file.url.path, reason: failure) }
        do {
            let update = ProgressUpdate(lesson: lesson, state: state, changes: unsaved, now: Date(), transcriptEvent: recorder.count, finished: finished)
            if needsWholeSave {
                saved = update.applied(to: saved)
                try store.save(saved)
            } else {
                try store.update(update)
            }
            needsWholeSave = false
            unsaved = StateChanges()
            return nil
        } catch {
            return error
        }
    }
}
