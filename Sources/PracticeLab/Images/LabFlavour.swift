/// Which Raspberry Pi OS release a lab's nodes run: the Debian base its image is built from, the
/// network stack that gives `eth0` its address, and the sudo policy of the user `pi`.
///
/// | flavour | Debian | network stack | sudo for `pi` |
/// |---|---|---|---|
/// | `trixie` | 13 | NetworkManager, the address in a netplan file; cloud-init with a NoCloud seed on the boot partition | asks for the password |
/// | `bookworm` | 13 | NetworkManager, the address in a keyfile | no password |
/// | `bullseye` | 13 | dhcpcd, the address in `/etc/dhcpcd.conf` | no password |
/// | `legacy` | 13 | ifupdown, the address in `/etc/network/interfaces` | no password |
public enum LabFlavour: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    case trixie, bookworm, bullseye, legacy

    /// The current release, what people install today.
    public static let defaultFlavour = LabFlavour.trixie

    /// The flavour called `text` (in any case); another name is refused with the list of flavours.
    public init(named text: String) throws {
        guard let flavour = LabFlavour(rawValue: text.lowercased()) else {
            throw LabError.invalid("no lab flavour '\(text)'; choose one of \(LabFlavour.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = flavour
    }

    public var description: String { rawValue }

    /// The Debian suite the image is built from: Debian 13 for every flavour. Bookworm, bullseye and
    /// legacy model a network stack and a sudo policy, not a Debian release: Debian 12's MPICH 4.0.2
    /// with UCX 1.13 hangs in `MPI_Finalize` when ranks on different nodes talk over TCP (upstream
    /// openucx/ucx#8738), so an MPI program never ends across Debian 12 nodes, and no UCX setting
    /// avoids it (docs/lab-flavours.md); Raspberry Pi OS Bullseye is Debian 11, which the archive may
    /// no longer serve; the 2014 article ran Wheezy.
    public var suite: String { "trixie" }

    /// The release it stands for, in words.
    public var release: String {
        switch self {
        case .trixie: return "Raspberry Pi OS Trixie (2025): NetworkManager with netplan, cloud-init, sudo asks for the password"
        case .bookworm: return "Raspberry Pi OS Bookworm (2023): NetworkManager"
        case .bullseye: return "Raspberry Pi OS Bullseye (2021): dhcpcd"
        case .legacy: return "Raspbian as in the 2014 article: ifupdown, /etc/network/interfaces"
        }
    }

    /// The network stack's packages.
    var networkPackages: [String] {
        switch self {
        case .trixie: return ["network-manager", "netplan.io", "cloud-init"]
        case .bookworm: return ["network-manager"]
        case .bullseye: return ["dhcpcd"]
        case .legacy: return ["ifupdown"]
        }
    }

    /// What sets a node's address in this release, as a lesson's `lab: network-stack` field names it.
    public var netconf: String {
        switch self {
        case .trixie: return "netplan"
        case .bookworm: return "networkmanager"
        case .bullseye: return "dhcpcd"
        case .legacy: return "interfaces"
        }
    }

    /// Whether `sudo` asks `pi` for the password (Raspberry Pi OS images from 2026-04-13 on).
    public var sudoAsksPassword: Bool { self == .trixie }

    /// Whether the card's boot partition carries a cloud-init seed that runs at boot.
    public var usesCloudInit: Bool { self == .trixie }
}
