/// What stands in for a secret wherever it would show: `••••••(name)` in commands on the screen, and
/// `••••••` in transcripts and summaries.
public enum SecretStandIn {
    /// Shown in a command in place of the secret input `name`.
    public static func named(_ name: String) -> String { "••••••(\(name))" }

    /// Written in place of a secret value that has no name (a transcript, a typed password).
    public static let redacted = "••••••"
}
