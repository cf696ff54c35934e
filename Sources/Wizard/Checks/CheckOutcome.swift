/// The result of one check or precondition: whether it passed, and in words what was expected and found.
public struct CheckOutcome: Sendable, Hashable, Codable {
    public var passed: Bool
    /// What was checked, e.g. `hostname-is 192.168.1.102`.
    public var title: String
    public var expected: String
    public var found: String
    /// A device this check found unsafe to act on (missing, not removable, or holding this computer's
    /// system): hints that act on it are held back.
    public var unsafeDevice: String?
    /// The id of the check block it came from (`id=`), which its hints name; nil for a check without one.
    public var check: String?
    /// True when the check was asked before its step ran, to see whether the step was done already (a
    /// look-up, not a failure when it does not pass); nil otherwise.
    public var lookup: Bool?
    /// True when the check was one of a watch's looks (`lookup` is true too); nil otherwise.
    public var watched: Bool?

    public init(passed: Bool, title: String, expected: String, found: String, unsafeDevice: String? = nil) {
        self.passed = passed
        self.title = title
        self.expected = expected
        self.found = found
        self.unsafeDevice = unsafeDevice
    }

    public static func pass(_ title: String, expected: String, found: String) -> CheckOutcome {
        CheckOutcome(passed: true, title: title, expected: expected, found: found)
    }

    /// One line for a failure's reason: `title: expected …, found …`.
    public var summary: String { title + ": expected " + expected + ", found " + found }

    public static func fail(_ title: String, expected: String, found: String) -> CheckOutcome {
        CheckOutcome(passed: false, title: title, expected: expected, found: found)
    }
}
