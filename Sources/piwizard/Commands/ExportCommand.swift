import ArgumentParser
import Foundation
import Lessons
import PracticeLab
import Wizard
import WizardSystem

/// `piwizard export LESSON`: a finished run's hosts and values (and the lesson's `{ansible}` tasks) as
/// an Ansible inventory and playbook that keep the cluster as the lesson left it.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a run's hosts and values as an Ansible inventory, and a playbook that keeps what the lesson set up.",
        discussion: """
        The values are the saved run's (then the practice lab's with --lab, --vars and --var). --format ansible writes inventory.yml, \
        group_vars/all.yml and playbook.yml into the output folder; --format inventory the first two. \
        --json prints the hosts and values instead (format: docs/json-output.md). No secret is written.
        """
    )

    /// What is written.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ansible, inventory
    }

    @OptionGroup var options: LessonOptions
    @OptionGroup var state: StateOptions
    @Argument(help: "A lesson id or a path to a lesson .md file.") var lesson: String
    @Option(help: "ansible (inventory, variables and playbook) or inventory (without the playbook).") var format: Format = .ansible
    @Option(name: .customLong("output"), help: ArgumentHelp("The folder to write into (default: ./LESSON-ansible).", valueName: "dir")) var output: String?
    @OptionGroup var values: InputOptions
    @Flag(help: "Take the inputs from the practice lab (which must be up).") var lab = false
    @Flag(help: "Print the hosts and values as JSON; write no file.") var json = false

    func run() throws {
        let loaded = try options.library.load(lesson)
        let lesson = loaded.lesson
        let saved = try state.store().load(lessonID: lesson.id)
        var setUp = try SessionSetUp(loaded, given: values, saved: saved, options: SessionOptions())
        guard saved != nil || !setUp.sources.provided.values.isEmpty || lab else {
            throw RuntimeFailure(message: "no saved run of \(lesson.id): export writes what a run set up; run it first (\(Platform.commandName) start \(lesson.id)), or give its values with --vars FILE", status: ExitStatus.notFound)
        }
        if lab { setUp.practise(in: try RunningLab.find(saved: saved)) }
        let inputs = try setUp.checkedInputs()
        let inventory = try AnsibleInventory(lesson: lesson, inputs: inputs)
        if json {
            print(JSONOutput.text(inventory))
            return
        }
        let playbook = format == .ansible ? try AnsiblePlaybook(lesson: lesson, inputs: inputs, inventory: inventory) : nil
        if let saved, !saved.finished {
            Platform.writeError("note: the run of \(lesson.id) is not finished; the files hold its values as they are now")
        }
        let folder = URL(fileURLWithPath: output ?? "\(lesson.id)-ansible", relativeTo: Platform.workingDirectory).standardizedFileURL
        var files = [("inventory.yml", inventory.inventoryText), ("group_vars/all.yml", inventory.groupVariablesText)]
        if let playbook { files.append(("playbook.yml", playbook.text)) }
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        }
        Platform.show("Wrote \(files.map(\.0).joined(separator: ", ")) into \(folder.path) (\(inventory.hosts.count) hosts).")
        if let playbook {
            Platform.show("Run it with: cd \(ShellQuote.word(folder.path)) && ansible-playbook -i inventory.yml playbook.yml -K")
            if !playbook.leftOut.isEmpty { Platform.show("Not exported (no Ansible tasks in the lesson): \(playbook.leftOut.joined(separator: ", ")).") }
        }
    }
}
