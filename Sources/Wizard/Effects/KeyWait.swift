/// How a wait for a key at the terminal ended (`Terminal.waitForKey`): the time passed with no key, a
/// key was pressed (and is left for the next prompt to read), Ctrl-C (which is not left), or input
/// ended.
public enum KeyWait: String, Sendable, Equatable, Codable {
    case timedOut = "timeout"
    case keyPressed = "key"
    case interrupted = "interrupt"
    case endOfInput = "end"
}
