import Foundation
import Lessons

/// `image-matches-device`: the image file has the device's size (the whole card was read).
public struct ImageMatchesDeviceValidator: Validator {
    public static let spec = ValidatorSpec("image-matches-device", arguments: [.required("image"), .required("device")],
                                           summary: "the image file has the device's size")

    public var image: String
    public var device: String

    public init(_ arguments: ValidatorArguments) throws {
        image = try arguments.text("image")
        device = try arguments.text("device")
    }

    public func check(_ context: ValidatorContext) throws -> CheckOutcome {
        let result = try context.run("stat -L -c %s -- \(image) && "
            + "if [ -b \(device) ]; then lsblk -bdno SIZE -- \(device); else stat -L -c %s -- \(device); fi")
        return Self.judge(output: result.output, exitStatus: result.exitStatus, image: image, device: device)
    }

    /// The verdict on the two sizes, one per line (the image's, then the device's).
    public static func judge(output: String, exitStatus: Int32, image: String, device: String) -> CheckOutcome {
        let title = "image-matches-device \(image)"
        let numbers = output.split(whereSeparator: \.isNewline).compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
        guard exitStatus == 0, numbers.count == 2 else {
            return .fail(title, expected: "the image and the device to exist", found: OutputSummary.lastLines(output))
        }
        let expected = "\(image) as large as \(device) (\(numbers[1]) bytes)"
        return numbers[0] == numbers[1]
            ? .pass(title, expected: expected, found: "\(numbers[0]) bytes")
            : .fail(title, expected: expected, found: "\(numbers[0]) bytes (\(ByteSize.format(numbers[0])) of \(ByteSize.format(numbers[1])))")
    }
}
