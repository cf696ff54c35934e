import FuzzDriver
import Glibc
import Lessons

/// The bytes as a command template and a value for its `{{v}}`: the template is rendered for the shell
/// and read by the lexer, which must return (a refused or missing value is an answer); and the value,
/// written into one of a few fixed commands that print it, must reach `dash` exactly, running nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShellTemplate(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = ShellTemplateInput(start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
    checkTemplate(input.template, value: input.value)
    checkPrinted(input.value, in: input.shape)
    return 0
}

@_cdecl("FuzzShellTemplate_main")
public func entry(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    // A marker left by an earlier run would fail every input.
    unlink(PrintingShape.marker)
    mkdir(DashRun.home, 0o700)
    return runLibFuzzer(argc: argc, argv: argv, body: fuzzShellTemplate)
}

/// One input, read as: a byte that picks the printing shape, then the template and the value split at
/// the first 0xFF byte (without one, the same text is both). The template gets a `{{v}}`, where the last
/// byte says, when it has none.
struct ShellTemplateInput {
    var shape: PrintingShape
    var template: String
    var value: String

    init(_ bytes: [UInt8]) {
        shape = PrintingShape.all[Int(bytes.first ?? 0) % PrintingShape.all.count]
        let rest = bytes.dropFirst()
        let split = rest.firstIndex(of: 0xFF)
        value = String(decoding: split.map { rest[($0 + 1)...] } ?? rest, as: UTF8.self)
        var text = String(decoding: split.map { rest[..<$0] } ?? rest, as: UTF8.self)
        if !TemplateReference.scan(text).contains(where: { $0.raw == "v" }) {
            var scalars = Array(text.unicodeScalars)
            scalars.insert(contentsOf: "{{v}}".unicodeScalars, at: Int(bytes.last ?? 0) % (scalars.count + 1))
            text = String(String.UnicodeScalarView(scalars))
        }
        template = text
    }
}

/// The context every template is rendered with: the value as the input `v`.
func context(_ value: String) -> TemplateContext {
    TemplateContext(inputs: ["v": .text(value)], lessonID: "t", lessonAssets: "/t")
}

/// Renders `template` with `value` for the shell and reads it with the lexer: the renderer returns or
/// throws its own errors, the lexer gives one context per reference and its problems inside the text.
func checkTemplate(_ template: String, value: String) {
    do {
        _ = try TemplateRenderer.render(template, context: context(value), quoting: .shell)
    } catch is TemplateRenderer.RefusedValue {
    } catch is TemplateRenderer.MissingValue {
    } catch {
        fatalError("the renderer threw an error of another kind: \(error)")
    }
    let references = TemplateReference.scan(template)
    let syntax = ShellLexer.read(template, places: references.map(\.scalarRange))
    if syntax.contexts.count != references.count {
        fatalError("\(syntax.contexts.count) contexts for \(references.count) references in \(String(reflecting: template))")
    }
    let length = template.unicodeScalars.count
    for problem in syntax.problems where problem.offset < 0 || problem.offset > length {
        fatalError("a problem outside the text (\(length) scalars): \(problem) in \(String(reflecting: template))")
    }
}

/// Writes `value` into `shape`'s command and runs it with `dash`: what it prints must be what the shape
/// says, and the value must not have run a command (the marker file).
func checkPrinted(_ value: String, in shape: PrintingShape) {
    let command: String
    do {
        command = try TemplateRenderer.render(shape.template, context: context(value), quoting: .shell)
    } catch is TemplateRenderer.RefusedValue {
        return
    } catch {
        fatalError("rendering \(String(reflecting: shape.template)) threw \(error)")
    }
    let run = DashRun(command)
    let expected = shape.expected(value)
    if run.output != expected || run.status != 0 || access(PrintingShape.marker, F_OK) == 0 {
        fatalError("""
            the command did not print the value
            template: \(String(reflecting: shape.template))
            value:    \(String(reflecting: value))
            command:  \(String(reflecting: command))
            expected: \(String(reflecting: String(decoding: expected, as: UTF8.self)))
            printed:  \(String(reflecting: String(decoding: run.output, as: UTF8.self)))
            status:   \(run.status)\(run.timedOut ? " (timed out)" : ""); stderr: \(String(reflecting: String(decoding: run.errors, as: UTF8.self)))
            marker \(PrintingShape.marker): \(access(PrintingShape.marker, F_OK) == 0 ? "created" : "absent")
            """)
    }
}
