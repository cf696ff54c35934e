import Foundation
import Lessons
import Testing
@testable import Wizard

/// Watching a step's checks while the learner works by hand, driven by events alone: the looks, the
/// line that shows them, the waits, and every way a watch ends.
@Suite struct WatchTests {
    typealias Drive = SessionMachineTests.Drive

    static let lesson = """
    ---
    id: watched
    title: Watched
    summary: A step done at another keyboard, watched; a step with a check but no watch.
    ---
    # Watched

    ## Type it at the other keyboard {#console}

    ```sh {show watch=3}
    date > /tmp/watched/at-console
    ```

    ```sh {check name="the file is there"}
    test -f /tmp/watched/at-console
    ```

    ```sh {check name="it holds a time"}
    grep -q : /tmp/watched/at-console
    ```

    ```sh {run}
    echo after the hand-typed part
    ```

    ## Then this {#then}

    ```sh {run}
    true
    ```

    ```sh {check}
    true
    ```
    """

    static let pass = CheckOutcome(passed: true, title: "the file is there", expected: "exit 0", found: "exit 0")
    static let fail = CheckOutcome(passed: false, title: "it holds a time", expected: "exit 0", found: "exit 1")

    /// A drive at the watched step's prompt, the commands shown and the first look asked for.
    static func watching(interactive: Bool = true) throws -> Drive {
        var drive = try Drive(lesson, id: "watched", interactive: interactive)
        drive.send(.begin)
        drive.send(.checked([fail]))        // not done already
        drive.send(.line("run"))
        return drive
    }

    @Test func runShowsTheHandTypedPartThenLooksUntilTheChecksPassAndGoesOnByItself() throws {
        var drive = try Self.watching()
        #expect(drive.shown.contains("date > /tmp/watched/at-console"))
        #expect(drive.shown.contains("Do this by hand; piwizard watches for it."))
        #expect(drive.shown.contains("Watching: piwizard looks at its 2 checks every 3 s"))
        guard case .look(let blocks, nil)? = drive.last else { Issue.record("\(drive.effects)"); return }
        #expect(blocks.count == 2)

        drive.send(.checked([Self.pass, Self.fail]))
        #expect(drive.last == .waitForKey(seconds: 3))
        #expect(drive.shown.hasPrefix("\r  look 1, every 3 s: ✓ the file is there  ✗ it holds a time"))
        #expect(!drive.shown.contains("\n"), "one line, drawn over by the next look")

        drive.send(.waited(.timedOut))
        guard case .look(_, nil)? = drive.last else { Issue.record("\(drive.effects)"); return }
        drive.send(.checked([Self.pass, Self.fail]))
        #expect(drive.shown.hasPrefix("\r  look 2, every 3 s:"))
        drive.send(.waited(.timedOut))

        // Both pass: the command after the hand-typed part runs, then the checks as `done` runs them.
        drive.send(.checked([Self.pass, Self.pass]))
        #expect(drive.shown.contains("It looks done: checking it."))
        #expect(drive.request?.command == "echo after the hand-typed part")
        drive.send(SessionMachineTests.ok())
        guard case .check(_, nil, true)? = drive.last else { Issue.record("\(drive.effects)"); return }
        drive.send(.checked([Self.pass, Self.pass]))
        #expect(drive.effects.contains(.record(.status(step: "console", item: "", status: .done))))
        #expect(drive.state.session.stepIndex == 1)
    }

    @Test func aKeyEndsTheWatchAndIsThePromptsFirstKeyDoneStillWorks() throws {
        var drive = try Self.watching()
        drive.send(.checked([Self.fail]))
        drive.send(.waited(.keyPressed))
        #expect(drive.shown == "\n")
        #expect(drive.last == .readLine(prompt: "console> ", prefill: nil))
        // `done` goes on after the hand-typed part, as it does without a watch.
        drive.send(.line("done"))
        #expect(drive.request?.command == "echo after the hand-typed part")
    }

    @Test func ctrlCStopsWatchingAndWatchStartsAgain() throws {
        var drive = try Self.watching()
        drive.send(.checked([Self.fail]))
        drive.send(.waited(.interrupted))
        #expect(drive.shown.contains("Stopped watching. Type done when you have done it, or watch to watch again."))
        #expect(drive.last == .readLine(prompt: "console> ", prefill: nil))
        drive.send(.line("watch"))
        guard case .look(_, nil)? = drive.last else { Issue.record("\(drive.effects)"); return }
        drive.send(.checked([Self.fail]))
        #expect(drive.last == .waitForKey(seconds: 3))
    }

    @Test func theEndOfInputWhileWatchingQuits() throws {
        var drive = try Self.watching()
        drive.send(.checked([Self.fail]))
        drive.send(.waited(.endOfInput))
        #expect(drive.last == .end(.quit(step: "console")))
    }

    @Test func withNoPersonAtTheTerminalNothingIsWatched() throws {
        let drive = try Self.watching(interactive: false)
        #expect(drive.shown.contains("Do this by hand, then type done."))
        #expect(drive.last == .readLine(prompt: "console> ", prefill: nil))
    }

    @Test func watchAtAnyStepWithChecksWatchesItEveryFiveSeconds() throws {
        var drive = try Self.watching()
        drive.send(.checked([Self.pass, Self.pass]))
        drive.send(SessionMachineTests.ok())
        drive.send(.checked([Self.pass]))
        #expect(drive.state.session.stepIndex == 1)
        // The next step: not done already; `watch` there looks every 5 s (it has no watch of its own).
        drive.send(.checked([Self.fail]))
        drive.send(.line("watch"))
        #expect(drive.shown.contains("Watching: piwizard looks at its check every 5 s and goes on by itself when it passes."))
        drive.send(.checked([Self.fail]))
        #expect(drive.last == .waitForKey(seconds: 5))
    }

    @Test func theLineOfALookFitsTheScreen() throws {
        let presenter = SessionPresenter(lesson: try TestLessons.load(Self.lesson, id: "watched").lesson, style: .plain, width: 40)
        let long = CheckOutcome(passed: false, title: "a check with a very long name indeed", expected: "", found: "")
        let line = presenter.watchLine([Self.pass, long], look: 12, seconds: 3)
        #expect(line.hasPrefix("\r  look 12, every 3 s: ✓ the file is"))
        #expect(line.hasSuffix("…") || line.hasSuffix(" "))
        #expect(line.count - 1 == 38, "the screen's width less two: no wrap, and the look before is drawn over")
    }
}
