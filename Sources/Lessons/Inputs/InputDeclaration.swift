/// A lesson variable declared in the front matter: its type, how it is asked, and its constraints.
public struct InputDeclaration: Sendable, Hashable, Codable {
    public var name: String
    public var type: InputType
    public var prompt: String
    public var defaultValue: InputValue?
    /// Allowed values of a `choice`.
    public var choices: [String]
    /// A shell command whose trimmed output proposes the value.
    public var detect: String?
    /// Where a scalar input's `detect` runs: this machine (`local`, the default) or the `master`.
    public var detectOn: Target = .local
    /// For a `secret`: it is the password `sudo` asks for on the other hosts (handed to sudo there
    /// through a helper, never on a command line).
    public var isSudoPassword = false
    /// For a `secret`: asked twice, and taken only when both agree (`confirm: true`, for a new password).
    public var confirmsTwice = false
    /// Range of an `int`, or number of records of a `list`.
    public var min: Int?
    public var max: Int?
    /// For a list field: no two records may share the value.
    public var unique: Bool
    /// For an `ipv4`: the `cidr` input the address must lie in.
    public var sameSubnetAs: String?
    /// For an `ipv4`: another `ipv4` input whose address this one must not be (a node is not the gateway).
    public var distinctFrom: String?
    /// For a `path`: it may point into the system's folders (`/etc`, `/usr`, …); refused there otherwise.
    public var allowsSystemFolders = false
    /// What the practice lab fills in (`lab: FACT`), nil when it fills the input by its kind or not at all.
    public var labFact: LabFact?
    /// For a `list`: the record's fields, in declaration order.
    public var fields: [InputDeclaration]
    public var location: SourceLocation

    public init(
        name: String, type: InputType, prompt: String? = nil, defaultValue: InputValue? = nil,
        choices: [String] = [], detect: String? = nil, min: Int? = nil, max: Int? = nil,
        unique: Bool = false, sameSubnetAs: String? = nil, fields: [InputDeclaration] = [],
        location: SourceLocation
    ) {
        self.name = name
        self.type = type
        self.prompt = prompt ?? name
        self.defaultValue = defaultValue
        self.choices = choices
        self.detect = detect
        self.min = min
        self.max = max
        self.unique = unique
        self.sameSubnetAs = sameSubnetAs
        self.fields = fields
        self.location = location
    }

    /// The field of a list input with this name.
    public func field(named name: String) -> InputDeclaration? {
        fields.first { $0.name == name }
    }
}
