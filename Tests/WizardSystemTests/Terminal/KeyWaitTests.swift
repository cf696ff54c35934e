import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import WizardSystem

/// A watch's wait for a key on a real pseudo-terminal: the time runs out, a key ends it (and is the
/// key read), Ctrl-C is told apart, end of input too, and the terminal's settings are put back.
@Suite struct KeyWaitTests {
    @Test func aWaitEndsWithTheTimeOrTheFirstKeyAndPutsTheTerminalBack() throws {
        let learner = LearnerTerminal()
        defer { learner.closeAll() }
        let descriptor = TerminalDescriptor(fd: learner.slave)
        let before = learner.settings

        let started = Date()
        #expect(descriptor.waitForByte(seconds: 1) == .timedOut)
        #expect(Date().timeIntervalSince(started) >= 0.9)

        // A key not ended by Enter is there at once: the wait does not cook lines.
        learner.type("d")
        #expect(descriptor.waitForByte(seconds: 5) == .byte(UInt8(ascii: "d")))
        // Ctrl-C pressed during the wait is a key, not a signal.
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { learner.type("\u{3}") }
        #expect(descriptor.waitForByte(seconds: 5) == .interrupted)

        let after = learner.settings
        #expect(after.c_lflag == before.c_lflag, "canonical mode, echo and signal keys are back")
        #expect(after.c_lflag & tcflag_t(ICANON | ECHO | ISIG) == tcflag_t(ICANON | ECHO | ISIG))
    }

    @Test func aKeyTypedBeforeTheWaitEndsItAtOnce() throws {
        let learner = LearnerTerminal()
        defer { learner.closeAll() }
        // Typed while the terminal still cooked lines (a look at the checks was running): no Enter.
        learner.type("hint")
        let started = Date()
        #expect(TerminalDescriptor(fd: learner.slave).waitForByte(seconds: 5) == .byte(UInt8(ascii: "h")))
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test func keysTypedWhileAWatchLooksWaitUnseenForTheNextWaitCtrlCToo() throws {
        let learner = LearnerTerminal()
        defer { learner.closeAll() }
        let descriptor = TerminalDescriptor(fd: learner.slave)
        let before = learner.settings
        let echoOff = descriptor.holdingKeys { () -> Bool in
            learner.type("\u{3}")
            usleep(100_000)
            return learner.settings.c_lflag & tcflag_t(ECHO | ISIG) == 0
        }
        #expect(echoOff)
        #expect(learner.settings.c_lflag == before.c_lflag)
        #expect(descriptor.waitForByte(seconds: 5) == .interrupted, "the Ctrl-C typed during the look was kept as a key")
    }

    @Test func theEndOfInputEndsAWait() throws {
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        close(ends[1])
        defer { close(ends[0]) }
        #expect(TerminalDescriptor(fd: ends[0]).waitForByte(seconds: 5) == .closed)
    }
}
