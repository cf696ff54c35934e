/// Where a command the learner edited belongs: its step, the loop item (its key, `""` for a step
/// without a loop) and the block's offset in the step. Saved as the text `step/item/block` (a step id
/// holds no `/`; a name might, so the block is after the last one).
public struct EditKey: Sendable, Hashable, Comparable, CustomStringConvertible, Codable, CodingKeyRepresentable {
    public var step: String
    public var item: String
    public var block: Int

    public init(step: String, item: String, block: Int) {
        self.step = step
        self.item = item
        self.block = block
    }

    /// The key saved as `text`; nil for text that is not one.
    public init?(_ text: String) {
        guard let first = text.firstIndex(of: "/"), let last = text.lastIndex(of: "/"), first < last,
              let block = Int(text[text.index(after: last)...]) else { return nil }
        self.init(step: String(text[..<first]), item: String(text[text.index(after: first)..<last]), block: block)
    }

    public var description: String { "\(step)/\(item)/\(block)" }

    public static func < (left: EditKey, right: EditKey) -> Bool {
        (left.step, left.item, left.block) < (right.step, right.item, right.block)
    }

    // Saved as its text; as a dictionary's key (saved progress, transcripts), an object's key.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let key = EditKey(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not step/item/block"))
        }
        self = key
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var codingKey: any CodingKey { SavedKey(stringValue: description) }

    public init?<T: CodingKey>(codingKey: T) {
        self.init(codingKey.stringValue)
    }

    /// A coding key of any text.
    private struct SavedKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
