import Lessons
import Foundation
import Wizard
@testable import WizardSystem
#if canImport(Glibc)
import Glibc
#endif

/// An sshd on 127.0.0.1 at a free high port, for tests running as root: its own temporary host key,
/// a client key in its `authorized_keys`, a `known_hosts` made by `ssh-keyscan`, started as
/// `/usr/sbin/sshd -D` and ended by its PID in `stop()` (after closing ssh's shared connections).
///
/// sshd is started with `ChildProcess`, not Foundation's `Process`: sshd closes the descriptors it
/// inherits, which makes `Process` believe it ended and block its monitoring thread in `waitpid`.
final class LocalSSHServer {
    /// Whether this machine can run one (sshd installed, running as root).
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") && getuid() == 0
    }

    let directory: String
    let port: UInt16
    private let sshd: ChildProcess
    /// The listening sshd; each connection is served by a process under it.
    var pid: pid_t { sshd.pid }
    private let tools = PipeCommandRunner()

    /// The ssh options a builder needs to reach this server with the client key, checking its host
    /// key against `knownHosts` (default: the one `ssh-keyscan` made).
    func sshOptions(knownHosts: String? = nil) -> [String] {
        [
            "-F", "/dev/null",
            "-i", directory + "/client_key",
            "-o", "IdentitiesOnly=yes",
            "-o", "UserKnownHostsFile=\(knownHosts ?? directory + "/known_hosts")",
            "-p", String(port),
        ]
    }

    /// A folder for ssh's control sockets (inside this server's folder, short enough for a socket path).
    func controlDirectory(_ name: String) -> String {
        directory + "/" + name
    }

    init() throws {
        var template = Array("/tmp/pw-sshd-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure("mkdtemp failed") }
        directory = String(cString: made)
        let folder = ShellQuote.word(directory)
        try Self.runTool(tools, """
            ssh-keygen -q -t ed25519 -N '' -f \(folder)/host_key && \
            ssh-keygen -q -t ed25519 -N '' -f \(folder)/client_key && \
            cp \(folder)/client_key.pub \(folder)/authorized_keys && \
            mkdir -p -m 0755 /run/sshd
            """)
        port = try Self.freePort()
        let config = """
            ListenAddress 127.0.0.1
            Port \(port)
            HostKey \(directory)/host_key
            AuthorizedKeysFile \(directory)/authorized_keys
            PidFile none
            UsePAM no
            StrictModes no
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            LogLevel ERROR

            """
        try config.write(toFile: directory + "/sshd_config", atomically: true, encoding: .utf8)
        let log = directory + "/sshd.log"
        sshd = try ChildProcess.spawn(["/usr/sbin/sshd", "-D", "-e", "-f", directory + "/sshd_config"], newSession: false) { actions in
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        }
        do {
            try waitUntilListening()
            try Self.runTool(tools, "ssh-keyscan -p \(port) -t ed25519 127.0.0.1 2>/dev/null > \(folder)/known_hosts && test -s \(folder)/known_hosts")
        } catch {
            stop(controlDirectories: [])
            throw error
        }
    }

    /// Closes ssh's shared connections left in `controlDirectories`, ends sshd by its PID and removes
    /// the folder.
    func stop(controlDirectories: [String]) {
        for folder in controlDirectories {
            let sockets = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for socket in sockets { closeConnection(socket: folder + "/" + socket) }
        }
        if sshd.reap() == nil {
            kill(sshd.pid, SIGTERM)
            var status: Int32 = 0
            _ = waitpid(sshd.pid, &status, 0)
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Closes the shared connection whose socket is `socket`.
    func closeConnection(socket: String) {
        try? Self.runTool(tools, "ssh -F /dev/null -S \(ShellQuote.word(socket)) -O exit 127.0.0.1 2>/dev/null")
    }

    private func waitUntilListening() throws {
        for _ in 0..<100 {
            if Self.canConnect(port: port) { return }
            guard sshd.reap() == nil else { break }
            usleep(50_000)
        }
        let log = (try? String(contentsOfFile: directory + "/sshd.log", encoding: .utf8)) ?? ""
        throw Failure("sshd did not start listening on port \(port): \(log)")
    }

    private static func runTool(_ runner: PipeCommandRunner, _ script: String) throws {
        let result = try runner.run(CommandRequest(command: script, timeout: 30)) { _ in }
        guard result.succeeded else { throw Failure("\(script) failed (\(result.exitStatus)): \(result.output)") }
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        return address
    }

    /// A port the kernel picks as free on 127.0.0.1.
    private static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket failed") }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Failure("bind failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    private static func canConnect(port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// Why the server could not be set up.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
