import Foundation

/// Runs the built `piwizard` binary, as a user would, and captures what it prints.
struct PiwizardProcess {
    /// What one run printed and how it ended.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Standard output with the lines piwizard broke to fit the screen (80 columns here) joined
        /// again: a message can then be found whole, wherever it was broken.
        var unwrappedStdout: String {
            stdout.replacingOccurrences(of: #" *\n *"#, with: " ", options: .regularExpression)
        }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary beside the test bundle (SwiftPM builds it because the test target depends on it).
    static let binary: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("piwizard")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repository.appendingPathComponent(".build/debug/piwizard")
    }()

    /// How piwizard's messages name it in these runs: `piwizard` when the first of that name on the
    /// tests' `PATH` is this binary (e.g. linked there by `script/start`), else its full path.
    static var typedName: String {
        let this = binary.resolvingSymlinksInPath().path
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") where folder.hasPrefix("/") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("piwizard")
            guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
            return candidate.resolvingSymlinksInPath().path == this ? "piwizard" : this
        }
        return this
    }

    /// Runs piwizard with `arguments` in `directory` (the repository by default). The environment is the
    /// test's, without colour or lesson-folder settings, plus `environment`.
    static func run(_ arguments: [String], in directory: URL = repository, environment: [String: String] = [:]) throws -> Output {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["PIWIZARD_LESSONS"] = nil
        env["COLUMNS"] = "80"
        for (key, value) in environment { env[key] = value }
        return try capture(binary, arguments, in: directory, environment: env)
    }

    /// Runs a shell line (`/bin/sh -c`) with the test's environment.
    static func shell(_ line: String) throws -> Output {
        try capture(URL(fileURLWithPath: "/bin/sh"), ["-c", line], in: repository, environment: ProcessInfo.processInfo.environment)
    }

    /// Runs a program with no input and returns what it printed. Output goes to files, so a full pipe
    /// can never block the child.
    private static func capture(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Output(status: process.terminationStatus,
                      stdout: try String(contentsOf: outURL, encoding: .utf8),
                      stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// `text` as one shell word.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A new empty folder for one test.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("piwizard-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
