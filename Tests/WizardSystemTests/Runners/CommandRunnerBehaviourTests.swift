import Foundation
import Testing
import Wizard
@testable import WizardSystem
#if canImport(Glibc)
import Glibc
#endif

/// What both live runners do alike, with real programs: exit statuses as shells report them, streamed
/// output, timeouts that stop the whole command, and not waiting on what a command leaves behind.
@Suite("Both runners")
struct CommandRunnerBehaviourTests {
    @Test(arguments: RunnerKind.allCases)
    func echoPrintsHelloAndExitsZero(runner: RunnerKind) throws {
        let result = try runner.run("echo hello")
        #expect(result.output == "hello\n")
        #expect(result.exitStatus == 0)
        #expect(result.succeeded)
        #expect(!result.timedOut)
    }

    /// A lesson's run block stops at its first failing line, as a script with `set -e` does; `||`,
    /// `&&` and `if` work as they always do, and the shell's line numbers stay the block's own.
    @Test(arguments: RunnerKind.allCases)
    func aRunBlockStopsAtItsFirstFailingLine(runner: RunnerKind) throws {
        let script = "echo one\nfalse\necho after"
        let stopping = try runner.run(CommandRequest(command: script, timeout: 20, stopsAtFirstFailure: true))
        #expect(stopping.exitStatus == 1)
        #expect(stopping.output == "one\n")
        let goingOn = try runner.run(CommandRequest(command: script, timeout: 20))
        #expect(goingOn.exitStatus == 0 && goingOn.output == "one\nafter\n", "a check's script is judged by its end")
        let guarded = try runner.run(CommandRequest(command: "false || echo handled\nif false; then :; fi\necho done", timeout: 20, stopsAtFirstFailure: true))
        #expect(guarded.exitStatus == 0 && guarded.output == "handled\ndone\n")
        let missing = try runner.run(CommandRequest(command: "true\nno-such-program-here", timeout: 20, stopsAtFirstFailure: true))
        #expect(missing.output.contains("2:"), "the shell names the block's own line 2: \(missing.output)")
    }

    @Test(arguments: RunnerKind.allCases)
    func exitCodeIsReported(runner: RunnerKind) throws {
        #expect(try runner.run("exit 3").exitStatus == 3)
    }

    @Test(arguments: RunnerKind.allCases)
    func deathBySignalIs128PlusSignal(runner: RunnerKind) throws {
        #expect(try runner.run("kill -TERM $$").exitStatus == 143)
    }

    @Test(arguments: RunnerKind.allCases)
    func theCallbackReceivesTheStreamedText(runner: RunnerKind) throws {
        let sink = TextSink()
        let result = try runner.run("echo first; sleep 0.3; echo second") { sink.append($0) }
        #expect(sink.text == "first\nsecond\n")
        #expect(sink.text == result.output)
        #expect(sink.calls >= 2)
    }

    @Test(arguments: RunnerKind.allCases)
    func utf8OutputSurvives(runner: RunnerKind) throws {
        #expect(try runner.run("printf 'Grüße 🍓\\n'").output == "Grüße 🍓\n")
    }

    @Test(arguments: RunnerKind.allCases)
    func aBackgroundJobLeftBehindDoesNotHoldTheResult(runner: RunnerKind) throws {
        // The job keeps the output open; the runner returns once the command ended and output went quiet.
        let result = try runner.run("(sleep 3; echo late) & echo started")
        #expect(result.exitStatus == 0)
        #expect(result.output == "started\n")
    }

    /// What a command leaves in the background gets the hangup signal when it ends, at a terminal as
    /// unattended (as when a terminal's shell exits): a plain `server &` ends, `nohup` and `setsid`
    /// keep a program running. Both runners alike.
    @Test(arguments: RunnerKind.allCases)
    func aBackgroundProcessIsHungUpWhenItsCommandEndsUnlessItIgnoresIt(runner: RunnerKind) throws {
        var request = CommandRequest(command: "sleep 301 >/dev/null 2>&1 & echo $!; nohup sleep 302 >/dev/null 2>&1 & echo $!; setsid sleep 303 >/dev/null 2>&1 & echo $!; sleep 0.5", timeout: 20)
        request.isLessonCommand = true
        let result = try runner.run(request)
        let children = result.output.split(separator: "\n").compactMap { pid_t($0) }
        try #require(children.count == 3, "\(result.output)")
        defer { for child in children { kill(child, SIGKILL) } }
        var gone = false
        for _ in 0..<40 where !gone {
            gone = !isAlive(children[0])
            if !gone { usleep(50_000) }
        }
        #expect(gone, "the plain background sleep (pid \(children[0])) outlived its command")
        // (The command waits a moment first: a job forked a moment before its shell ends has not set
        // its signals up yet, at a terminal too.)
        #expect(isAlive(children[1]), "nohup keeps it running")
        #expect(isAlive(children[2]), "setsid keeps it running")
    }

