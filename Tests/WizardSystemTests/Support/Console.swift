/// Runs `body` with a fresh keyboard pipe and screen file standing for the learner's console, and
/// closes both afterwards.
func withConsole<T>(_ body: (Keyboard, Screen) throws -> T) rethrows -> T {
    let keyboard = Keyboard()
    let screen = Screen()
    defer {
        keyboard.closeAll()
        screen.remove()
    }
    return try body(keyboard, screen)
}
