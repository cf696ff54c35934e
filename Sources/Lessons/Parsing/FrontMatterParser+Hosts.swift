import Foundation
import Yams

/// Reading `hosts:`: the login user's input and the master's record, each checked against the inputs.
extension FrontMatterParser {
    static let hostsKeys = ["login", "master"]

    mutating func parseHosts(_ node: Node, inputs: [InputDeclaration]) -> HostsDeclaration {
        var hosts = HostsDeclaration()
        guard let mapping = node.mapping else {
            error("hosts must be a mapping, e.g. { login: user, master: nodes.role == master }", at: location(node))
            return hosts
        }
        for (key, value) in mapping {
            switch key.string {
            case "login": hosts.login = loginInput(value, inputs: inputs)
            case "master": hosts.master = masterRecord(value, inputs: inputs)
            default:
                error("hosts: unknown key '\(key.string ?? "?")'\(suggestion(key.string ?? "", Self.hostsKeys)); expected login or master", at: location(key))
            }
        }
        return hosts
    }

    /// `login: INPUT`: a `username` or `string` input.
    private mutating func loginInput(_ node: Node, inputs: [InputDeclaration]) -> String? {
        guard let name = scalar(node, what: "hosts: login") else { return nil }
        guard let input = inputs.first(where: { $0.name == name }) else {
            error("hosts: login names '\(name)', which is not an input\(suggestion(name, inputs.map(\.name)))", at: location(node))
            return nil
        }
        guard input.type == .username || input.type == .string else {
            error("hosts: login names '\(name)', an input of type \(input.type.rawValue); the user to log in as is a username (or string)", at: location(node))
            return nil
        }
        return name
    }

    /// `master: LIST.FIELD == VALUE`: a list input's field, and a value it may hold.
    private mutating func masterRecord(_ node: Node, inputs: [InputDeclaration]) -> HostsDeclaration.MasterRecord? {
        let form = "write it as LIST.FIELD == VALUE, e.g. nodes.role == master"
        guard let text = scalar(node, what: "hosts: master") else { return nil }
        let sides = text.components(separatedBy: "==").map { $0.trimmingCharacters(in: .whitespaces) }
        let path = sides.first?.split(separator: ".", omittingEmptySubsequences: false).map(String.init) ?? []
        guard sides.count == 2, !sides[1].isEmpty, path.count == 2 else {
            error("hosts: master '\(text)': \(form)", at: location(node))
            return nil
        }
        let master = HostsDeclaration.MasterRecord(list: path[0], field: path[1], value: sides[1])
        guard let list = inputs.first(where: { $0.name == master.list }), list.type == .list else {
            error("hosts: master names '\(master.list)', which is not a list input", at: location(node))
            return nil
        }
        guard let field = list.field(named: master.field) else {
            error("hosts: master names the field '\(master.field)', which '\(list.name)' does not have; it has: \(list.fields.map(\.name).joined(separator: ", "))", at: location(node))
            return nil
        }
        if field.type == .choice, !field.choices.contains(master.value) {
            error("hosts: master: '\(master.value)' is not one of \(field.name)'s choices (\(field.choices.joined(separator: ", ")))", at: location(node))
            return nil
        }
        return master
    }
}
