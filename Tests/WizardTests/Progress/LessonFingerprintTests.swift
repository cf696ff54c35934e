import Lessons
import Testing
@testable import Wizard

/// A lesson's fingerprint is the same in every process: it is what tells a replay that the lesson
/// changed since its transcript was recorded.
@Suite struct LessonFingerprintTests {
    /// A records default was described with the dictionary's own description, whose order follows
    /// the process's random hash seed: every shipped transcript of expand-cluster (which has a nodes
    /// default) then claimed its lesson had changed. Two equal records laid out in different orders
    /// (a dictionary's order depends on its capacity too) must read the same.
    @Test func aRecordDefaultReadsTheSameWhateverItsDictionarysOrder() {
        let fields = (1...12).map { ("field\($0)", "value\($0)") }
        let small = Dictionary(uniqueKeysWithValues: fields)
        var large = [String: String](minimumCapacity: 512)
        for (key, value) in fields.reversed() { large[key] = value }
        #expect(small == large)
        let first = LessonFingerprint.stableText(of: .records([InputRecord(small)]))
        #expect(first == LessonFingerprint.stableText(of: .records([InputRecord(large)])))
        #expect(first.hasPrefix("records field1=value1 field10=value10 field11=value11"))
        #expect(LessonFingerprint.stableText(of: .text("x")) == "text x")
        #expect(LessonFingerprint.stableText(of: nil) == "-")
    }
}
