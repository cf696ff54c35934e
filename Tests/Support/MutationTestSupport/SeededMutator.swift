/// A deterministic mutator of files for robustness tests: from a seed, it makes the same broken
/// variants of a valid file on every run (byte flips, cuts, copies, and tokens the reader gives meaning
/// to), so a variant that breaks a reader fails the test every time and can be printed and kept.
///
/// The libFuzzer targets in `fuzz/` search far wider; this keeps a seeded share of that in `swift test`.
public struct SeededMutator {
    private var state: UInt64
    /// Text the reader under test treats specially (fences, separators, templates, JSON punctuation).
    public var tokens: [[UInt8]]

    public init(seed: UInt64, tokens: [String]) {
        state = seed
        self.tokens = tokens.map { Array($0.utf8) } + [[0], [0xFF], [0xC3], [0xE2, 0x80]]
    }

    /// A variant of `bytes` with one to four changes.
    public mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for _ in 0...below(4) { change(&result) }
        return result
    }

    private mutating func change(_ bytes: inout [UInt8]) {
        let count = bytes.count
        switch below(7) {
        case 0 where count > 0:
            bytes[below(count)] = UInt8(truncatingIfNeeded: next())
        case 1 where count > 0:
            let start = below(count)
            bytes.removeSubrange(start..<min(count, start + 1 + below(64)))
        case 2 where count > 0:
            let start = below(count)
            let piece = bytes[start..<min(count, start + 1 + below(256))]
            bytes.insert(contentsOf: piece, at: below(count + 1))
        case 3 where count > 0:
            bytes.removeSubrange(below(count)...)
        case 4:
            bytes.insert(contentsOf: [UInt8](repeating: UInt8(ascii: "a"), count: 1 + below(400)), at: below(count + 1))
        default:
            bytes.insert(contentsOf: tokens[below(tokens.count)], at: below(count + 1))
        }
    }

    /// A number in 0..<bound.
    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
