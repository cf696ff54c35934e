import Testing
@testable import WizardSystem

/// Chunked output becomes text: CRLF to LF across chunk borders, UTF-8 split across reads.
@Suite("OutputCollector")
struct OutputCollectorTests {
    /// Feeds `chunks` one by one and returns (what the callback saw, the captured text).
    private func collect(_ chunks: [[UInt8]]) -> (streamed: String, captured: String) {
        let sink = TextSink()
        var collector = OutputCollector { sink.append($0) }
        for chunk in chunks {
            chunk.withUnsafeBytes { collector.receive($0) }
        }
        let captured = collector.finish()
        return (sink.text, captured)
    }

    @Test func crlfSplitAcrossChunksBecomesLF() {
        let result = collect([Array("one\r".utf8), Array("\ntwo\r\n".utf8)])
        #expect(result.captured == "one\ntwo\n")
        #expect(result.streamed == result.captured)
    }

    @Test func aLoneCarriageReturnStays() {
        let result = collect([Array("50%\r".utf8), Array("60%\r".utf8)])
        #expect(result.captured == "50%\r60%\r")
    }

    @Test func utf8SplitAcrossChunksIsNotMangled() {
        let bytes = Array("é🍓".utf8)
        let result = collect([[bytes[0]], [bytes[1], bytes[2]], Array(bytes[3...4]), Array(bytes[5...])])
        #expect(result.captured == "é🍓")
        #expect(result.streamed == "é🍓")
    }

    @Test func invalidBytesBecomeReplacementCharacters() {
        #expect(collect([[0x61, 0xFF, 0x62]]).captured == "a\u{FFFD}b")
        #expect(collect([[0x61, 0xE2, 0x82]]).captured == "a\u{FFFD}")
    }
}
