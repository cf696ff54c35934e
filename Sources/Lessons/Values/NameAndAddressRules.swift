/// The rules for names and addresses, each refusal saying which rule the value broke: host names
/// (RFC 1123), user names (POSIX portable, as Debian's `adduser` takes them) and IPv4 addresses
/// and subnets written strictly.
enum NameAndAddressRules {
    /// RFC 1123 host name: labels of letters, digits and inner hyphens, 1–63 characters, 253 in all.
    static func hostnameProblem(_ text: String) -> String? {
        if text.isEmpty { return "the host name is empty" }
        if text.count > 253 { return "'\(text.prefix(20))…' has \(text.count) characters; a host name has at most 253" }
        for label in text.split(separator: ".", omittingEmptySubsequences: false) {
            if label.isEmpty { return "'\(text)' has an empty part (two dots together, or a dot at an end); a host name is labels joined by single dots" }
            if label.count > 63 {
                return "'\(text)' has a part of \(label.count) characters ('\(label.prefix(12))…'); each label of a host name (the part between dots) has at most 63"
            }
            if let bad = label.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }) {
                return "'\(text)' contains '\(bad)'; a host name has only letters, digits and inner hyphens (e.g. raspi2)"
            }
            if label.first == "-" || label.last == "-" {
                return "'\(text)' has a hyphen at the start or end of a label; hyphens go only between letters or digits (e.g. raspi-2)"
            }
        }
        return nil
    }

    /// A POSIX portable user name as Debian's `adduser` accepts it: 1–32 characters, lower-case
    /// letters, digits, `_` and `-`, starting with a letter or `_`.
    static func usernameProblem(_ text: String) -> String? {
        let rule = "a user name is 1-32 lower-case letters, digits, '_' or '-', starting with a letter or '_' (e.g. pi)"
        if text.isEmpty { return "the user name is empty; \(rule)" }
        if text.count > 32 { return "'\(text)' has \(text.count) characters; \(rule)" }
        if let bad = text.first(where: { !(("a"..."z").contains($0) || $0.isASCIIDigit || $0 == "_" || $0 == "-") }) {
            return "'\(text)' contains '\(bad)'; \(rule)"
        }
        if let first = text.first, !(("a"..."z").contains(first) || first == "_") { return "'\(text)' starts with '\(first)'; \(rule)" }
        return nil
    }

    /// Why `text` is not a dotted-quad address, in the rule it broke.
    static func addressProblem(_ text: String) -> String {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let example = "four numbers 0-255 joined by dots, e.g. 192.168.1.10"
        guard parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            return "'\(text)' is not an IPv4 address (\(example))"
        }
        if let part = parts.first(where: { $0.count > 1 && $0.first == "0" }) {
            let plain = parts.map { String(Int($0) ?? 0) }.joined(separator: ".")
            return "'\(text)' has a leading zero in '\(part)', which is ambiguous (some programs read 010 as octal 8); write \(plain)"
        }
        if let part = parts.first(where: { (Int($0) ?? 256) > 255 }) { return "'\(text)' has \(part), more than 255 (\(example))" }
        return "'\(text)' is not an IPv4 address (\(example))"
    }

    /// Why `text` is not a subnet in CIDR form, or nil.
    static func subnetProblem(_ text: String) -> String? {
        guard IPv4Network(text) == nil else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "'\(text)' is not a subnet in CIDR form: an address, '/' and the prefix length (e.g. 192.168.1.0/24)" }
        if IPv4Address(String(parts[0])) == nil { return "'\(text)': " + addressProblem(String(parts[0])) }
        return "'\(text)' has the prefix length '\(parts[1])'; it is a number 0-32 (e.g. 192.168.1.0/24)"
    }
}
