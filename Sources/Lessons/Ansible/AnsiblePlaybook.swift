/// The playbook of a finished run (`piwizard export --format ansible`): one play for each `{ansible}`
/// block of the steps that apply to the run, in the lesson's order, with a header saying how to run it
/// and which steps it leaves out. The author's tasks are copied as written (comments and all).
public struct AnsiblePlaybook: Sendable {
    /// One play: a block's tasks, where they run, and the test of the record they apply to.
    public struct Play: Sendable {
        public var step: Step
        public var tasks: AnsibleTasks
        /// The inventory group (or `localhost`) it runs on.
        public var hosts: String
        /// The name the record has in the tasks (the step's loop variable), for plays on every node.
        public var recordName: String?
        /// `when:` for the tasks: the record terms of the step's and the block's conditions.
        public var recordTest: String?
    }

    public var lessonID: String
    public var lessonTitle: String
    public private(set) var plays: [Play] = []
    /// The steps that apply to the run but have no Ansible tasks.
    public private(set) var leftOut: [String] = []

    public init(lesson: Lesson, inputs: [String: InputValue], inventory: AnsibleInventory) throws {
        lessonID = lesson.id
        lessonTitle = lesson.metadata.title
        for step in lesson.steps {
            let loopVariable = step.loop?.variable
            guard try AnsibleCondition([step.condition], loopVariable: loopVariable, lesson: lesson, inputs: inputs, step: step).applies else { continue }
            if step.ansible.isEmpty { leftOut.append(step.id) }
            for tasks in step.ansible {
                let onNodes = tasks.target == .node
                // Tasks on the master or here run once: a test of the record (the step's) does not apply to them.
                let condition = try AnsibleCondition([step.condition, tasks.condition], loopVariable: loopVariable, lesson: lesson, inputs: inputs, step: step)
                guard condition.applies else { continue }
                let hosts = switch tasks.target {
                case .node: inventory.listGroup
                case .master: inventory.masterGroup ?? "localhost"
                default: "localhost"
                }
                plays.append(Play(step: step, tasks: tasks, hosts: hosts, recordName: onNodes ? loopVariable.map(AnsibleYAML.name) : nil,
                                  recordTest: onNodes ? condition.recordTest : nil))
            }
        }
    }
}
