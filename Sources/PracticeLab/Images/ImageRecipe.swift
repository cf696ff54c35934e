/// How the system image of one lab flavour is made: the Debian packages `mmdebstrap` installs and the
/// script that then makes the tree Raspberry-Pi-OS-like. Its text is the image's cache key: an image
/// is built again only when the recipe changes.
///
/// What the script sets up, as Raspberry Pi OS does where the lesson depends on it: the user `pi`
/// (password `raspberry`, the first user, in group `sudo`), the name `raspberrypi` with its `127.0.1.1`
/// line, ssh enabled, the flavour's network stack and sudo policy. It leaves out what every card must
/// have of its own (host keys, machine id, name, address): those are written per card.
struct ImageRecipe: Sendable, Hashable {
    var flavour: LabFlavour

    /// Bump when the way images are built changes in a way the recipe text does not show.
    static let version = 1

    /// Every image's packages: systemd as init, dbus, OpenSSH, sudo, MPICH with its compiler, the
    /// network tools the lesson uses, an editor, a pager, and Python 3 (every Raspberry Pi OS release
    /// has it; Ansible's modules need it on the nodes).
    static let basePackages = [
        "systemd", "systemd-sysv", "dbus", "libpam-systemd", "openssh-server", "sudo",
        "mpich", "libmpich-dev", "gcc", "libc6-dev", "iproute2", "iputils-ping", "iputils-arping",
        "nano", "less", "procps", "netbase", "python3",
    ]

    var packages: [String] { Self.basePackages + flavour.networkPackages }

    /// Documentation, manual pages and translations are left out: the image is smaller and builds faster.
    static let excludedPaths = ["/usr/share/doc/*", "/usr/share/man/*", "/usr/share/locale/*", "/usr/share/info/*"]

    /// The script run inside the new tree (copied into it and run with `chroot TREE /bin/sh`).
    var customisation: String {
        var script = #"""
        set -eu
        # The first user, as Raspberry Pi OS's first-boot wizard or Imager makes it.
        useradd --create-home --shell /bin/bash --uid 1000 --user-group --groups adm,dialout,sudo,audio,video,plugdev,users pi
        echo 'pi:raspberry' | chpasswd
        echo raspberrypi > /etc/hostname
        printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\nff02::1\t\tip6-allnodes\nff02::2\t\tip6-allrouters\n\n127.0.1.1\traspberrypi\n' > /etc/hosts
        # Each card gets its own host keys and machine id from the lab; none are shared through the image.
        rm -f /etc/ssh/ssh_host_*
        : > /etc/machine-id
        rm -f /var/lib/dbus/machine-id
        ln -s /etc/machine-id /var/lib/dbus/machine-id
        systemctl enable ssh.service
        # The lab has no name server: names come from /etc/hosts, and nothing leaves the lab.
        rm -f /etc/resolv.conf
        printf '# The practice lab has no name server: names come from /etc/hosts.\noptions timeout:1 attempts:1\n' > /etc/resolv.conf
        # A node keeps no time of its own (it shares this machine's clock) and does not use systemd-networkd.
        systemctl mask systemd-timesyncd.service systemd-networkd-wait-online.service 2>/dev/null || true
        mkdir -p /boot/firmware

        """#
        if !flavour.sudoAsksPassword {
            script += #"""
            # Raspberry Pi OS before April 2026: the first user runs sudo without a password.
            echo 'pi ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/010_pi-nopasswd
            chmod 440 /etc/sudoers.d/010_pi-nopasswd

            """#
        }
        switch flavour {
        case .trixie:
            script += #"""
            # cloud-init reads the NoCloud seed that Raspberry Pi Imager writes to the boot partition.
            cat > /etc/cloud/cloud.cfg.d/99_raspberry-pi.cfg <<'EOF'
            datasource_list: [ NoCloud, None ]
            # The address lives in NetworkManager's netplan files, where the lesson changes it.
            network:
              config: disabled
            datasource:
              NoCloud:
                seedfrom: file:///boot/firmware/
            EOF
            systemctl disable NetworkManager-wait-online.service 2>/dev/null || true

            """#
        case .bookworm:
            script += "systemctl disable NetworkManager-wait-online.service 2>/dev/null || true\n"
        case .bullseye:
            script += #"""
            systemctl enable dhcpcd.service
            # A node has no udev: without its udev plugin dhcpcd does not wait for udev to announce eth0.
            rm -f /usr/lib/*/dhcpcd/dev/udev.so
            # dhcpcd serving every interface (its manager mode) crashes in a container (dhcpcd 10.1 in
            # systemd-nspawn: a segfault after it forks); a node has one wired interface, so it serves eth0
            # by name, in the foreground under systemd. /etc/dhcpcd.conf is read as on a Pi.
            mkdir -p /etc/systemd/system/dhcpcd.service.d
            cat > /etc/systemd/system/dhcpcd.service.d/lab-eth0.conf <<'EOF'
            [Service]
            Type=simple
            PIDFile=
            ExecStart=
            ExecStart=/usr/sbin/dhcpcd -q -B eth0
            ExecStop=

            EOF

            """#
        case .legacy:
            script += "systemctl enable networking.service\n"
        }
        if flavour != .trixie {
            script += #"""
            # The releases bookworm, bullseye and legacy stand for had OpenSSH 9.2 and older, without the
            # per-source penalties OpenSSH 9.8 added (a source whose connections fail is refused for a
            # while); this image's sshd is Debian 13's, so they are off, as there.
            printf '# OpenSSH before 9.8, as on the release this node stands for: no per-source penalties.\nPerSourcePenalties no\n' > /etc/ssh/sshd_config.d/10-release.conf

            """#
        }
        return script
    }

    /// The whole recipe as text: what the cache key is computed from.
    var text: String {
        "piwizard lab image recipe \(Self.version)\nflavour \(flavour.rawValue)\nsuite \(flavour.suite)\n"
            + "packages \(packages.joined(separator: ","))\nexclude \(Self.excludedPaths.joined(separator: ","))\n"
            + "root-size \(CardGeometry.rootSectors)\n" + customisation
    }
}
