import Foundation
import Lessons
import Wizard

/// A real session: the wizard on the learner's terminal with the live runner, its progress saved after
/// every change (so it can resume) and every event appended to a transcript file.
public struct LiveSession {
    /// Whether to continue an unfinished run of the lesson.
    public enum ResumeChoice: Sendable {
        /// Ask (at a terminal); resume when unattended.
        case ask
        case resume
        case startOver
    }

    public var loaded: LoadedLesson
    /// The input values from the practice lab and the user (the saved run's are read here).
    public var sources: InputSources
    public var options: SessionOptions
    public var stateFolder: URL
    public var resume: ResumeChoice

    public init(loaded: LoadedLesson, sources: InputSources, options: SessionOptions, stateFolder: URL, resume: ResumeChoice) {
        self.loaded = loaded
        self.sources = sources
        self.options = options
        self.stateFolder = stateFolder
        self.resume = resume
    }

    /// The progress database; a damaged one is moved aside, said, and replaced by a new one.
    func openStore(on terminal: Terminal) throws -> SQLiteProgressStore {
        do {
            return try SQLiteProgressStore.open(stateFolder: stateFolder)
        } catch let error as ProgressStoreError {
            guard case .corrupt = error else { throw error }
            terminal.write("Note: \(error)\n")
            return try SQLiteProgressStore.open(stateFolder: stateFolder)
        }
    }

    /// Runs the session on `terminal` and returns how it ended, with the transcript's path.
    public func run(on baseTerminal: Terminal, runner baseRunner: CommandRunner = LiveCommandRunner(), now: Date = Date()) throws -> (SessionOutcome, URL) {
        let lesson = loaded.lesson
        let store = try openStore(on: baseTerminal)
        let existing = try store.load(lessonID: lesson.id)
        var (state, resuming) = startingState(existing, terminal: baseTerminal)
        // What the user gave must agree with every other value (a node's address is not the gateway),
        // before the learner is told the run resumes.
        try sources.checkGiven(state.inputs, lesson: lesson)
        for line in resuming { baseTerminal.write(ScreenWrap.fit(line, width: options.width)) }
        if let lab = options.labName { state.practiceLab = lab }
        let transcript = try SessionTranscript(loaded: loaded, options: options, state: state, stateFolder: stateFolder, now: now,
                                               interactive: baseTerminal.isInteractive)
        let (file, recorder, transcriptURL) = (transcript.file, transcript.recorder, transcript.url)
        let terminal = RecordingTerminal(baseTerminal, recorder: recorder, inlineSecret: InlineSecret(lesson: lesson))
        let session = WizardSession(loaded: loaded, terminal: terminal, runner: RecordingRunner(baseRunner, recorder: recorder),
                                    options: options, state: state)
        var run = SavedRun(lesson: lesson, lessonFile: loaded.url.path, state: state, now: now, transcript: transcriptURL.path)
        // A run that goes on keeps its start, the marks of what is still as it was, and its earlier
        // sessions' transcripts.
        if let existing, !resuming.isEmpty {
            run.startedAt = existing.startedAt
            run.marks = SavedRun.marks(existing.marks, keptBy: state)
            run.sessions = existing.sessionTranscripts + [transcriptURL.path]
        }
        let saver = ProgressSaver(store: store, lesson: lesson, run: run, file: file, recorder: recorder)
        if let error = saver.persist(state, StateChanges()) { throw error }
        session.onStateChange = { newState, changes in saver.persist(newState, changes).map { "\($0)" } }
        session.onEvent = { event in
            recorder.append(event)
            if case .marker = event { file.syncInBackground() }
        }
        let outcome = session.run()
        recorder.append(.end(outcome.message))
        if case .finished = outcome, let reason = saver.persist(session.state, StateChanges(), finished: true) {
            baseTerminal.write("Warning: the lesson is finished, but that could not be saved: \(reason)\n")
        }
        file.sync()
        return (outcome, transcriptURL)
    }
}
