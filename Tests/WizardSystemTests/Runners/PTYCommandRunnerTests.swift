import Foundation
import Testing
import Wizard
@testable import WizardSystem
#if canImport(Glibc)
import Glibc
#endif

/// The pseudo-terminal runner, with real programs. Non-interactive runs get `/dev/null` as display;
/// interactive ones get a keyboard pipe (or a test-made terminal) and a screen file.
@Suite("PTYCommandRunner")
struct PTYCommandRunnerTests {
    private func run(_ command: String) throws -> CommandResult {
        try RunnerKind.pty.run(command)
    }

    @Test func theProgramSeesATerminal() throws {
        let result = try run("test -t 0 && test -t 1 && test -t 2 && echo tty")
        #expect(result.output == "tty\n")
    }

    @Test func theTerminalIsItsControllingTerminal() throws {
        // `/dev/tty` opens only for a process with a controlling terminal.
        let result = try run("echo via-tty > /dev/tty")
        #expect(result.output == "via-tty\n")
        #expect(result.exitStatus == 0)
    }

    @Test func withoutARealTerminalTheSizeIs80x24() throws {
        #expect(try run("stty size").output == "24 80\n")
    }

    @Test func crlfFromTheTerminalBecomesLF() throws {
        let result = try run("printf 'one\\ntwo\\n'")
        #expect(result.output == "one\ntwo\n")
        #expect(!result.output.contains("\r"))
    }

    @Test func interactiveCatEchoesWhatIsTyped() throws {
        try withConsole { keyboard, screen in
            keyboard.type("abc\n\u{04}")
            keyboard.hangUp()
            let runner = PTYCommandRunner(input: keyboard.readEnd, output: screen.fd)
            let result = try runner.run(CommandRequest(command: "cat", timeout: 20, interactive: true)) { _ in }
            #expect(result.exitStatus == 0)
            #expect(!result.timedOut)
            // Once echoed by the terminal, once printed by cat.
            #expect(result.output.components(separatedBy: "abc\n").count - 1 == 2)
        }
    }

    @Test func interactiveOutputIsShownRawOnTheScreen() throws {
        try withConsole { keyboard, screen in
            keyboard.hangUp()
            let runner = PTYCommandRunner(input: keyboard.readEnd, output: screen.fd)
            let result = try runner.run(CommandRequest(command: "echo shown", timeout: 20, interactive: true)) { _ in }
            #expect(result.output == "shown\n")
            #expect(screen.contents == "shown\r\n")
        }
    }

    @Test func aPasswordTypedWithEchoOffIsNeverCaptured() throws {
        try withConsole { keyboard, screen in
            let canary = "canary-\(UUID().uuidString.prefix(12))"
            let sink = TextSink()
            let typed = Flag()
            let script = #"stty -echo; printf 'Password: '; read -r secret; stty echo; printf '\nlength=%s\n' "${#secret}""#
            let runner = PTYCommandRunner(input: keyboard.readEnd, output: screen.fd)
            // The learner types only after the prompt, i.e. while echo is off, as at a real sudo prompt.
            let result = try runner.run(CommandRequest(command: script, timeout: 20, interactive: true)) { text in
                sink.append(text)
                if sink.text.contains("Password: "), typed.raise() { keyboard.type(canary + "\n") }
            }
            #expect(result.exitStatus == 0)
            #expect(result.output.contains("length=\(canary.count)"))
            #expect(!result.output.contains(canary))
            #expect(!sink.text.contains(canary))
            #expect(!screen.contents.contains(canary))
        }
    }
}

