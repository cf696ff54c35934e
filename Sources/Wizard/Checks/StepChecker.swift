import Foundation
import Lessons

/// Runs a step's checks (or preconditions) with a session's inputs: for one loop item, as the session
/// does before and after a step, or for every node of a loop at once, as `piwizard check` does.
public struct StepChecker: Sendable {
    public var lesson: Lesson
    /// The lesson's asset folder, for `{{lesson.assets}}`.
    public var assets: String
    public var inputs: [String: InputValue]
    public var hosts: HostResolver
    public var runner: CommandRunner
    public var options: SessionOptions
    /// Whether a check may wait for what it checks to come about (`ValidatorContext.patient`).
    public var patient = true

    public init(lesson: Lesson, assets: String, inputs: [String: InputValue], hosts: HostResolver, runner: CommandRunner, options: SessionOptions) {
        self.lesson = lesson
        self.assets = assets
        self.inputs = inputs
        self.hosts = hosts
        self.runner = runner
        self.options = options
    }

    /// What one loop item's checks found.
    public struct ItemVerdict: Sendable {
        public var item: LoopItem?
        public var outcomes: [CheckOutcome]
        public var passed: Bool { outcomes.allSatisfy(\.passed) }
    }

    /// The values the step's templates read, with these inputs.
    public var values: StepValues { StepValues(lesson: lesson, assets: assets, inputs: inputs) }

    /// The step's loop items (nil for a step without a loop: one item, nil).
    public func items(of step: Step) -> [LoopItem?] { values.items(of: step) }

    /// Every item's checks, the items at the same time (at most `options.jobs`), each item's checks in
    /// order. Items whose `when=` condition does not hold are left out.
    public func checkEveryItem(of step: Step) -> [ItemVerdict] {
        let items = items(of: step).filter { values.applies(step, to: $0) }
        let checks = step.blocks(.check)
        // Items whose checks run on the master all log in there: at most as many at once as it takes.
        let throughOneHost = checks.contains { $0.target == .master }
        return NodeFanOut(jobs: throughOneHost ? min(options.jobs, Self.sessionsPerHost) : options.jobs).map(items) { item in
            ItemVerdict(item: item, outcomes: checks.map { check($0, item: item) })
        }
    }


    /// The template context for a block (see `StepValues`).
    public func templateContext(_ item: LoopItem?, masked: Bool = false) -> TemplateContext {
        values.templateContext(item, masked: masked)
    }

    /// How many commands a check runs at once on one other host (a validator on the master that asks
    /// every node through it): OpenSSH's sshd drops new logins beyond 10 still being authenticated
    /// (`MaxStartups 10:30:100`) and refuses more than 10 sessions on a shared connection
    /// (`MaxSessions 10`), so `--jobs 32` through one host would lose answers at random.
    static let sessionsPerHost = 8

    /// Runs one check or precondition block for an item; the outcome names the block's `id=`.
    public func check(_ block: Block, item: LoopItem?) -> CheckOutcome {
        var outcome = judge(block, item: item)
        outcome.check = block.checkID
        return outcome
    }

    private func judge(_ block: Block, item: LoopItem?) -> CheckOutcome {
        let host = hosts.host(for: block.target, item: item, inputs: inputs)
        let runner = self.runner
        let user = block.user
        let sudoPassword = values.sudoPassword(for: block)
        var context = ValidatorContext(run: { text, timeout in
            try runner.run(CommandRequest(command: text, host: host, user: user, timeout: timeout, sudoPassword: sudoPassword), output: { _ in })
        }, sshUser: lesson.loginUser(in: inputs), timeout: block.timeout ?? 60, sshOptions: options.sshOptions,
           standInDevices: options.standInDevices)
        if host == nil { context.here = options.localAddresses }
        context.patient = patient
        // Asked through one other host, at most as many at once as its ssh server takes.
        let jobs = host == nil ? options.jobs : min(options.jobs, Self.sessionsPerHost)
        context.runAll = { texts, timeout in
            runner.runAll(texts.map { CommandRequest(command: $0, host: host, user: user, timeout: timeout) }, jobs: jobs)
        }
        context.probe = { text, target, port, timeout in
            try runner.probe(CommandRequest(command: text, host: host, user: user, timeout: timeout), connectingTo: target, port: port)
        }
        if let validator = block.validator {
            var arguments: [String: String] = [:]
            for (name, value) in validator.arguments {
                arguments[name] = TemplateRenderer.preview(value, context: templateContext(item), quoting: .none)
            }
            var outcome = ValidatorRegistry.check(validator.name, arguments, context: context)
            if let name = block.name { outcome.title = name }
            return outcome
        }
        // Rendered once, as a run block is: secrets are their stand-ins in the title and their values
        // only in the text that runs.
        let command = RenderedCommand(template: block.body, context: templateContext(item), quoting: block.templateQuoting, secrets: values.secretNames)
        let title = block.name ?? "check: " + (command.display.split(separator: "\n").first.map(String.init) ?? "")
        let expected = "exit status \(block.expectedExit)" + (block.outputPattern.map { " and output matching /\($0)/" } ?? "")
        guard let text = try? command.exec(secrets: values.secretValues), let result = try? context.run(ShellText(authored: text)) else {
            return .fail(title, expected: expected, found: "the check could not be started")
        }
        var passed = result.exitStatus == block.expectedExit && !result.timedOut
        if passed, let pattern = block.outputPattern, let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) {
            passed = regex.firstMatch(in: result.output, range: NSRange(result.output.startIndex..., in: result.output)) != nil
        }
        let found = "exit status \(result.exitStatus)" + (result.timedOut ? " (timed out)" : "") + ", output: " + OutputSummary.lastLines(result.output)
        return CheckOutcome(passed: passed, title: title, expected: expected, found: found)
    }
}
