extension Lesson {
    /// The declaration behind a template path in a step: an input, a list's field (also through the
    /// step's loop variable); nil for a built-in, a count, a subnet's part or an unknown name.
    public func declaration(of path: TemplatePath, in step: Step?) -> InputDeclaration? {
        if let loop = step?.loop, path.root == loop.variable {
            return path.field.flatMap { input(named: loop.list)?.field(named: $0) }
        }
        guard let input = input(named: path.root) else { return nil }
        guard let field = path.field else { return input }
        return input.type == .list ? input.field(named: field) : nil
    }

    /// Whether every value a template path can take is made of inert characters only (letters, digits
    /// and `@%+=:,./_-`, `ShellQuote.isInert`), so that no second interpreter (sed, awk, a nested shell)
    /// can read it as code: hostnames, addresses, subnets, whole numbers, user names, booleans, choices
    /// among inert words, counts and a subnet's parts; not strings, paths, devices and secrets.
    public func isInert(_ path: TemplatePath, in step: Step?) -> Bool {
        if path.root == "lesson" { return path.field == "id" && ShellQuote.isInert(id) }
        if path.field == "count", input(named: path.root)?.type == .list { return true }
        if path.field != nil, input(named: path.root)?.type == .cidr { return true }
        guard let declaration = declaration(of: path, in: step) else { return false }
        switch declaration.type {
        case .hostname, .ipv4, .cidr, .int, .username, .bool: return true
        case .choice: return !declaration.choices.isEmpty && declaration.choices.allSatisfy(ShellQuote.isInert)
        case .path, .blockDevice, .string, .secret, .list: return false
        }
    }
}
