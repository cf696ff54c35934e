import Foundation
/// Shell text that opens a TCP connection to a host's port (bash's `/dev/tcp`), giving up after 5 s:
/// exit status 0 when something accepts it. Used by `reachable` and `machinefile`.
enum TCPProbe {
    static func script(_ host: String, port: Int) -> ShellText {
        "timeout 5 bash -c 'exec 3<>/dev/tcp/\"$0\"/\"$1\"' \(host) \(port) 2>&1"
    }
}
