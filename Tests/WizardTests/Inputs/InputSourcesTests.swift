import Lessons
import Testing
import Wizard

/// The one order of input values for start, resume and check.
@Suite struct InputSourcesTests {
    @Test func theUsersValuesBeatTheLabsWhichBeatTheSavedRunsWhichBeatTheDefaults() {
        let sources = InputSources(saved: ["user": .text("saved"), "image": .text("/saved.img"), "card": .text("/dev/saved")],
                                   lab: ["user": .text("lab"), "card": .text("/dev/lab")],
                                   given: ProvidedValues(values: ["user": .text("given")], sources: ["user": .option]))
        let merged = sources.merged(defaults: ["user": .text("pi"), "image": .text("/default.img"), "key": .text("~/.ssh/id")])
        #expect(merged == ["user": .text("given"), "card": .text("/dev/lab"), "image": .text("/saved.img"), "key": .text("~/.ssh/id")])
        #expect(sources.merged()["key"] == nil, "a session asks for what nobody gave")
        #expect(sources.with(saved: [:]).merged()["image"] == nil)
    }
}
