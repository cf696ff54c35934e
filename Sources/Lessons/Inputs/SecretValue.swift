/// A `secret` input's value. It describes, prints, dumps and interpolates as its stand-in (`••••••`),
/// and refuses to be encoded or decoded, so no path can write it to disk or to the screen by accident:
/// the value itself comes out only through `reveal()`, where it is meant to go (a command's run text,
/// sudo's password handover, the transcript's last line of defence).
public struct SecretValue: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    public init(_ value: String) {
        self.value = value
    }

    /// The value itself.
    public func reveal() -> String { value }

    public var description: String { SecretStandIn.redacted }
    public var debugDescription: String { SecretStandIn.redacted }
    public var customMirror: Mirror { Mirror(self, children: []) }

    /// Why a secret is never encoded: saved progress and transcripts leave secrets out before they
    /// are written (`SessionState.withoutSecrets`), and this is the guard that they did.
    public func encode(to encoder: Encoder) throws {
        throw EncodingError.invalidValue(SecretStandIn.redacted, .init(codingPath: encoder.codingPath, debugDescription: "a secret is never written"))
    }

    public init(from decoder: Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a secret is never read from a file"))
    }
}
