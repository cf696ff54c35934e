import Lessons

/// ssh's refusal of a host whose key is not the one this computer knows ("REMOTE HOST
/// IDENTIFICATION HAS CHANGED"), read from its output: the host, the fingerprint it offered, and
/// where the key this computer knows is kept. It becomes an explanation with both fingerprints and
/// what to do, instead of ssh's wall of `@` signs.
public struct HostKeyChange: Sendable, Equatable {
    public var host: String
    public var offered: String
    public var knownHostsFile: String
    public var line: Int

    /// The change ssh reported in `output`, or nil when it reported none.
    public init?(output: String) {
        guard output.contains("REMOTE HOST IDENTIFICATION HAS CHANGED") else { return nil }
        let lines = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        // "The fingerprint for the ED25519 key sent by the remote host is" / "SHA256:…."
        guard let intro = lines.firstIndex(where: { $0.hasPrefix("The fingerprint for the") }), intro + 1 < lines.count else { return nil }
        offered = String(lines[intro + 1].trimmingCharacters(in: .init(charactersIn: ".")))
        // "Offending ED25519 key in /root/.ssh/known_hosts:3"
        guard let offending = lines.first(where: { $0.hasPrefix("Offending ") }), let range = offending.range(of: " in "),
              let colon = offending[range.upperBound...].lastIndex(of: ":"), let number = Int(offending[offending.index(after: colon)...])
        else { return nil }
        knownHostsFile = String(offending[range.upperBound..<colon])
        line = number
        // "Host key for 10.77.0.12 has changed and you have requested strict checking."
        guard let changed = lines.first(where: { $0.hasPrefix("Host key for ") && $0.contains(" has changed") }) else { return nil }
        host = String(changed.dropFirst("Host key for ".count).prefix { $0 != " " })
    }

    /// The command that prints the fingerprint of the key this computer knows for the host.
    public var knownFingerprintCommand: String {
        "ssh-keygen -l -F \(ShellQuote.quote(host)) -f \(ShellQuote.quote(knownHostsFile))"
    }

    /// The fingerprints in `ssh-keygen -l -F` output (`… ED25519 SHA256:… (comment)` lines).
    public static func fingerprints(in listing: String) -> [String] {
        listing.split(whereSeparator: \.isNewline).flatMap { $0.split(separator: " ") }.filter { $0.hasPrefix("SHA256:") }.map(String.init)
    }

    /// What happened and what to do, with both fingerprints (`known`: what `ssh-keygen` found).
    public func explanation(known: [String]) -> String {
        let knownText = known.isEmpty ? "a key" : known.joined(separator: " or ")
        return """
        The host key of \(host) has changed: this computer knows \(knownText) (\(knownHostsFile), line \(line)), \
        and \(host) now offers \(offered).
        If you gave \(host) a new card or another Pi, that is expected: forget the old key with \
        ssh-keygen -R \(ShellQuote.quote(host)) -f \(ShellQuote.quote(knownHostsFile)) and run the step again. \
        If not, stop here: another machine may be answering at \(host).
        """
    }
}
