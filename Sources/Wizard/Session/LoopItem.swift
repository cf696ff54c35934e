import Lessons

/// One pass of a per-node loop: which record, what names it and where it is reached — the fields
/// found from the list's declared types (`InputDeclaration.nameField`, `.addressField`).
public struct LoopItem: Sendable, Hashable {
    /// The loop variable's name (`node`).
    public var variable: String
    public var record: InputRecord
    /// 0-based position and the number of records.
    public var index: Int
    public var count: Int
    /// The field that names the record, and the one it is reached at.
    public var nameField: String?
    public var addressField: String?
    /// The list the loop goes over, when known.
    public var listName: String?

    public init(variable: String, record: InputRecord, index: Int, count: Int, nameField: String?, addressField: String?) {
        self.variable = variable
        self.record = record
        self.index = index
        self.count = count
        self.nameField = nameField
        self.addressField = addressField
    }

    /// The record of `list` at `index` of `count`.
    public init(variable: String, record: InputRecord, index: Int, count: Int, list: InputDeclaration?) {
        self.init(variable: variable, record: record, index: index, count: count, nameField: list?.nameField, addressField: list?.addressField)
        listName = list?.name
    }

    /// The key its progress is saved under, and how the screen names it: its name, else its position.
    public var key: String { Self.key(of: record, index: index, nameField: nameField) }
    public var label: String { key }

    /// Where the node is reached (nil when the record has no address).
    public var address: String? { addressField.flatMap { record[$0] } }

    /// The key of `record` at `index` of a list whose records are named by `nameField`.
    public static func key(of record: InputRecord, index: Int, nameField: String?) -> String {
        nameField.flatMap { record[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? "#\(index + 1)"
    }
}
