import Foundation
import Testing
@testable import Wizard

/// The transcript's event lines are written by hand; they must be what `JSONSerialization` wrote, byte
/// for byte, so transcripts recorded before and after read and compare the same.
@Suite struct AsciicastLineTests {
    static func serialized(_ seconds: Double, _ code: String, _ data: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: [seconds, code, data], options: [.withoutEscapingSlashes]), as: UTF8.self)
    }

    @Test func everyCharacterIsWrittenAsJSONSerializationWroteIt() throws {
        var texts = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        texts += ["", "a/b\\c\"d", "\u{1B}[31mred\u{1B}[0m", "é ✓ ✗ π 🙂", "\u{2028}\u{2029}\u{85}\u{7F}", "line\r\nnext\ttab\u{0C}\u{08}"]
        texts.append(String(repeating: "x\"y\\", count: 500))
        for text in texts {
            #expect(AsciicastLine.line(seconds: 0.004, code: "o", data: text) == (try Self.serialized(0.004, "o", text)), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func secondsAreWrittenAsJSONSerializationWroteThem() throws {
        var values: [Double] = [0, 0.001, 0.004, 0.01, 0.1, 0.5, 1, 2.5, 24, 83, 99.999, 1234.567, 3600, 86_399.999, 1_000_000.001]
        values += (0..<2000).map { (Double($0) * 7.919).rounded() / 1000 }
        for value in values {
            #expect(AsciicastLine.line(seconds: value, code: "x-status", data: "{}") == (try Self.serialized(value, "x-status", "{}")), "\(value)")
        }
    }

    @Test func aLineReadsBackAsTheSameEvent() throws {
        let line = AsciicastLine.line(seconds: 12.345, code: "o", data: "\u{1B}]0;title\u{07} \"quoted\" \\ / é\n")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
        #expect((array[0] as? NSNumber)?.doubleValue == 12.345)
        #expect(array[1] as? String == "o")
        #expect(array[2] as? String == "\u{1B}]0;title\u{07} \"quoted\" \\ / é\n")
    }
}
