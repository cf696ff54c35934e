import Lessons

/// Where a run's input values come from, in the one order `start`, `resume` and `check` use, weakest
/// first: the lesson's defaults (only for `check`, which asks nobody; a session asks for a value when
/// a step first needs it and offers the default), the saved run, the practice lab, then what the user
/// gave (`--var`, `--vars`, `PIWIZARD_VAR_…`).
public struct InputSources: Sendable {
    public var saved: [String: InputValue] = [:]
    public var lab: [String: InputValue] = [:]
    public var provided: [String: InputValue] = [:]

    public init(saved: [String: InputValue] = [:], lab: [String: InputValue] = [:], provided: [String: InputValue] = [:]) {
        self.saved = saved
        self.lab = lab
        self.provided = provided
    }

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
}
