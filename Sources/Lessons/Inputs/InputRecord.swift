/// One record of a list input (a node: its name, its address, its role, …): each field's value as
/// text by the field's name, as the lesson's commands use it. What a field means comes from the list's
/// declaration (`addressField`, `nameField`), never from its name. It is saved and recorded as the plain
/// object of its fields, as earlier versions wrote it.
public struct InputRecord: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    /// Every field's value, by field name.
    public private(set) var fields: [String: String]

    public init(_ fields: [String: String] = [:]) {
        self.fields = fields
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public init(from decoder: any Decoder) throws {
        fields = try decoder.singleValueContainer().decode([String: String].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fields)
    }

    /// One field's value; nil when the record has no such field.
    public subscript(field: String) -> String? {
        get { fields[field] }
        set { fields[field] = newValue }
    }

    /// Every field and its value, by field name (the order a record is written in when its list's
    /// declaration is not at hand).
    public var sortedFields: [(field: String, value: String)] {
        fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The record's name in `list` (its `nameField`), when it has one that is not empty.
    public func name(in list: InputDeclaration) -> String? {
        list.nameField.flatMap { fields[$0] }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// What the record is reached at in `list` (its `addressField`): an address or a host name.
    public func address(in list: InputDeclaration) -> String? {
        list.addressField.flatMap { fields[$0] }
    }

    /// The record's address in `list` as an IPv4 address, when it is one (not a host name, not `auto`).
    public func ipv4Address(in list: InputDeclaration) -> IPv4Address? {
        address(in: list).flatMap(IPv4Address.init)
    }
}
