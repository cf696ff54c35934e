import Foundation

/// Sizes of disks and files: `8G`, `512M`, `4096` read as bytes (binary units), and bytes shown as `29.7 GiB`.
public enum ByteSize {
    /// `8G`, `512M`, `4096`, `8GiB`: bytes; nil for anything else.
    public static func parse(_ text: String) -> UInt64? {
        let units: [Character: UInt64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        var trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        if trimmed.hasSuffix("IB") { trimmed.removeLast(2) } else if trimmed.hasSuffix("B") { trimmed.removeLast() }
        if let last = trimmed.last, let unit = units[last] {
            guard let number = Double(trimmed.dropLast()), number >= 0, number * Double(unit) < 1.8e19 else { return nil }
            return UInt64(number * Double(unit))
        }
        return UInt64(trimmed)
    }

    /// `29.7 GiB`, `512 B`.
    public static func format(_ bytes: UInt64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[unit]
    }
}
