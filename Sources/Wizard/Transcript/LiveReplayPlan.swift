import Lessons

/// What a live replay is about to run, shown before it asks: the lesson it runs (the one named, never
/// the file a transcript's header points at), the recorded inputs (checked against that lesson's
/// rules, as if typed; secrets are never in a transcript), the commands the recording ran by place,
/// and the destructive commands, which the person confirms again.
public struct LiveReplayPlan: Sendable {
    /// Recorded inputs the lesson refuses: a live replay does not run with them.
    public let problems: [String]
    /// The plan, in lines for the screen.
    public let lines: [String]

    public init(transcript: Transcript, lesson loaded: LoadedLesson, lessonPath: String) {
        let lesson = loaded.lesson
        let inputs = transcript.header.piwizard.initialState.inputs
        var problems: [String] = []
        for name in inputs.keys.sorted() where lesson.input(named: name) == nil {
            problems.append("the transcript gives '\(name)', which the lesson \(lesson.id) has no input for")
        }
        if problems.isEmpty {
            problems = InputSchema(lesson: lesson).problems(in: inputs).map { InputRefusal($0, from: .transcript).description }
        }
        self.problems = problems

        var lines = ["replay --live runs commands for real, from the lesson \(lesson.id) (\(lessonPath)):"]
        let shown = lesson.inputs.compactMap { input -> String? in
            guard let value = inputs[input.name] else { return nil }
            switch value {
            case .text(let text): return "\(input.name)=\(text)"
            case .records(let records): return "\(input.name): \(records.count) record\(records.count == 1 ? "" : "s")"
            case .secret: return nil
            }
        }
        lines.append("  inputs from the recording: " + (shown.isEmpty ? "none" : shown.joined(separator: ", ")))
        var places: [String: Int] = [:]
        var order: [String] = []
        for case .command(let request) in transcript.events.map(\.event) {
            let place = request.console.map { "the console of node \($0)" } ?? request.host.map { "\($0)" } ?? "this computer"
            if places[place] == nil { order.append(place) }
            places[place, default: 0] += 1
        }
        let total = places.values.reduce(0, +)
        lines.append("  the recording ran \(total) command\(total == 1 ? "" : "s")" + (order.isEmpty ? "" : ": " + order.map { "\(places[$0]!) on \($0)" }.joined(separator: ", ")))
        let destructive = lesson.steps.flatMap(\.blocks).filter(\.destructive)
        if !destructive.isEmpty {
            lines.append("  the lesson has \(destructive.count) destructive command\(destructive.count == 1 ? "" : "s"): you confirm each again when it comes; a recorded confirmation is never used")
        }
        self.lines = lines
    }
}
