import Foundation

/// A program running in a detached tmux session of a fixed size, for tests that type at a real terminal
/// and read the screen back.
///
/// Each session has its own tmux server on a private socket in a temporary folder, started with no
/// configuration file but its own (`status off`, `remain-on-exit on`), so it never touches the user's
/// sessions and the screen holds exactly `height` lines of the program. The pane stays after the program
/// ends, so its last output can still be read (tmux adds a "Pane is dead" line). `kill()` (also run on deinit) ends the server and removes
/// the folder.
///
/// Output that a program writes just before it exits can be lost: when the pane's program ends, the
/// pseudo-terminal hangs up and the kernel may drop what tmux has not read yet. Keep the program alive
/// until its output has been seen (`reportingExit(_:)` wraps a command so, and also shows its exit
/// status) instead of relying on `remain-on-exit` for the last lines.
///
/// Timeouts only bound how long to wait; never assert on timing.
///
/// Self-contained (Foundation only) so that it can be copied between test targets.
public final class TmuxSession {
    /// A key to send: literal text, or a tmux key name.
    public enum Key: Equatable, Sendable {
        /// Typed as is (`send-keys -l`).
        case text(String)
        /// A tmux key name such as `Enter`, `Tab`, `BSpace`, `Up`, `End`, `C-c`, `C-d`.
        case named(String)

        public static let enter = Key.named("Enter")
        public static let tab = Key.named("Tab")
        public static let backspace = Key.named("BSpace")
        public static let up = Key.named("Up")
        public static let down = Key.named("Down")
        public static let left = Key.named("Left")
        public static let right = Key.named("Right")
        public static let home = Key.named("Home")
        public static let end = Key.named("End")
        public static let ctrlC = Key.named("C-c")
        public static let ctrlD = Key.named("C-d")
    }

    /// Why a session could not be used.
    public enum Failure: Error, CustomStringConvertible, Sendable {
        /// A tmux command failed.
        case tmux(arguments: [String], status: Int32, output: String)
        /// `waitFor` gave up; `screen` is the last capture.
        case timedOut(waitingFor: String, screen: String)

        public var description: String {
            switch self {
            case .tmux(let arguments, let status, let output):
                return "tmux \(arguments.joined(separator: " ")) exited \(status): \(output)"
            case .timedOut(let awaited, let screen):
                return "timed out waiting for \(awaited); the screen was:\n\(screen)"
            }
        }
    }

    /// The session's name (also its target).
    public let name: String
    /// The folder holding the socket and configuration, removed by `kill()`.
    private let folder: URL
    private var isKilled = false

    /// Whether tmux can be run here.
    public static var isAvailable: Bool {
        (try? run(["-V"])) != nil
    }

