import Foundation
import Lessons

/// Reads the wired interface's address from a card's network configuration, whichever of the three
/// Raspberry Pi OS ways it uses, in the order the real system would apply them: a NetworkManager
/// connection for the interface (Bookworm), else `/etc/dhcpcd.conf` (Bullseye and older), else the
/// classic `/etc/network/interfaces` (with its `source` includes).
public struct NetworkConfigurationReader: Sendable {
    /// The card's root folder.
    public var root: String
    /// The interface, `eth0` on a Pi.
    public var interface: String

    public init(root: String, interface: String = "eth0") {
        self.root = root
        self.interface = interface
    }

    /// The settings, or nil when no file configures the interface.
    public func read() throws -> NetworkSettings? {
        if let settings = try networkManager() { return settings }
        if let text = contents("/etc/dhcpcd.conf"), let settings = try Self.dhcpcd(text, interface: interface, file: "/etc/dhcpcd.conf") {
            return settings
        }
        if let settings = try interfaces("/etc/network/interfaces", depth: 0) { return settings }
        return nil
    }

    // MARK: dhcpcd

    /// `interface eth0` opens the interface's block (up to the next `interface` line); in it
    /// `static ip_address=A/P` and `static routers=G`, the last of each winning, as in dhcpcd.
    public static func dhcpcd(_ text: String, interface: String, file: String) throws -> NetworkSettings? {
        var inBlock = false
        var address: (IPv4Address, Int)?
        var gateway: IPv4Address?
        var found = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Self.strip(rawLine)
            let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let first = words.first else { continue }
            if first == "interface" {
                inBlock = words.count > 1 && words[1] == interface
                if inBlock { found = true }
                continue
            }
            guard inBlock, first == "static", words.count >= 2 else { continue }
            let setting = words[1...].joined(separator: " ")
            if setting.hasPrefix("ip_address=") {
                address = try cidr(String(setting.dropFirst("ip_address=".count)), file: file, line: index + 1)
            } else if setting.hasPrefix("routers=") {
                let value = setting.dropFirst("routers=".count).split(separator: " ").first.map(String.init) ?? ""
                gateway = try ipv4(value, file: file, line: index + 1)
            }
        }
        guard found || address != nil else { return nil }
        return NetworkSettings(address: address?.0, prefixLength: address?.1 ?? 24, gateway: gateway, source: file)
    }

    // MARK: /etc/network/interfaces

    private func interfaces(_ file: String, depth: Int) throws -> NetworkSettings? {
        guard depth < 4, let text = contents(file) else { return nil }
        var result: NetworkSettings?
        var inStanza = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = Self.strip(rawLine).split(whereSeparator: \.isWhitespace).map(String.init)
            guard let first = words.first else { continue }
            let lineNumber = index + 1
            switch first {
            case "iface":
                inStanza = words.count >= 4 && words[1] == interface && words[2] == "inet"
                if inStanza {
                    result = NetworkSettings(address: nil, source: file)
                    if words[3] != "static" { inStanza = false }
                }
            case "auto", "allow-hotplug", "mapping", "source-directory":
                inStanza = false
            case "source":
                inStanza = false
                for pattern in words.dropFirst() {
                    for included in glob(pattern.hasPrefix("/") ? pattern : "/etc/network/" + pattern) {
                        if let settings = try interfaces(included, depth: depth + 1) { result = settings }
                    }
                }
            case "address" where inStanza && words.count >= 2:
                if words[1].contains("/") {
                    let (address, prefix) = try Self.cidr(words[1], file: file, line: lineNumber)
                    result?.address = address
                    result?.prefixLength = prefix
                } else {
                    result?.address = try Self.ipv4(words[1], file: file, line: lineNumber)
                }
            case "netmask" where inStanza && words.count >= 2:
                result?.prefixLength = try Self.prefix(ofMask: words[1], file: file, line: lineNumber)
            case "gateway" where inStanza && words.count >= 2:
                result?.gateway = try Self.ipv4(words[1], file: file, line: lineNumber)
            default:
                break
            }
        }
        return result
    }

    // MARK: NetworkManager

    private func networkManager() throws -> NetworkSettings? {
        for file in glob("/etc/NetworkManager/system-connections/*.nmconnection") {
            guard let text = contents(file) else { continue }
            if let settings = try Self.keyfile(text, interface: interface, file: file) { return settings }
        }
        return nil
    }

    /// A NetworkManager keyfile for a wired connection bound to `interface` (or to none): `[ipv4]`
    /// `method=manual` with `address1=A/P[,G]` (and `gateway=G`), or `method=auto` (DHCP).
    public static func keyfile(_ text: String, interface: String, file: String) throws -> NetworkSettings? {
        var section = ""
        var values: [String: (String, Int)] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            values["\(section).\(key)"] = (line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces), index + 1)
        }
        let type = values["connection.type"]?.0
        guard type == "ethernet" || type == "802-3-ethernet" else { return nil }
        if let bound = values["connection.interface-name"]?.0, bound != interface { return nil }
        if values["connection.autoconnect"]?.0 == "false" { return nil }
        var settings = NetworkSettings(address: nil, source: file)
        guard values["ipv4.method"]?.0 == "manual" else { return settings }
        if let (value, line) = values["ipv4.address1"] ?? values["ipv4.addresses"] {
            let parts = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let (address, prefix) = try cidr(parts[0], file: file, line: line)
            settings.address = address
            settings.prefixLength = prefix
            if parts.count > 1 { settings.gateway = try ipv4(parts[1], file: file, line: line) }
        }
        if let (value, line) = values["ipv4.gateway"] { settings.gateway = try ipv4(value, file: file, line: line) }
        return settings
    }

    // MARK: Helpers

    private func contents(_ path: String) -> String? {
        try? String(contentsOfFile: root + path, encoding: .utf8)
    }

    /// Card paths (without the root) matching a shell pattern, sorted.
    private func glob(_ pattern: String) -> [String] {
        let directory = (pattern as NSString).deletingLastPathComponent
        let name = (pattern as NSString).lastPathComponent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: root + directory) else { return [] }
        return entries.filter { fnmatch(name, $0, 0) == 0 && !$0.hasPrefix(".") }.sorted().map { directory + "/" + $0 }
    }

    private static func strip(_ line: Substring) -> String {
        let withoutComment = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return withoutComment.trimmingCharacters(in: .whitespaces)
    }

    static func ipv4(_ text: String, file: String, line: Int) throws -> IPv4Address {
        guard let address = IPv4Address(text) else {
            throw NetworkSettingsError(file: file, line: line, message: "'\(text)' is not an IPv4 address")
        }
        return address
    }

    static func cidr(_ text: String, file: String, line: Int) throws -> (IPv4Address, Int) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let address = try ipv4(String(parts[0]), file: file, line: line)
        guard parts.count <= 2 else { throw NetworkSettingsError(file: file, line: line, message: "'\(text)' is not ADDRESS/PREFIX") }
        guard parts.count == 2 else { return (address, 24) }
        guard let prefix = Int(parts[1]), (1...32).contains(prefix) else {
            throw NetworkSettingsError(file: file, line: line, message: "'\(parts[1])' is not a prefix length (1 to 32)")
        }
        return (address, prefix)
    }

    static func prefix(ofMask text: String, file: String, line: Int) throws -> Int {
        let mask = try ipv4(text, file: file, line: line).value
        let prefix = mask.nonzeroBitCount
        guard mask == (prefix == 0 ? 0 : UInt32.max << UInt32(32 - prefix)) else {
            throw NetworkSettingsError(file: file, line: line, message: "'\(text)' is not a network mask")
        }
        return prefix
    }
}
