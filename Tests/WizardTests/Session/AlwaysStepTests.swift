import Foundation
import Lessons
import Testing
@testable import Wizard

/// A step marked `always` runs even when its checks pass already: no "this looks done" for a step
/// whose point is to do something (a restart that proves what survives it).
@Suite struct AlwaysStepTests {
    static let lesson = """
    ---
    id: restart
    title: Restart
    summary: A restart that must happen.
    ---
    ## Restart {#restart always}

    ```sh {run}
    restart-it
    ```

    ```sh {check}
    is-up
    ```
    """

    @Test(arguments: [false, true])
    func itsCommandRunsWithoutAskingWhetherItIsDone(unattended: Bool) throws {
        var drive = try SessionMachineTests.Drive(Self.lesson, id: "restart", unattended: unattended, interactive: !unattended)
        drive.send(.begin)
        if unattended {
            #expect(drive.request?.command == "restart-it", "\(drive.effects)")
        } else {
            #expect(drive.last == .readLine(prompt: "restart> ", prefill: nil), "\(drive.effects)")
        }
        #expect(!drive.shown.contains("looks done"))
    }

    @Test func theAttributeTakesNoValue() {
        let parsed = LessonParser.parse(Self.lesson.replacingOccurrences(of: "always}", with: "always=yes}"), file: "restart.md")
        #expect(parsed.diagnostics.contains { $0.message == "step attribute 'always' takes no value" })
        #expect(LessonParser.parse(Self.lesson, file: "restart.md").lesson.steps.first?.runsAlways == true)
    }
}
