import Lessons

/// The files that give a card's `eth0` its fixed address, in the form the flavour's network stack
/// reads, as a learner (or the release's own tools) would have written them on the master.
struct NodeNetworkFiles {
    var flavour: LabFlavour
    var address: IPv4Address
    var prefixLength: Int
    var gateway: IPv4Address
    /// The connection's UUID (NetworkManager flavours), fixed per card.
    var uuid: String

    /// Path (inside the card's root) → text, with the file's mode.
    var files: [(path: String, text: String, mode: Int)] {
        switch flavour {
        case .trixie:
            // Raspberry Pi OS Trixie's NetworkManager keeps its profiles as netplan files; netplan's
            // generator turns them into NetworkManager profiles at boot.
            return [("/etc/netplan/90-NM-\(uuid).yaml", """
                network:
                  version: 2
                  ethernets:
                    NM-\(uuid):
                      renderer: NetworkManager
                      match:
                        name: "eth0"
                      addresses:
                      - "\(address)/\(prefixLength)"
                      nameservers:
                        addresses:
                        - \(gateway)
                      routes:
                      - to: "default"
                        via: "\(gateway)"
                      networkmanager:
                        uuid: "\(uuid)"
                        name: "Wired connection 1"

                """, 0o600)]
        case .bookworm:
            return [("/etc/NetworkManager/system-connections/Wired connection 1.nmconnection", """
                [connection]
                id=Wired connection 1
                uuid=\(uuid)
                type=ethernet
                interface-name=eth0
                autoconnect-priority=-999

                [ethernet]

                [ipv4]
                address1=\(address)/\(prefixLength),\(gateway)
                dns=\(gateway);
                method=manual

                [ipv6]
                addr-gen-mode=default
                method=auto

                [proxy]

                """, 0o600)]
        case .bullseye:
            return [("/etc/dhcpcd.conf", """
                # A sample configuration for dhcpcd, as on Raspberry Pi OS (Bullseye).
                hostname
                clientid
                persistent
                option rapid_commit
                option domain_name_servers, domain_name, domain_search, host_name
                option classless_static_routes
                option interface_mtu
                require dhcp_server_identifier
                slaac private

                # This node's fixed address.
                interface eth0
                static ip_address=\(address)/\(prefixLength)
                static routers=\(gateway)
                static domain_name_servers=\(gateway)

                """, 0o644)]
        case .legacy:
            return [("/etc/network/interfaces", """
                # The 2014 article's way: a fixed address in /etc/network/interfaces.
                auto lo
                iface lo inet loopback

                auto eth0
                iface eth0 inet static
                    address \(address)
                    netmask \(IPv4Address(prefixLength == 0 ? 0 : UInt32.max << UInt32(32 - prefixLength)))
                    gateway \(gateway)

                """, 0o644)]
        }
    }
}
