import Foundation
import MutationTestSupport
import Testing
import Wizard

/// Broken variants of the shipped transcripts, made by a seeded mutator, go through the reader that
/// `replay` and `transcript` use: each is read or refused with the reader's own error, in piwizard's
/// words (no Foundation error text). (`fuzz/run` searches the same reader with libFuzzer.)
@Suite struct MutatedTranscriptTests {
    static let folder = Repository.root.appendingPathComponent("transcripts")
    static let tokens = ["\n", "\"", "\\", "\\u0000", "[", "]", "{", "}", ",", ":", "null", "true", "1e999", "-0",
                         "\"x-command\"", "\"x-input\"", "\"x-status\"", "\"x-check\"", "\"x-result\"", "\"piwizard\"", "\"format\""]

    @Test(arguments: ["tour-clean.cast", "expand-cluster-lab.cast"])
    func everyVariantIsReadOrRefusedInPiwizardsWords(transcript: String) throws {
        let original = Array(try Data(contentsOf: Self.folder.appendingPathComponent(transcript)))
        var mutator = SeededMutator(seed: 0xCA57 &+ UInt64(transcript.utf8.count), tokens: Self.tokens)
        for round in 0..<300 {
            let text = String(decoding: mutator.mutate(original), as: UTF8.self)
            do {
                _ = try Transcript(text: text)
            } catch let error as Transcript.ReadError {
                #expect(!error.description.contains("DecodingError") && !error.description.contains("NSCocoaErrorDomain")
                        && !error.description.contains("codingPath"), "variant \(round) of \(transcript): \(error)")
            } catch {
                Issue.record("variant \(round) of \(transcript) threw \(type(of: error)), not the reader's error")
            }
        }
    }

    @Test func aHeaderWithoutPiwizardsPartNamesTheMissingField() {
        let text = "{\"version\": 2, \"width\": 80, \"height\": 24, \"timestamp\": 0, \"title\": \"t\"}\n"
        #expect(throws: Transcript.ReadError.self) { try Transcript(text: text) }
        do { _ = try Transcript(text: text) } catch {
            #expect("\(error)" == "the first line is not a piwizard asciicast header: field 'x-piwizard' is missing")
        }
    }

    @Test func anEventWithDataPiwizardDidNotWriteNamesItsLine() throws {
        let header = try String(contentsOf: Self.folder.appendingPathComponent("tour-clean.cast"), encoding: .utf8)
            .split(separator: "\n")[0]
        let text = "\(header)\n[0.5, \"x-command\", \"{\\\"nonsense\\\": 1}\"]\n[0.6, \"o\", \"fine\"]\n"
        do {
            _ = try Transcript(text: text)
            Issue.record("a command event without its fields was read")
        } catch let error as Transcript.ReadError {
            #expect(error.description.hasPrefix("line 2: the 'x-command' event's data is not what piwizard writes: field '"))
        }
    }
}
