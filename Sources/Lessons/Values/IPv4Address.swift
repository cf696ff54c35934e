/// A dotted-quad IPv4 address, parsed strictly (four decimal parts 0–255, no leading zeros).
public struct IPv4Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: UInt32

    public init(_ value: UInt32) { self.value = value }

    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit),
                  part == "0" || part.first != "0", let octet = UInt32(part), octet <= 255 else { return nil }
            value = value << 8 | octet
        }
        self.value = value
    }

    public var description: String {
        (0..<4).reversed().map { String((value >> (UInt32($0) * 8)) & 0xFF) }.joined(separator: ".")
    }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }
}

extension Character {
    /// `0`–`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
