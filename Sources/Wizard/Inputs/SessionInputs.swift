import Lessons

/// The inputs as a session needs them: which ones a step uses, and whether a value may be set.
struct SessionInputs {
    let lesson: Lesson

    /// The inputs a step's text, blocks, condition and loop refer to, in lesson order.
    func used(by step: Step) -> [String] {
        var names = Set<String>()
        // What a learner meets: a drill's inputs are the self-test's business.
        let blocks = step.learnerBlocks.map { step.blocks[$0] }
        if let loop = step.loop { names.insert(loop.list) }
        for term in (step.condition?.terms ?? []) + blocks.flatMap({ $0.condition?.terms ?? [] }) { names.insert(term.variable.root) }
        let texts = [step.title, step.proseText] + step.hints.map(\.text) + blocks.map(\.body)
        for text in texts {
            for reference in TemplateReference.scan(text) {
                if let root = reference.path?.root { names.insert(root) }
            }
        }
        // Blocks that run on other machines need what reaches them (`hosts:`): the login user, the master's list.
        for block in blocks { names.formUnion(lesson.inputsToReach(block.target)) }
        // Commands that run sudo on another host hand it the lesson's sudo password.
        if let password = lesson.sudoPasswordInput, blocks.contains(where: \.runsSudoElsewhere) {
            names.insert(password.name)
        }
        // An input detected on the master needs the master's address (its record) and the user to log in as.
        if names.contains(where: { lesson.input(named: $0)?.detectOn == .master }) { names.formUnion(lesson.inputsToReach(.master)) }
        // A subnet that an address must lie in is needed to check the address.
        for name in names {
            for declaration in [lesson.input(named: name)].compactMap({ $0 }).flatMap({ [$0] + $0.fields }) {
                if let subnet = declaration.sameSubnetAs { names.insert(subnet) }
            }
        }
        return lesson.inputs.map(\.name).filter(names.contains)
    }

    /// Why `value` cannot be `input`'s value next to the other `inputs` (`InputSchema`): its type,
    /// its records, the places the lesson puts it, and every rule relating it to another input.
    func problems(setting input: InputDeclaration, to value: InputValue, among inputs: [String: InputValue]) -> [InputProblem] {
        InputSchema(lesson: lesson).problems(setting: input, to: value, among: inputs)
    }
}
