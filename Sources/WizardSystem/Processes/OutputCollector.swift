/// Turns the bytes a command prints into text, chunk by chunk: UTF-8 sequences split across reads are
/// held back until complete, CRLF becomes LF (a `\r` at the end of a chunk waits to see what follows),
/// invalid bytes become U+FFFD. Each piece of text goes to the `output` callback and into the captured
/// result, so the callback sees exactly what `CommandResult.output` will hold.
struct OutputCollector {
    private let output: @Sendable (String) -> Void
    private var pending: [UInt8] = []
    private(set) var captured = ""

    init(output: @escaping @Sendable (String) -> Void) {
        self.output = output
    }

    /// Takes the next bytes read from the command.
    mutating func receive(_ bytes: UnsafeRawBufferPointer) {
        pending.append(contentsOf: bytes)
        let complete = Self.completeLength(of: pending)
        guard complete > 0 else { return }
        emit(Array(pending[..<complete]))
        pending.removeFirst(complete)
    }

    /// Flushes whatever is held back (a lone `\r`, a cut-off UTF-8 sequence) once the command is done,
    /// and returns the captured text.
    mutating func finish() -> String {
        if !pending.isEmpty {
            emit(pending)
            pending = []
        }
        return captured
    }

    private mutating func emit(_ bytes: [UInt8]) {
        var normalised: [UInt8] = []
        normalised.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { continue }
            normalised.append(byte)
        }
        let text = String(decoding: normalised, as: UTF8.self)
        captured += text
        output(text)
    }

    /// How many leading bytes can be decoded now: all but a trailing incomplete UTF-8 sequence or a
    /// trailing `\r`.
    static func completeLength(of bytes: [UInt8]) -> Int {
        var end = bytes.count
        if end > 0, bytes[end - 1] == 0x0D { return end - 1 }
        // Step back over continuation bytes (at most three) to the lead byte of the last sequence.
        var lead = end - 1
        while lead >= 0, end - lead <= 3, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        if lead >= 0 {
            let byte = bytes[lead]
            let needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            if byte >= 0xC0, end - lead < needed { end = lead }
        }
        return end
    }
}
