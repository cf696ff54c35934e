import Testing
@testable import WizardSystem

/// Raw `waitpid` statuses decoded as shells report them.
@Suite("WaitStatus")
struct WaitStatusTests {
    @Test func normalExitGivesTheExitCode() {
        #expect(WaitStatus.exitStatus(0) == 0)
        #expect(WaitStatus.exitStatus(3 << 8) == 3)
        #expect(WaitStatus.exitStatus(255 << 8) == 255)
    }

    @Test func deathBySignalGives128PlusTheSignal() {
        #expect(WaitStatus.exitStatus(15) == 143)
        #expect(WaitStatus.exitStatus(9) == 137)
        #expect(WaitStatus.exitStatus(2 | 0x80) == 130) // core dumped flag
    }
}
