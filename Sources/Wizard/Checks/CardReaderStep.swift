import Lessons

/// A step whose checks look at the card in the SD card reader (they name a `block-device` input):
/// once the card is back in its Pi, the reader is empty, and `piwizard check` does not ask such a step
/// again of a reader that holds no card (it would only advise inserting one, which means shutting a
/// node down).
public enum CardReaderStep {
    /// The device the step's checks read (the value of the first `block-device` input they name), or
    /// nil for a step whose checks do not look at a card.
    public static func device(readBy step: Step, lesson: Lesson, inputs: [String: InputValue]) -> String? {
        let devices = Set(lesson.inputs.filter { $0.type == .blockDevice }.map(\.name))
        let texts = step.blocks(.check).flatMap { [$0.body] + ($0.validator.map { Array($0.arguments.values) } ?? []) }
        for text in texts {
            for reference in TemplateReference.scan(text) {
                if let root = reference.path?.root, devices.contains(root), let value = inputs[root]?.text { return value }
            }
        }
        return nil
    }
}
