import Lessons

/// Where a run's input values come from, in the one order `start`, `resume` and `check` use, weakest
/// first: the lesson's defaults (only for `check`, which asks nobody; a session asks for a value when
/// a step first needs it and offers the default), the saved run, the practice lab, then what the user
/// gave (`--var`, `--vars`, `PIWIZARD_VAR_…`).
public struct InputSources: Sendable {
    public var saved: [String: InputValue] = [:]
    public var lab: [String: InputValue] = [:]
    public var given: ProvidedValues

    public init(saved: [String: InputValue] = [:], lab: [String: InputValue] = [:], given: ProvidedValues = ProvidedValues()) {
        self.saved = saved
        self.lab = lab
        self.given = given
    }

    /// What the user gave, by input name.
    public var provided: [String: InputValue] { given.values }

    /// The values, each from the strongest source that has one; `defaults` below them all.
    public func merged(defaults: [String: InputValue] = [:]) -> [String: InputValue] {
        defaults.merging(saved) { $1 }.merging(lab) { $1 }.merging(provided) { $1 }
    }

    /// These sources with `saved` replaced.
    public func with(saved: [String: InputValue]) -> InputSources {
        var copy = self
        copy.saved = saved
        return copy
    }

    /// Refuses a value given this time (by the user, or by the lab) that breaks a rule by itself or
    /// with a run's other `values`, naming where it came from, before the learner is told anything.
    public func checkGiven(_ values: [String: InputValue], lesson: Lesson) throws(InputRefusal) {
        var sources = lab.mapValues { _ in InputSource.lab }
        sources.merge(given.sources) { $1 }
        try InputSchema(lesson: lesson).check(values, given: sources)
    }
}
