/// The files on a card's FAT boot partition, as Raspberry Pi Imager leaves them: the firmware's
/// `config.txt`, the kernel's `cmdline.txt` naming the root partition by the disk identifier, and on
/// `trixie` the cloud-init NoCloud seed (`meta-data`, `user-data`, `network-config`) with the name,
/// the user and `manage_etc_hosts: true`.
struct BootPartitionFiles {
    var flavour: LabFlavour
    var hostname: String
    /// The disk identifier, eight hex digits (`root=PARTUUID=ID-02`).
    var diskIdentifier: String
    /// `pi`'s password hash for the seed.
    var passwordHash: String

    /// File name → text.
    var files: [(name: String, text: String)] {
        var files = [
            ("config.txt", """
                # The Raspberry Pi's firmware settings (a practice-lab node has no firmware: kept for fidelity).
                dtparam=audio=on
                camera_auto_detect=1
                display_auto_detect=1
                auto_initramfs=1
                dtoverlay=vc4-kms-v3d
                max_framebuffers=2
                disable_fw_kms_setup=1
                arm_64bit=1
                disable_overscan=1
                arm_boost=1

                [all]
                enable_uart=1

                """),
            ("cmdline.txt", "console=serial0,115200 console=tty1 root=PARTUUID=\(diskIdentifier)-02 rootfstype=ext4 fsck.repair=yes rootwait\n"),
        ]
        if flavour.usesCloudInit {
            files.append(("meta-data", "instance_id: rpi-imager-\(diskIdentifier)\n"))
            files.append(("user-data", """
                #cloud-config
                # Written as Raspberry Pi Imager writes it: the name, the first user, ssh with passwords.
                hostname: \(hostname)
                manage_etc_hosts: true
                users:
                - name: pi
                  groups: users,adm,dialout,audio,video,plugdev,sudo
                  shell: /bin/bash
                  lock_passwd: false
                  passwd: \(passwordHash)
                ssh_pwauth: true

                """))
            files.append(("network-config", """
                # Raspberry Pi Imager writes Wi-Fi settings here when asked to; this card has none.
                network:
                  version: 2

                """))
        }
        return files
    }
}
