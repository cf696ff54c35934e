import Lessons

/// A built-in validator: its specification (name, typed arguments, when it passes), how it reads its
/// arguments, and its check — the shell text it runs through the context and the judge of the answers.
/// Adding one is adding one file in `BuiltIn/` and its name to `ValidatorRegistry.all`.
public protocol Validator: Sendable {
    static var spec: ValidatorSpec { get }
    /// Reads the arguments (templates filled in); throws `ValidatorError.badArgument` naming the one
    /// that is missing or not of its kind.
    init(_ arguments: ValidatorArguments) throws
    /// Runs the check where the context runs commands. Throws only when it could not run at all.
    func check(_ context: ValidatorContext) throws -> CheckOutcome
}
