/// Checks a scalar value against its input type: the reason it is refused, or nil when it is valid.
///
/// Used by lint on defaults and by the wizard on what the learner types, so both refuse the same values
/// with the same words. Each reason says which rule the value broke.
public enum InputValueChecker {
    public static func problem(with text: String, as declaration: InputDeclaration) -> String? {
        if let control = VisibleText.firstControl(in: text) {
            return "the value holds a control character (\(control.shown), character \(control.position)); a value is one line of plain text"
        }
        if let problem = spacesProblem(text, as: declaration.type) { return problem }
        switch declaration.type {
        case .ipv4:
            return IPv4Address(text) == nil ? NameAndAddressRules.addressProblem(text) : nil
        case .cidr:
            return NameAndAddressRules.subnetProblem(text)
        case .hostname:
            return NameAndAddressRules.hostnameProblem(text)
        case .username:
            return NameAndAddressRules.usernameProblem(text)
        case .path:
            if let problem = textProblem(text, as: declaration) { return problem }
            return PathValue.problem(with: text, allowsSystemFolders: declaration.allowsSystemFolders)
        case .string, .secret:
            return textProblem(text, as: declaration)
        case .blockDevice:
            return text.hasPrefix("/dev/") && text.count > 5 && !text.contains(" ")
                ? nil : "'\(text)' is not a block device path (e.g. /dev/sdb)"
        case .int:
            guard let number = Int(text) else { return "'\(text)' is not a whole number" }
            if let min = declaration.min, number < min { return "\(number) is less than the minimum \(min)" }
            if let max = declaration.max, number > max { return "\(number) is more than the maximum \(max)" }
            return nil
        case .bool:
            return ["true", "false"].contains(text) ? nil : "'\(text)' is not true or false"
        case .choice:
            return declaration.choices.contains(text)
                ? nil : "'\(text)' is not one of: \(declaration.choices.joined(separator: ", "))"
        case .list:
            return "a list needs records, not a single value"
        }
    }

    /// The value as the lesson uses it: a path resolved (`PathValue`), anything else as given.
    public static func normalised(_ text: String, as declaration: InputDeclaration) -> String {
        declaration.type == .path ? PathValue.resolved(text) ?? text : text
    }

    /// A space or tab before or after a value that cannot hold one is refused, not silently dropped.
    private static func spacesProblem(_ text: String, as type: InputType) -> String? {
        guard type != .string, type != .secret, let first = text.first, let last = text.last else { return nil }
        guard first.isWhitespace || last.isWhitespace else { return nil }
        return "'\(text)' has a space before or after it; give the value without spaces around it"
    }

    private static func textProblem(_ text: String, as declaration: InputDeclaration) -> String? {
        // An empty sudo password says that sudo asks for none.
        if text.isEmpty, !declaration.isSudoPassword { return "the value is empty" }
        return nil
    }
}
