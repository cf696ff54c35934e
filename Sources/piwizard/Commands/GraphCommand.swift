import ArgumentParser
import Lessons

extension GraphFormat: ExpressibleByArgument {}

/// `piwizard graph LESSON`: the lesson's step graph as text, Mermaid or DOT.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "Print a lesson's step graph: loops, branches and requires edges.")

    @OptionGroup var options: LessonOptions
    @Argument(help: "A lesson id or a path to a lesson .md file.") var lesson: String
    @Option(help: "Output format: \(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")).") var format: GraphFormat = .text

    func run() throws {
        let loaded = try options.library.load(lesson)
        print(GraphRenderer.render(StepGraph(lesson: loaded.lesson), title: loaded.lesson.metadata.title, format: format), terminator: "")
    }
}
