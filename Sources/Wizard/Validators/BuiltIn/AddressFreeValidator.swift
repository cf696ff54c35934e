import Foundation
import Lessons

/// `address-free`: nothing answers on the address yet — duplicate address detection on the same link
/// (iputils' `arping -D`, which also finds a device that ignores ping), else one ping.
public struct AddressFreeValidator: Validator {
    public static let spec = ValidatorSpec("address-free", arguments: [.required("ip", .address)],
                                           summary: "nothing answers on the address yet: duplicate address detection (`arping -D`, iputils) when the address is on this machine's link, else one `ping`")

    public var ip: IPv4Address

    public init(_ arguments: ValidatorArguments) throws {
        ip = try arguments.address("ip")
    }

    /// Prints `arp 0`/`arp 1` (answered / not) from arping, else ping's exit status, or `no-ping`.
    var script: ShellText {
        let ip = ip.description
        return "dev=$(ip -o route get \(ip) 2>/dev/null | grep -v ' via ' | sed -n 's/.* dev \\([^ ]*\\).*/\\1/p'); "
            + "if [ -n \"$dev\" ] && [ \"$dev\" != lo ] && arping -V 2>&1 | grep -q iputils; then "
            + "arping -D -q -c 2 -w 3 -I \"$dev\" \(ip) >/dev/null 2>&1; s=$?; if [ $s -le 1 ]; then echo \"arp $((1 - s))\"; exit; fi; fi; "
            + "command -v ping >/dev/null || { echo no-ping; exit; }; ping -c 1 -W 1 -- \(ip) >/dev/null 2>&1; echo $?"
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        Self.judge(answer: try context.run(script).output, ip: ip.description)
    }

    /// The verdict on the script's answer.
    public static func judge(answer: String, ip: String) -> CheckOutcome {
        let title = "address-free \(ip)"
        let expected = "nothing to answer on \(ip)"
        switch answer.trimmingCharacters(in: .whitespacesAndNewlines) {
        case "0": return .fail(title, expected: expected, found: "\(ip) answers: something already uses it")
        case "1": return .pass(title, expected: expected, found: "no answer")
        case "arp 0": return .fail(title, expected: expected, found: "\(ip) answers ARP (arping -D): a device on this network already uses it")
        case "arp 1": return .pass(title, expected: expected, found: "no answer to duplicate address detection (arping -D)")
        case "no-ping": return .fail(title, expected: expected, found: "cannot tell: ping is not installed (Debian package iputils-ping)")
        case let status: return .fail(title, expected: expected, found: "cannot tell: ping ended with status \(status)")
        }
    }
}
