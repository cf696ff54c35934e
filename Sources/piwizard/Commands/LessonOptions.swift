import ArgumentParser
import Lessons
import Wizard

/// Where lessons are looked for; shared by every command that takes a lesson.
struct LessonOptions: ParsableArguments {
    @Option(name: .customLong("lessons"), help: ArgumentHelp("A folder of lessons to search first (repeatable; also PIWIZARD_LESSONS).", valueName: "dir"))
    var folders: [String] = []

    var library: LessonLibrary {
        LessonLibrary.standard(explicit: folders, environment: Platform.environment,
                               workingDirectory: Platform.workingDirectory, executable: Platform.executable,
                               validators: ValidatorRegistry.specs)
    }
}
