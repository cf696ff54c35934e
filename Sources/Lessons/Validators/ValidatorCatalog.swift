/// The built-in validators a lesson may name with `validator=`, as documented in docs/lesson-format.md.
public enum ValidatorCatalog {
    public static let all: [ValidatorSpec] = [
        ValidatorSpec("block-device", required: ["device"], optional: ["removable", "unmounted", "not-system", "min-size", "fits"],
                      summary: "the device exists and has every listed property (lsblk --json); `fits` a file: at least as large"),
        ValidatorSpec("image-matches-device", required: ["image", "device"],
                      summary: "the image file has the device's size"),
        ValidatorSpec("same-content", required: ["source", "target"], optional: ["bytes"],
                      summary: "the first bytes of source and target are equal"),
        ValidatorSpec("file-contains", required: ["path", "pattern"],
                      summary: "the file has a line matching the regular expression"),
        ValidatorSpec("hostname-is", required: ["host", "expected"],
                      summary: "hostname on the host prints the expected name"),
        ValidatorSpec("unique-across-nodes", required: ["nodes", "command"],
                      summary: "the command prints a different value on every node (asked all at once)"),
        ValidatorSpec("unique-host-keys", required: ["nodes"], optional: ["type", "port"],
                      summary: "every node shows a different ssh host key (ssh-keyscan, no login)"),
        ValidatorSpec("address-free", required: ["ip"],
                      summary: "nothing answers on the address yet (arping -D on the same link, else ping)"),
        ValidatorSpec("same-subnet", required: ["ip", "subnet"], optional: ["gateway"],
                      summary: "the address is a usable host address inside the subnet, not the gateway"),
        ValidatorSpec("reachable", required: ["host"], optional: ["port", "wait"],
                      summary: "the host answers (ssh port by default), within `wait` seconds (10)"),
        ValidatorSpec("ssh-key-exists", required: ["path"],
                      summary: "a private key and its matching .pub exist with safe modes"),
        ValidatorSpec("ssh-key-login", required: ["host", "user"], optional: ["key"],
                      summary: "ssh -o BatchMode=yes logs in without a password"),
        ValidatorSpec("authorized-key-once", required: ["host", "user", "key"],
                      summary: "the key is in the node's authorized_keys exactly once, with modes 700 and 600"),
        ValidatorSpec("known-host", required: ["host"],
                      summary: "known_hosts holds the host's current key (first contact confirmed, nothing stale)"),
        ValidatorSpec("machinefile", required: ["path", "nodes"], optional: ["reachable"],
                      summary: "the file lists every node exactly once, as host or host:n (and, with reachable, each answers on ssh)"),
        ValidatorSpec("mpi-hostnames", required: ["machinefile", "count", "expected"],
                      summary: "mpiexec -f machinefile -n count hostname prints the expected hostnames"),
        ValidatorSpec("output-matches", required: ["command", "pattern"],
                      summary: "the command's output matches the regular expression"),
    ]

    public static func spec(named name: String) -> ValidatorSpec? {
        all.first { $0.name == name }
    }
}