/// Interactive runs on a terminal made by the test, standing for the learner's: raw mode while the
/// program runs, settings restored afterwards, Ctrl-C and window size passed through.
@Suite("PTYCommandRunner on a terminal", .serialized)
struct PTYCommandRunnerTerminalTests {
    @Test func theLearnersTerminalIsRawDuringTheRunAndRestoredAfter() throws {
        let learner = LearnerTerminal()
        defer { learner.closeAll() }
        let before = learner.settings
        #expect(before.c_lflag & tcflag_t(ICANON | ECHO | ISIG) == tcflag_t(ICANON | ECHO | ISIG))
        let rawDuringRun = Flag()
        let slave = learner.slave
        let runner = PTYCommandRunner(input: learner.slave, output: learner.slave)
        let result = try runner.run(CommandRequest(command: "echo running", timeout: 20, interactive: true)) { _ in
            var settings = termios()
            _ = tcgetattr(slave, &settings)
            if settings.c_lflag & tcflag_t(ICANON | ECHO | ISIG) == 0 { rawDuringRun.raise() }
        }
        #expect(result.exitStatus == 0)
        #expect(rawDuringRun.isRaised, "the learner's terminal was not raw while the program ran")
        let after = learner.settings
        #expect(after.c_lflag == before.c_lflag)
        #expect(after.c_iflag == before.c_iflag)
        #expect(after.c_oflag == before.c_oflag)
    }

    @Test func ctrlCStopsTheProgramNotTheWizard() throws {
        let learner = LearnerTerminal()
        defer { learner.closeAll() }
        let sink = TextSink()
        let pressed = Flag()
        let runner = PTYCommandRunner(input: learner.slave, output: learner.slave)
        // Ctrl-C only once cat has answered (echo plus cat's copy), so it surely runs by then.
        learner.type("ping\r")
        let result = try runner.run(CommandRequest(command: "exec cat", timeout: 20, interactive: true)) { text in
            sink.append(text)
            if sink.text.components(separatedBy: "ping").count > 2, pressed.raise() { learner.type("\u{03}") }
        }
        #expect(result.exitStatus == 130)
        #expect(result.interrupted, "the session is told it was Ctrl-C, not a failure")
        #expect(!result.timedOut)
        // Still here, and the terminal is back to normal.
        #expect(learner.settings.c_lflag & tcflag_t(ISIG) != 0)
    }

    /// ssh reads Ctrl-C as data (its terminal is raw) and exits 130 when the remote shell's last
    /// command was interrupted: the step was not (issue 31, bug 5).
    @Test func ctrlCReadAsDataThenExit130IsNotAnInterruption() throws {
        let learner = LearnerTerminal()
        defer { learner.closeAll() }
        let pressed = Flag()
        let sink = TextSink()
        let runner = PTYCommandRunner(input: learner.slave, output: learner.slave)
        let command = "stty raw -echo; echo ready; dd bs=1 count=1 >/dev/null 2>&1; stty sane; exit 130"
        let result = try runner.run(CommandRequest(command: command, timeout: 20, interactive: true)) { text in
            sink.append(text)
            if sink.text.contains("ready"), pressed.raise() { learner.type("\u{03}") }
        }
        #expect(result.exitStatus == 130)
        #expect(!result.interrupted, "the program ended by itself")
    }

    @Test func anExitStatusOf130WithoutCtrlCIsNotAnInterruption() throws {
        let result = try RunnerKind.pty.run("exit 130")
        #expect(result.exitStatus == 130 && !result.interrupted)
    }

    @Test func theProgramGetsTheLearnersWindowSizeAndItsChanges() throws {
        let learner = LearnerTerminal(rows: 30, columns: 100)
        defer { learner.closeAll() }
        let resized = Flag()
        let runner = PTYCommandRunner(input: learner.slave, output: learner.slave)
        let script = "stty size; echo ready; read line; stty size"
        let result = try runner.run(CommandRequest(command: script, timeout: 20, interactive: true)) { text in
            if text.contains("ready"), resized.raise() {
                learner.resize(rows: 40, columns: 120)
                learner.type("\r")
            }
        }
        #expect(result.output.hasPrefix("30 100\n"))
        #expect(result.output.hasSuffix("40 120\n"))
    }
}
