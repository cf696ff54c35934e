import FuzzDriver
import Wizard

/// The bytes as a transcript file. Reading either succeeds or throws the reader's own error, whose
/// text is piwizard's (never a Foundation error's).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscript(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    do {
        _ = try Transcript(text: fuzzText(start, count)).inputs
    } catch let error as Transcript.ReadError {
        if error.description.contains("DecodingError") || error.description.contains("NSCocoaErrorDomain") {
            fatalError("Foundation's error text reaches the user: \(error)")
        }
    } catch {
        fatalError("the reader threw an error of another kind: \(error)")
    }
    return 0
}

@_cdecl("FuzzTranscript_main")
public func entry(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc: argc, argv: argv, body: fuzzTranscript)
}
