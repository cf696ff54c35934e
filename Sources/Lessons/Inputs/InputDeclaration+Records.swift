/// What a list's fields mean, found from their declared types rather than their names.
extension InputDeclaration {
    /// The field a record is reached at: the first `ipv4` field, else the first `hostname` field.
    public var addressField: String? {
        (fields.first { $0.type == .ipv4 } ?? fields.first { $0.type == .hostname })?.name
    }

    /// The field that names a record — on the screen and as the key its progress is saved under: the
    /// first `hostname` field, else the first `unique` one; nil when records have only their position.
    public var nameField: String? {
        (fields.first { $0.type == .hostname } ?? fields.first { $0.unique })?.name
    }
}

/// The one rule for a value still to be found.
extension InputDeclaration {
    /// Whether `value` says "not known yet: detect it when a step needs it": `auto`, for an input or
    /// record field that has a `detect` command.
    public func awaitsDetection(_ value: String) -> Bool {
        detect != nil && value == Self.detectLater
    }

    /// The value that asks for detection (`auto`).
    public static let detectLater = "auto"
}
