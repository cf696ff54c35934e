import FuzzDriver
import Lessons

/// The bytes as the YAML front matter of an otherwise valid lesson. Every problem must be a
/// diagnostic on a line of the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = "---\n\(fuzzText(start, count))\n---\n# Lesson\n\n## Step\n\nProse.\n"
    let result = LessonParser.parse(text, file: "fuzz.md")
    requireDiagnosticsInside(text, result.diagnostics)
    return 0
}

@_cdecl("FuzzFrontMatter_main")
public func entry(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc: argc, argv: argv, body: fuzzFrontMatter)
}
