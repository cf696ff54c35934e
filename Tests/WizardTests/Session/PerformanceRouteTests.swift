import Testing
@testable import Wizard

/// Where a run's result goes, origin by origin: the table the transition follows.
@Suite struct PerformanceRouteTests {
    static let place = "at the console of n2"
    static let results: [PerformResult] = [.done, .failed("exit status 1"), .waitingForHands(4), .refused("Not confirmed"), .interrupted]

    static func routes(_ origin: Performance.Origin) -> [PerformanceRoute] {
        results.map { origin.route($0, step: "s", consolePlace: place) }
    }

    @Test func unattendedGoesOnOrEndsSayingWhy() {
        #expect(Self.routes(.unattended) == [
            .nextItem, .itemFailed("exit status 1"),
            .end(.needsHands(step: "s", reason: "it has commands to type by hand (at the console of n2)")),
            .end(.needsHands(step: "s", reason: "Not confirmed")), .end(.quit(step: "s")),
        ])
    }

    @Test func atThePromptEverythingButDoneComesBackToIt() {
        let prompt = PromptState(resumeAt: nil, shownOnly: true)
        #expect(Self.routes(.prompt(prompt)) == [
            .nextItem, .prompt(prompt), .prompt(PromptState(resumeAt: 4, shownOnly: true)), .prompt(prompt), .prompt(prompt),
        ])
        #expect(Self.routes(.edit(prompt)) == [.nextItem, .prompt(prompt), .prompt(prompt), .prompt(prompt), .prompt(prompt)])
    }

    @Test func theSelfTestRecordsAFailedCommandAsItsStagesFinding() {
        #expect(Self.routes(.selfTest(.drill(1))) == [
            .nextItem, .selfTestCommandFailed(.drill(1), reason: "exit status 1"),
            .end(.needsHands(step: "s", reason: "its self-test has commands to type by hand (at the console of n2)")),
            .selfTestCommandFailed(.drill(1), reason: "Not confirmed"), .end(.quit(step: "s")),
        ])
    }

    @Test func theLabsSetUpAlwaysHandsOverToTheWaitingCommand() {
        let request = LabSceneRequest(command: .run, prompt: PromptState())
        #expect(Self.routes(.labSetUp(then: request)) == Array(repeating: .labSceneReady(request), count: 5))
        #expect(Self.routes(.labSetUp(then: nil)) == Array(repeating: .labSceneReady(nil), count: 5))
    }
}
