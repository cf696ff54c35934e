import ArgumentParser
import Foundation
import Lessons
import PracticeLab
import Wizard
import WizardSystem

/// Every runtime error piwizard reports, with its message and its exit status, in one place (see the
/// README's exit status table). Usage errors, help and `ExitCode` stay the argument parser's.
struct RuntimeFailure: Error {
    var message: String
    var status: Int32

    /// The exit statuses (`ExitStatus`, shared with a session's outcomes).
    typealias Status = ExitStatus

    /// The failure for `error`, or nil for the argument parser's own errors.
    init?(_ error: Error) {
        switch error {
        case is ExitCode, is ValidationError, is CleanExit:
            return nil
        case _ where String(reflecting: type(of: error)).hasPrefix("ArgumentParser."):
            // The parser's own (internal) errors: a `help` or `--help` that ran as a command.
            return nil
        case let failure as RuntimeFailure:
            self = failure
        case let error as LessonLibraryError:
            switch error {
            case .notFound, .unreadable: self.init(message: "\(error)", status: Status.notFound)
            case .invalid: self.init(message: "\(error)", status: Status.badData)
            }
        case let error as ProgressStoreError:
            switch error {
            case .newerVersion, .corrupt: self.init(message: "\(error)", status: Status.badData)
            case .cannotRead, .cannotWrite: self.init(message: "\(error)", status: Status.storage)
            }
        case let error as TranscriptFile.CreateError: self.init(message: "\(error)", status: Status.storage)
        case let error as Transcript.ReadError: self.init(message: "\(error)", status: Status.badData)
        case let error as LabError: self.init(message: "\(error)", status: Status.unavailable)
        case let error as CommandRunnerError: self.init(message: "\(error)", status: Status.unavailable)
        case let error as ProvidedValues.Problem: self.init(message: "\(error)", status: Status.badInput)
        case let error as InputRefusal: self.init(message: "\(error)", status: Status.badInput)
        case let error as AnsibleExportProblem: self.init(message: "\(error)", status: Status.badInput)
        case is CocoaError, is POSIXError:
            let path = FileFailure.path(error).map { " \($0)" } ?? ""
            self.init(message: "cannot read or write\(path): \(FileFailure.reason(error))", status: Status.storage)
        default:
            // A failure piwizard has no words for is a bug in piwizard: say so, without Foundation's text.
            self.init(message: "an unexpected error (\(String(describing: type(of: error)))); please report it", status: Status.internalError)
        }
    }

    init(message: String, status: Int32) {
        self.message = message
        self.status = status
    }
}

extension RuntimeFailure {
    /// `--jobs` below 1: refused in one line (exit 64), not with the usage screen.
    static func tooFewJobs(_ jobs: Int) -> RuntimeFailure {
        RuntimeFailure(message: "--jobs \(jobs): a check asks at least 1 node at a time; give --jobs 1 or more", status: Status.badInput)
    }

    /// `--allow-destructive` naming no step of the lesson: refused before anything runs (exit 64).
    static func unknownStep(_ id: String, option: String, in lesson: Lesson) -> RuntimeFailure {
        RuntimeFailure(message: "\(option) \(id): the lesson has no step '\(id)'\(Suggestion.didYouMean(id, in: lesson.steps.map(\.id)))", status: Status.badInput)
    }
}
