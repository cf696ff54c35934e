import Foundation
import Lessons

/// A lesson's `{teardown}` blocks, which `piwizard test` runs before a run (what an earlier run left
/// behind would make the checks pass before their steps) and after it, so that the self-test passes
/// twice in a row on one machine. Steps last to first, each for every loop item its condition holds
/// for, each block where it says; a block that fails is reported and the others still run.
public struct SelfTestTeardown: Sendable {
    public var loaded: LoadedLesson
    public var inputs: [String: InputValue]
    public var hosts: HostResolver
    public var runner: CommandRunner

    public init(loaded: LoadedLesson, inputs: [String: InputValue], hosts: HostResolver, runner: CommandRunner) {
        self.loaded = loaded
        self.inputs = inputs
        self.hosts = hosts
        self.runner = runner
    }

    /// One teardown block's run for one item: where it is, and what went wrong (nil when it exited 0).
    public struct Result: Sendable, Codable, Hashable {
        public var place: String
        public var step: String
        public var item: String
        public var problem: String?
    }

    /// Runs every teardown block, steps last to first.
    public func run() -> [Result] {
        let values = StepValues(lesson: loaded.lesson, assets: loaded.assetsFolder.path, inputs: inputs)
        var results: [Result] = []
        for step in loaded.lesson.steps.reversed() {
            let blocks = step.blocks.filter { $0.kind == .teardown }
            guard !blocks.isEmpty else { continue }
            for item in values.items(of: step) where values.applies(step, to: item) {
                for block in blocks {
                    let place = "\(loaded.lesson.file):\(block.location.line)"
                    results.append(Result(place: place, step: step.id, item: item?.label ?? "", problem: problem(running: block, item: item, values: values)))
                }
            }
        }
        return results
    }

    /// Why the block did not run to exit 0, or nil.
    private func problem(running block: Block, item: LoopItem?, values: StepValues) -> String? {
        let text: String
        do {
            text = try values.command(block, item: item).exec(secrets: values.secretValues)
        } catch {
            return "not run: \(error.description)"
        }
        var request = CommandRequest(command: text, host: hosts.host(for: block.target, item: item, inputs: inputs), user: block.user,
                                     timeout: block.timeout ?? 120, sudoPassword: values.sudoPassword(for: block), stopsAtFirstFailure: true)
        request.isLessonCommand = true
        do {
            let result = try runner.run(request) { _ in }
            if result.exitStatus == 0 { return nil }
            return "exit status \(result.exitStatus)" + (result.timedOut ? " (timed out)" : "") + ": " + OutputSummary.lastLines(result.output, count: 2)
        } catch {
            return "could not start: \(error)"
        }
    }
}
