/// The layout of a lab card, as Raspberry Pi Imager writes an image: an MBR partition table, a FAT32
/// boot partition (`bootfs`) and an ext4 root partition (`rootfs`), in 512-byte sectors. A flavour's
/// image (`LabImages`) is the root partition, exactly `rootBytes` long.
enum CardGeometry {
    static let sectorSize = 512
    /// The boot partition starts at 4 MiB, as in Raspberry Pi OS images.
    static let bootStart = 8192
    /// 256 MiB of FAT32.
    static let bootSectors = 524_288
    static let rootStart = bootStart + bootSectors
    /// 2 GiB of ext4: room for the system (about 1 GB on trixie), a home folder and an MPI program.
    static let rootSectors = 4_194_304
    /// The whole card.
    static let cardSectors = rootStart + rootSectors

    static var bootOffset: Int { bootStart * sectorSize }
    static var rootOffset: Int { rootStart * sectorSize }
    static var rootBytes: Int { rootSectors * sectorSize }
    static var cardBytes: Int { cardSectors * sectorSize }

    /// The partition table for `sfdisk`, with the disk identifier (eight hex digits), which the boot
    /// partition's `cmdline.txt` names in `root=PARTUUID=ID-02`.
    static func partitionTable(diskIdentifier: String) -> String {
        """
        label: dos
        label-id: 0x\(diskIdentifier)
        unit: sectors

        start=\(bootStart), size=\(bootSectors), type=c
        start=\(rootStart), size=\(rootSectors), type=83

        """
    }
}
