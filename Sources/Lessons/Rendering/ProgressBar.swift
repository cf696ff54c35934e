/// A text progress bar such as `[██████░░░░] 3/5`.
public enum ProgressBar {
    public static func render(done: Int, total: Int, width: Int) -> String {
        guard total > 0 else { return "" }
        let filled = min(width, max(0, done * width / total))
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] \(done)/\(total)"
    }
}
