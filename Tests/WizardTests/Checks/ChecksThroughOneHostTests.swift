import Foundation
import Lessons
import Testing
@testable import Wizard

/// A validator that asks every node through the master, and every node's check that runs on the
/// master, run at most `StepChecker.sessionsPerHost` commands there at once, whatever `--jobs` says
/// (sshd drops logins beyond its limits); checks on this computer keep `--jobs`.
@Suite struct ChecksThroughOneHostTests {
    /// Counts how many commands run at the same time.
    final class OverlapRunner: CommandRunner, @unchecked Sendable {
        private let lock = NSLock()
        private var running = 0
        private(set) var most = 0

        func run(_ request: CommandRequest, output: @escaping @Sendable (String) -> Void) throws -> CommandResult {
            lock.withLock { running += 1; most = max(most, running) }
            usleep(20_000)
            lock.withLock { running -= 1 }
            return CommandResult(exitStatus: 0, output: request.command, duration: 0.02)
        }
    }

    static func lesson(on target: String) -> String {
        """
        ---
        id: many-nodes
        title: Many nodes
        summary: One check asks every node.
        hosts:
          master: nodes.role == master
        inputs:
          nodes:
            type: list
            fields:
              ip: { type: ipv4 }
              role: { type: choice, choices: [master, worker] }
        ---
        ## Different {#different}

        ```sh {run}
        true
        ```

        ```yaml {check \(target) validator=unique-across-nodes}
        nodes: "{{nodes.ip}}"
        command: hostname
        ```
        """
    }

    static let nodes: InputValue = .records((1...24).map { ["ip": "10.9.0.\($0)", "role": $0 == 1 ? "master" : "worker"] })

    /// The most commands that ran at once while `check` ran, with `--jobs 32` and 24 nodes.
    func most(lesson text: String, id: String, check: (StepChecker, Lesson) -> Void) throws -> Int {
        let loaded = try TestLessons.load(text, id: id)
        let runner = OverlapRunner()
        var options = SessionOptions()
        options.jobs = 32
        let checker = StepChecker(lesson: loaded.lesson, assets: "/", inputs: ["nodes": Self.nodes],
                                  hosts: HostResolver(lesson: loaded.lesson, localAddresses: []), runner: runner, options: options)
        check(checker, loaded.lesson)
        return runner.most
    }

    func most(on target: String) throws -> Int {
        try most(lesson: Self.lesson(on: target), id: "many-nodes") { checker, lesson in
            _ = checker.check(lesson.steps[0].blocks(.check)[0], item: nil)
        }
    }

    @Test func throughTheMasterAtMostEightAtOnce() throws {
        let most = try most(on: "on=master")
        #expect(most <= StepChecker.sessionsPerHost && most > 1, "\(most)")
    }

    @Test func everyNodesCheckOnTheMasterAtMostEightAtOnce() throws {
        let text = """
            ---
            id: keys
            title: Keys
            summary: Every node's check runs on the master.
            hosts:
              master: nodes.role == master
            inputs:
              nodes:
                type: list
                fields:
                  ip: { type: ipv4 }
                  role: { type: choice, choices: [master, worker] }
            ---
            ## Each {#each foreach=nodes as=node}

            ```sh {run on=master}
            true
            ```

            ```sh {check on=master}
            ssh {{node.ip}} true
            ```
            """
        let most = try most(lesson: text, id: "keys") { checker, lesson in
            #expect(checker.checkEveryItem(of: lesson.steps[0]).count == 24)
        }
        #expect(most <= StepChecker.sessionsPerHost && most > 1, "\(most)")
    }

    @Test func fromThisComputerAsManyAsJobs() throws {
        #expect(try most(on: "on=local") > StepChecker.sessionsPerHost)
    }
}
