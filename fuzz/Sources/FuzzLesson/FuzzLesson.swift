import FuzzDriver
import Lessons
import Wizard

/// The bytes as a lesson file, parsed and linted as `piwizard lint` does. Every problem must be a
/// diagnostic on a line of the file; anything else (a crash, a trap, a hang) is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLesson(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = fuzzText(start, count)
    let result = LessonLinter.lint(text, file: "fuzz.md", validators: ValidatorRegistry.specs)
    requireDiagnosticsInside(text, result.diagnostics)
    return 0
}

@_cdecl("FuzzLesson_main")
public func entry(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc: argc, argv: argv, body: fuzzLesson)
}
