/// Checks a scalar value against its input type: the reason it is refused, or nil when it is valid.
///
/// Used by lint on defaults and by the wizard on what the learner types, so both refuse the same values
/// with the same words.
public enum InputValueChecker {
    public static func problem(with text: String, as declaration: InputDeclaration) -> String? {
        switch declaration.type {
        case .ipv4:
            return IPv4Address(text) == nil ? "'\(text)' is not an IPv4 address (four numbers 0-255, e.g. 192.168.1.10)" : nil
        case .cidr:
            return IPv4Network(text) == nil ? "'\(text)' is not a subnet in CIDR form (e.g. 192.168.1.0/24)" : nil
        case .hostname:
            return hostnameProblem(text)
        case .path, .string, .secret:
            // An empty sudo password says that sudo asks for none.
            if text.isEmpty, !declaration.isSudoPassword { return "the value is empty" }
            if text.contains("\0") || text.contains("\n") { return "the value contains a line break or NUL" }
            return nil
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

    /// RFC 1123 host name: labels of letters, digits and inner hyphens, 1–63 characters, 253 in all.
    static func hostnameProblem(_ text: String) -> String? {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        let valid = !text.isEmpty && text.count <= 253 && labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
        return valid ? nil : "'\(text)' is not a valid host name (letters, digits and inner hyphens, e.g. raspi2)"
    }
}
