import CFuzzerDriver
import Lessons

/// What a fuzz target checks: one input, as bytes. It returns 0 and stops the process (a trap) when
/// the input shows a bug.
public typealias FuzzBody = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// The fuzz targets' `main`. SwiftPM links an executable target's `main` to `<Target>_main`, which
/// `-parse-as-library` leaves out, so each target defines that symbol and hands its arguments and body
/// to libFuzzer's driver here.
public func runLibFuzzer(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, body: FuzzBody) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, body)
}

/// The input's bytes as text, the way piwizard reads a file (invalid UTF-8 is replaced).
public func fuzzText(_ start: UnsafePointer<UInt8>?, _ count: Int) -> String {
    guard let start else { return "" }
    return String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
}

/// Stops the process (a crash libFuzzer reports, with the input) when a diagnostic is not on a line of
/// `text`: a line ends at `\n`, `\r\n` or a lone `\r`, as CommonMark counts (an upper bound here).
public func requireDiagnosticsInside(_ text: String, _ diagnostics: [Diagnostic]) {
    let lines = text.unicodeScalars.filter { $0 == "\n" || $0 == "\r" }.count + 1
    for diagnostic in diagnostics where diagnostic.location.line < 1 || diagnostic.location.line > lines + 1 {
        fatalError("diagnostic outside the file (\(lines) lines): \(diagnostic)")
    }
}
