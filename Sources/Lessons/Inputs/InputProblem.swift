/// Why a value cannot be an input's value: the rule it broke, in words, the input it is about, and for
/// a list the record (0-based) when the problem is about one record.
public struct InputProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var input: String
    public var record: Int?

    public init(message: String, input: String, record: Int? = nil) {
        self.message = message
        self.input = input
        self.record = record
    }

    public var description: String { message }
}