    @Test(arguments: RunnerKind.allCases)
    func timeoutStopsTheCommandAndWhatItStarted(runner: RunnerKind) throws {
        let result = try runner.run("sleep 30 & echo $!; wait", timeout: 0.5)
        #expect(result.timedOut)
        #expect(!result.succeeded)
        #expect(result.exitStatus == 143)
        let child = try #require(pid_t(result.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        var gone = false
        for _ in 0..<40 where !gone {
            gone = !isAlive(child)
            if !gone { usleep(50_000) }
        }
        #expect(gone, "the background sleep (pid \(child)) survived the timeout")
    }

    @Test(arguments: RunnerKind.allCases)
    func aCommandIgnoringSIGTERMIsKilled(runner: RunnerKind) throws {
        let result = try runner.run("trap '' TERM; sleep 30", timeout: 0.3)
        #expect(result.timedOut)
        #expect(result.exitStatus == 137)
    }

    @Test(arguments: RunnerKind.allCases)
    func theCommandStartsWithDefaultSignals(runner: RunnerKind) async throws {
        // Swift concurrency threads (this test runs on one) block most signals; a child must not inherit that.
        let result = try runner.run("grep -E '^Sig(Blk|Ign)' /proc/self/status")
        var masks: [String: UInt64] = [:]
        for line in result.output.split(separator: "\n") {
            let parts = line.split(separator: ":")
            if parts.count == 2 { masks[String(parts[0])] = UInt64(parts[1].trimmingCharacters(in: .whitespaces), radix: 16) }
        }
        // Bits 0-30 are the classic signals 1-31 (glibc keeps its own two real-time signals above).
        #expect(masks["SigBlk"].map { $0 & 0x7fff_ffff } == 0)
        #expect(masks["SigIgn"].map { $0 & 0x7fff_ffff } == 0)
    }

    @Test(arguments: RunnerKind.allCases)
    func theCommandGetsNoDescriptorOfPiwizardsButItsStandardStreams(runner: RunnerKind) throws {
        // Descriptors this process holds open without close-on-exec (as a library might) stay here.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let file = open("/dev/null", O_RDONLY)
        defer { close(ends[0]); close(ends[1]); close(file) }
        let held = [ends[0], ends[1], file]
        #expect(held.allSatisfy { $0 > 2 && fcntl($0, F_GETFD) & FD_CLOEXEC == 0 })
        // `ls` lists the shell's descriptors from outside it (a glob in the shell would open one).
        let result = try runner.run("ls -1 /proc/$$/fd")
        let seen = Set(result.output.split(separator: "\n").compactMap { Int32($0) })
        #expect(seen.isSuperset(of: [0, 1, 2]), "\(result.output)")
        #expect(seen.isDisjoint(with: held), "\(result.output): the shell got \(seen.sorted()), piwizard holds \(held)")
        #expect(seen.subtracting([0, 1, 2]).isEmpty, "\(result.output)")
    }

    @Test(arguments: RunnerKind.allCases)
    func aLotOfOutputComesThroughWhole(runner: RunnerKind) throws {
        let result = try runner.run("head -c 1048576 /dev/zero | tr '\\000' x; echo end", timeout: 60)
        #expect(result.exitStatus == 0)
        #expect(!result.timedOut)
        #expect(result.output.utf8.count == 1_048_576 + 4)
        #expect(result.output.hasSuffix("xend\n"))
    }

    @Test(arguments: RunnerKind.allCases)
    func aProgramThatCannotStartThrows(runner: RunnerKind) throws {
        let folder = NSTemporaryDirectory() + "/pw-ctl-\(UUID().uuidString.prefix(8))"
        defer { rmdir(folder) }
        let builder = CommandLineBuilder(controlDirectory: folder, sshProgram: "/nonexistent/ssh")
        #expect(throws: CommandRunnerError.self) {
            try runner.run(CommandRequest(command: "true", host: RemoteHost(address: "127.0.0.1")), builder: builder)
        }
    }
}
