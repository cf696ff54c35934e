import Foundation

/// What `lsblk --json --bytes -o NAME,PATH,SIZE,RM,HOTPLUG,TYPE,MOUNTPOINT,MODEL,TRAN` says about the
/// block devices: a tree of disks and their partitions.
public struct BlockDeviceReport: Sendable, Hashable {
    /// One device or partition.
    public struct Device: Sendable, Hashable {
        public var name: String
        public var path: String
        public var size: UInt64
        /// Marked removable (`RM`) or hot-pluggable (`HOTPLUG`, USB card readers).
        public var removable: Bool
        public var type: String
        public var mountpoints: [String]
        public var model: String?
        public var transport: String?
        public var children: [Device]

        /// This device's mount points and those of everything below it.
        public var allMountpoints: [String] { mountpoints + children.flatMap(\.allMountpoints) }

        /// Whether the system runs from it: `/`, `/boot`, `/usr` or swap is on it or below it.
        public var holdsSystem: Bool {
            allMountpoints.contains { ["/", "/boot", "/boot/firmware", "/usr", "[SWAP]"].contains($0) }
        }

        /// Whether `/dev/sdb` or `sdb` names this device.
        public func isNamed(_ pathOrName: String) -> Bool {
            path == pathOrName || name == pathOrName || "/dev/\(name)" == pathOrName
        }

        /// This device and everything below it.
        public var flattened: [Device] { [self] + children.flatMap(\.flattened) }
    }

    /// Top-level devices (disks, loop devices, ...).
    public var devices: [Device]

    /// The lsblk command whose output `init(json:)` reads.
    public static let command = "lsblk --json --bytes -o NAME,PATH,SIZE,RM,HOTPLUG,TYPE,MOUNTPOINT,MODEL,TRAN 2>/dev/null"

    /// Reads lsblk's JSON. Tolerates both boolean and "0"/"1" flags, numeric or string sizes, and
    /// `mountpoint` or `mountpoints` (util-linux versions differ).
    public init(json: String) throws {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let list = object["blockdevices"] as? [[String: Any]] else {
            throw ValidatorError.unreadable("lsblk printed no block device list")
        }
        devices = list.map(Self.device)
    }

    /// The device with this path or name (`/dev/sdb` or `sdb`), at any depth.
    public func device(_ pathOrName: String) -> Device? {
        devices.flatMap(\.flattened).first { $0.isNamed(pathOrName) }
    }

    /// The top-level device that `pathOrName` is or lies on.
    public func topLevel(containing pathOrName: String) -> Device? {
        devices.first { top in top.flattened.contains { $0.isNamed(pathOrName) } }
    }

    private static func device(_ object: [String: Any]) -> Device {
        let name = string(object["name"]) ?? "?"
        var mountpoints: [String] = []
        if let list = object["mountpoints"] as? [Any] { mountpoints = list.compactMap(string) }
        if let single = string(object["mountpoint"]) { mountpoints.append(single) }
        return Device(
            name: name,
            path: string(object["path"]) ?? "/dev/\(name)",
            size: number(object["size"]) ?? 0,
            removable: flag(object["rm"]) || flag(object["hotplug"]),
            type: string(object["type"]) ?? "",
            mountpoints: mountpoints,
            model: string(object["model"])?.trimmingCharacters(in: .whitespaces),
            transport: string(object["tran"]),
            children: (object["children"] as? [[String: Any]] ?? []).map(device)
        )
    }

    private static func string(_ value: Any?) -> String? {
        guard let text = value as? String, !text.isEmpty else { return nil }
        return text
    }

    private static func number(_ value: Any?) -> UInt64? {
        if let number = value as? NSNumber { return number.uint64Value }
        return (value as? String).flatMap { UInt64($0) }
    }

    private static func flag(_ value: Any?) -> Bool {
        if let number = value as? NSNumber { return number.boolValue }
        if let text = value as? String { return text == "1" || text == "true" }
        return false
    }
}
