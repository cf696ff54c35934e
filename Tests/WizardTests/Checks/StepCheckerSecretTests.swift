import Foundation
import Lessons
import Testing
@testable import Wizard

/// A check that uses a secret runs with its value and is shown with its stand-in, as a run block is.
@Suite struct StepCheckerSecretTests {
    static let lesson = """
    ---
    id: secret-check
    title: Secret check
    summary: A check that reads a secret.
    inputs:
      token: { type: secret }
    ---
    ## Log in {#login}

    ```sh {run}
    true
    ```

    ```sh {check}
    verify --token {{token}}
    ```
    """

    @Test func theCheckRunsWithTheValueAndItsTitleShowsTheStandIn() throws {
        let loaded = try TestLessons.load(Self.lesson, id: "secret-check")
        let runner = FakeRunner()
        runner.on("verify --token 'to ken'", exits: [0])
        let checker = StepChecker(lesson: loaded.lesson, assets: "/", inputs: ["token": .secret(SecretValue("to ken"))],
                                  hosts: HostResolver(lesson: loaded.lesson, localAddresses: []), runner: runner, options: SessionOptions())
        let outcome = checker.check(loaded.lesson.steps[0].blocks(.check)[0], item: nil)
        #expect(runner.commands == ["verify --token 'to ken'"])
        #expect(outcome.passed, "\(outcome)")
        #expect(outcome.title == "check: verify --token '••••••(token)'")
        #expect(!"\(outcome)".contains("to ken"))
    }
}
