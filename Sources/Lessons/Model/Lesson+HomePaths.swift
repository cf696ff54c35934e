extension Lesson {
    /// The template references whose values are `path`s: a path input (`key`) and a list's path field
    /// (`nodes.dir`; in a loop over the list, `node.dir` stands for it). A leading `~/` in such a value
    /// means the home folder of the user a command runs as, which the rendered command lets the shell
    /// expand.
    public var homePathReferences: Set<String> {
        var references = Set<String>()
        for input in inputs {
            if input.type == .path { references.insert(input.name) }
            for field in input.fields where field.type == .path { references.insert("\(input.name).\(field.name)") }
        }
        return references
    }
}