    /// Starts `command` (program and arguments, run directly without a shell) in a detached session of
    /// `width` × `height` cells, in `workingDirectory`, with `environment` added to the environment
    /// this process has (tmux sets `TERM` itself).
    public init(
        name: String = "t\(UUID().uuidString.prefix(8))",
        width: Int = 80,
        height: Int = 24,
        command: [String],
        environment: [String: String] = [:],
        workingDirectory: URL? = nil
    ) throws {
        precondition(!command.isEmpty, "a session needs a command")
        self.name = name
        // A short path: socket paths are limited to about 100 bytes.
        folder = URL(fileURLWithPath: "/tmp/tmux-test-\(name)-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let configuration = folder.appendingPathComponent("tmux.conf")
        try "set -g status off\nset -g remain-on-exit on\nset -g history-limit 50000\n"
            .write(to: configuration, atomically: true, encoding: .utf8)
        var arguments = ["-f", configuration.path, "new-session", "-d", "-s", name,
                         "-x", String(width), "-y", String(height)]
        if let workingDirectory {
            arguments += ["-c", workingDirectory.path]
        }
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
            arguments += ["-e", "\(key)=\(value)"]
        }
        // Through `sh -c 'exec "$@"'` so that one word or many always mean a program and its arguments.
        arguments += ["--", "/bin/sh", "-c", "exec \"$@\"", "sh"] + command
        do {
            try tmux(arguments)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    deinit {
        kill()
    }

    /// Sends keys in order; consecutive named keys go in one tmux call.
    public func sendKeys(_ keys: Key...) throws {
        try sendKeys(keys)
    }

    /// Sends keys in order.
    public func sendKeys(_ keys: [Key]) throws {
        for key in keys {
            switch key {
            case .text(let text) where !text.isEmpty:
                try tmux(["send-keys", "-t", name, "-l", "--", text])
            case .text:
                continue
            case .named(let keyName):
                try tmux(["send-keys", "-t", name, keyName])
            }
        }
    }

    /// Types `text` literally.
    public func type(_ text: String) throws {
        try sendKeys(.text(text))
    }

    /// The visible screen, one line per row (trailing blanks trimmed by tmux). With `scrollback`, the
    /// lines scrolled off the top come first; with `joiningWrappedRows`, a line the terminal itself
    /// continued on the next row (it reached the right edge) is one line (`capture-pane -J`).
    public func capture(scrollback: Bool = false, joiningWrappedRows: Bool = false) throws -> String {
        var arguments = ["capture-pane", "-p", "-t", name]
        if joiningWrappedRows { arguments.append("-J") }
        if scrollback {
            arguments += ["-S", "-"]
        }
        return try tmux(arguments)
    }

    /// Polls the screen (with scrollback) until it contains `text`, and returns that screen; throws
    /// `Failure.timedOut` with the last screen after `timeout` seconds. tmux trims blanks at the end of
    /// each line, so wait for `"name>"`, not `"name> "`, while the cursor sits after a prompt.
    @discardableResult
    public func waitFor(text: String, timeout: TimeInterval = 20) throws -> String {
        try waitFor(description: "\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen (with scrollback) until it holds `text` word for word, whatever line breaks and
    /// indentation fitting it to a narrow screen put between its words; returns that screen.
    @discardableResult
    public func waitFor(words text: String, timeout: TimeInterval = 20) throws -> String {
        let wanted = Self.words(text)
        return try waitFor(description: "\"\(text)\" (as words)", timeout: timeout) { Self.words($0).contains(wanted) }
    }

    /// `text` with every run of blanks and line breaks made one space: what a wrapped text still says.
    public static func words(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// Polls the screen until `condition` holds for it, and returns that screen.
    @discardableResult
    public func waitFor(
        description: String = "a condition", timeout: TimeInterval = 20, until condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        repeat {
            screen = try capture(scrollback: true)
            if condition(screen) {
                return screen
            }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        throw Failure.timedOut(waitingFor: description, screen: screen)
    }

    /// Whether the program in the pane is still running.
    public func isRunning() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"])
            .trimmingCharacters(in: .whitespacesAndNewlines) == "0"
    }

    /// `command` wrapped in a shell that prints `EXIT=<status>` when it ends and then stays (sleeping)
    /// until the session is killed: the way to learn a program's exit status and to keep its last output
    /// on the screen. (tmux's own `pane_dead_status` is not dependable here: now and then tmux 3.3 never
    /// reaps the pane's program.)
    public static func reportingExit(_ command: [String]) -> [String] {
        ["/bin/sh", "-c", "\"$@\"; echo \"EXIT=$?\"; exec sleep 86400", "sh"] + command
    }

    /// Ends the tmux server and the program in it, and removes the session's folder. Safe to call twice.
    public func kill() {
        guard !isKilled else {
            return
        }
        isKilled = true
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs tmux on this session's socket and returns its standard output.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try Self.run(["-S", folder.appendingPathComponent("socket").path] + arguments)
    }

    /// Runs tmux with `arguments` and returns its standard output (and error); throws when it fails.
    ///
    /// Spawned with `posix_spawnp`, not `Process`: the server that `new-session` forks would inherit the
    /// descriptors `Process` uses to notice the exit (and any pipe), and then that exit is never seen.
    /// So output goes to a file, every descriptor above 2 is closed in the child, signals are unblocked
    /// and set to their defaults, and the child is reaped with `waitpid`.
    @discardableResult
    private static func run(_ arguments: [String]) throws -> String {
        let outputFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("tmux-output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outputFile) }

        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        closeFrom3(&actions)

        // Test threads (Dispatch workers) block signals, and a spawned child inherits the mask: a tmux
        // server with SIGCHLD blocked never learns that its program ended. Start with no signal blocked
        // and default actions.
        #if canImport(Darwin)
        var attributes: posix_spawnattr_t?
        #else
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGCHLD, SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        // When the tests themselves run inside tmux, do not let that tmux leak into the sessions.
        let environment = ProcessInfo.processInfo.environment
            .filter { $0.key != "TMUX" && $0.key != "TMUX_PANE" }
            .map { "\($0.key)=\($0.value)" }
        let argv = (["tmux"] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw Failure.tmux(arguments: arguments, status: -1, output: String(cString: strerror(spawned)))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else {
                throw Failure.tmux(arguments: arguments, status: -1, output: "waitpid failed")
            }
        }
        let text = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        // WIFEXITED and WEXITSTATUS do not import: decode the status by hand.
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        guard exited, code == 0 else {
            throw Failure.tmux(arguments: arguments, status: exited ? code : -1, output: text)
        }
        return text
    }

    #if canImport(Darwin)
    /// Nothing to do on Darwin, where descriptors are rarely left without close-on-exec.
    private static func closeFrom3(_ actions: inout posix_spawn_file_actions_t?) {}
    #else
    /// Adds "close every descriptor from 3 on" (glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`,
    /// which Swift does not import, so it is looked up at run time), so that the tmux server does not keep
    /// pipes of other tests open.
    private static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else {
            return
        }
        _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
    }
    #endif
}
