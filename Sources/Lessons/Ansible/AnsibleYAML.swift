/// How exported values are written into Ansible's YAML files: every value a learner gave is a
/// double-quoted string tagged `!unsafe`, so that Ansible never reads it as a template (a value holding
/// `{{ lookup('pipe', …) }}` stays text) nor as another type (`no`, `1.10`); keys are plain where YAML
/// reads them as the same text.
public enum AnsibleYAML {
    /// A value Ansible takes as it is: `!unsafe "text"`.
    public static func value(_ text: String) -> String { "!unsafe " + quoted(text) }

    /// A double-quoted YAML scalar: `"`, `\` and every control character escaped.
    public static func quoted(_ text: String) -> String {
        DoubleQuoted.write(text) { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\t": return "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029:
                return DoubleQuoted.hexEscape(scalar)
            default: return nil
            }
        }
    }

    /// A mapping key: plain when it is a simple word YAML does not read as something else, else quoted.
    public static func key(_ text: String) -> String {
        let simple = text.first.map { $0.isASCII && ($0.isLetter || $0 == "_") } == true
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
        return simple && !specialWords.contains(text.lowercased()) ? text : quoted(text)
    }

    /// A record as a flow mapping of unsafe values, its fields in the declared order.
    public static func record(_ record: InputRecord, fields: [String]) -> String {
        let pairs = fields.compactMap { field in record[field].map { "\(key(field)): \(value($0))" } }
        return "{" + pairs.joined(separator: ", ") + "}"
    }

    /// A name Ansible takes for a group or a variable: letters, digits and `_` (`admin-group` →
    /// `admin_group`), not starting with a digit.
    public static func name(_ text: String) -> String {
        let cleaned = String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        return cleaned.first?.isNumber == true ? "_" + cleaned : cleaned
    }

    /// Words YAML 1.1 (Ansible's) reads as booleans or null.
    static let specialWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]
}
