import Testing
@testable import Wizard

/// The session's mode comes from the options once: the self-test is an unattended run that also
/// proves the checks, and is told apart from a plain unattended run.
@Suite struct SessionModeTests {
    @Test func theSelfTestIsUnattendedAndProvesTheChecks() {
        var options = SessionOptions(unattended: true)
        #expect(SessionMode(options) == .unattended)
        options.selfTest = true
        #expect(SessionMode(options) == .selfTest)
        #expect(SessionMode(SessionOptions()) == .learner)
    }
}
