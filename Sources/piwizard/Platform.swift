import Foundation
import Lessons
#if canImport(Glibc)
import Glibc
#endif

/// Every operating-system question the executable asks, in one place: environment, terminal, paths.
enum Platform {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static var workingDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// The running executable, for finding the installed share folder.
    static var executable: URL? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        #endif
        return Bundle.main.executableURL
    }

    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// How to type this piwizard again where the user is, for the commands a message suggests:
    /// `piwizard` when the first of that name on `PATH` is this program, else this program's full path
    /// (e.g. a build that `script/install` did not install).
    static var commandName: String {
        guard let this = executable?.resolvingSymlinksInPath().path else { return "piwizard" }
        for folder in (environment["PATH"] ?? "").split(separator: ":") where folder.hasPrefix("/") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("piwizard")
            guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
            return candidate.resolvingSymlinksInPath().path == this ? "piwizard" : this
        }
        return this
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set to anything non-empty.
    static var useColour: Bool {
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        return isTerminal(STDOUT_FILENO)
    }

    /// The terminal's width: the terminal itself, else `COLUMNS`, else 80.
    static var terminalWidth: Int {
        if let columns = columns(of: STDOUT_FILENO) { return columns }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    /// Writes a message to standard error; a value's control characters in it are shown, not sent,
    /// and at a terminal it is fitted to its width (`ScreenWrap`).
    static func writeError(_ text: String) {
        var shown = VisibleText.of(text, keepsLayout: true)
        if isTerminal(STDERR_FILENO) { shown = ScreenWrap.fit(shown, width: columns(of: STDERR_FILENO) ?? terminalWidth) }
        FileHandle.standardError.write(Data((shown.hasSuffix("\n") ? shown : shown + "\n").utf8))
    }

    /// Writes text for a person to standard output: at a terminal fitted to its width (`ScreenWrap`),
    /// elsewhere (a pipe, a file) with its lines whole.
    static func show(_ text: String, terminator: String = "\n") {
        let fitted = isTerminal(STDOUT_FILENO) ? ScreenWrap.fit(text, width: terminalWidth) : text
        print(fitted, terminator: terminator)
    }

    /// The width of the terminal on `descriptor`, if it is one.
    static func columns(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
