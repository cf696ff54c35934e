/// Checks used by name: `{check use=ID}` is the lesson's check with `id=ID`, written once and used in
/// other steps. Its own YAML gives the arguments that differ (a validator's); its own attributes
/// (`on=`, `name=`, `user=`, `timeout=`, `id=`) replace that check's.
extension LessonParser {
    mutating func resolveCheckUses(_ steps: [Step]) -> [Step] {
        var named: [String: [Block]] = [:]
        for block in steps.flatMap(\.blocks) where block.kind.isValidator && block.uses == nil {
            if let id = block.checkID { named[id, default: []].append(block) }
        }
        return steps.map { step in
            var step = step
            step.blocks = step.blocks.map { block in
                guard let id = block.uses else { return block }
                return resolved(block, using: id, among: named)
            }
            return step
        }
    }

    /// `block` made the check it uses, or left as it is with the reason reported.
    private mutating func resolved(_ block: Block, using id: String, among named: [String: [Block]]) -> Block {
        let candidates = named[id] ?? []
        guard let original = candidates.first else {
            error("use=\(id): the lesson has no check with id=\(id)\(suggestion(id, named.keys.sorted())) to use", at: block.location)
            return block
        }
        if candidates.count > 1 {
            error("use=\(id): \(candidates.count) checks have id=\(id) (lines \(candidates.map { String($0.location.line) }.joined(separator: ", "))); give the one to use an id of its own", at: block.location)
        }
        var check = original
        check.kind = block.kind
        check.location = block.location
        check.uses = id
        check.checkID = block.checkID ?? id  // a hint of the using step binds to it by the same id
        if block.target != .local { check.target = block.target }
        check.name = block.name ?? original.name
        check.user = block.user ?? original.user
        check.timeout = block.timeout ?? original.timeout
        check.mayPassBefore = block.mayPassBefore
        let ownText = !block.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        check.bodyIsBorrowed = !ownText
        guard let validator = original.validator else {
            if ownText {
                error("use=\(id) is a shell check, which takes no arguments: leave this block empty, or write the check out", at: block.location)
            }
            return check
        }
        let arguments = parseValidatorArguments(block)
        // Its own YAML stays its text: what it changes is read (and linted) where it is written.
        if ownText { check.body = block.body }
        check.validator = ValidatorCall(name: validator.name, arguments: validator.arguments.merging(arguments ?? [:]) { $1 },
                                        argumentsReadable: validator.argumentsReadable && arguments != nil)
        return check
    }
}
