import CSpawn
import Glibc

/// One run of `/bin/dash -c command`: what it printed on stdout and stderr, and how it ended. Its
/// stdin is /dev/null, its environment PATH, HOME and LC_ALL only, its folder `home`; after `limit`
/// seconds, or past `outputLimit` bytes, its process group is killed.
struct DashRun {
    static let home = "/tmp/piwizard-fuzz-home"
    static let limit = 5.0
    static let outputLimit = 1 << 16

    var output: [UInt8] = []
    var errors: [UInt8] = []
    /// The exit status, or 128 plus the signal that ended it.
    var status: CInt = -1
    var timedOut = false

    init(_ command: String) {
        var out: [CInt] = [-1, -1]
        var err: [CInt] = [-1, -1]
        guard pipe(&out) == 0, pipe(&err) == 0 else { fatalError("pipe: \(String(cString: strerror(errno)))") }
        for descriptor in out + err { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let pid = Self.spawn(command, stdout: out[1], stderr: err[1])
        close(out[1])
        close(err[1])
        collect(out[0], err[0], group: pid)
        close(out[0])
        close(err[0])
        status = Self.reap(pid)
    }

    /// Starts dash in a process group of its own.
    static func spawn(_ command: String, stdout: CInt, stderr: CInt) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        posix_spawn_file_actions_addchdir_np(&actions, home)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var pid = pid_t()
        let result = withCStrings(["/bin/dash", "-c", command]) { arguments in
            withCStrings(["PATH=/usr/bin:/bin", "HOME=\(home)", "LC_ALL=C"]) { environment in
                posix_spawn(&pid, "/bin/dash", &actions, &attributes, arguments, environment)
            }
        }
        guard result == 0 else { fatalError("posix_spawn /bin/dash: \(String(cString: strerror(result)))") }
        return pid
    }

    /// Reads both pipes to their ends, or kills the group when the run takes too long or prints too
    /// much.
    mutating func collect(_ out: CInt, _ err: CInt, group: pid_t) {
        var descriptors = [pollfd(fd: out, events: Int16(POLLIN), revents: 0), pollfd(fd: err, events: Int16(POLLIN), revents: 0)]
        let deadline = Self.now() + Self.limit
        var buffer = [UInt8](repeating: 0, count: 4096)
        while descriptors.contains(where: { $0.fd >= 0 }) {
            let left = deadline - Self.now()
            if left <= 0 || output.count + errors.count > Self.outputLimit {
                timedOut = left <= 0
                kill(-group, SIGKILL)
                return
            }
            if poll(&descriptors, nfds_t(descriptors.count), CInt(left * 1000) + 1) < 0 {
                if errno == EINTR { continue }
                fatalError("poll: \(String(cString: strerror(errno)))")
            }
            for index in descriptors.indices where descriptors[index].fd >= 0 && descriptors[index].revents != 0 {
                let count = read(descriptors[index].fd, &buffer, buffer.count)
                if count > 0 {
                    if index == 0 { output += buffer[..<count] } else { errors += buffer[..<count] }
                } else if count == 0 || errno != EINTR {
                    descriptors[index].fd = -1
                }
            }
        }
    }

    /// Waits for dash to end, kills what it left running in its group, and gives its status.
    static func reap(_ pid: pid_t) -> CInt {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
        kill(-pid, SIGKILL)
        var status: CInt = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { fatalError("waitpid: \(String(cString: strerror(errno)))") }
        }
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + status & 0x7F
    }

    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// `strings` as a NULL-terminated array of C strings, for `body` only.
func withCStrings<Result>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Result) -> Result {
    var pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
}
