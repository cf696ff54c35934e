import Lessons

/// How a session behaves, decided by the command line.
public struct SessionOptions: Sendable {
    /// `--yes`: run every step that can run unattended, answer every question with its default, and
    /// stop with a clear outcome where a person is needed.
    public var unattended: Bool
    /// Devices the user confirmed on the command line for destructive commands (`--confirm-device`).
    public var confirmedDevices: Set<String>
    /// Steps whose destructive commands that name no device may run unattended
    /// (`--allow-destructive STEP`).
    public var allowedDestructiveSteps: Set<String> = []
    /// Addresses and names of this machine, to run `on=master` blocks here when this is the master.
    public var localAddresses: Set<String>
    /// Text styling (colour only on a terminal, never with NO_COLOR).
    public var style: TextStyle
    /// Column width for wrapping prose.
    public var width: Int
    /// Extra ssh options for checks that reach other hosts (the practice lab's key and known_hosts).
    public var sshOptions: [String] = []
    /// `--lab`: the practice lab does what needs hands: it runs the `on=lab` blocks and types the
    /// console blocks at the node's console.
    public var practiceLab = false
    /// The practice lab's name, saved with the run so that a resume goes on in the same lab.
    public var labName: String?
    /// Files that stand in for block devices (the practice lab's card reader), which the disk checks
    /// accept as removable cards.
    public var standInDevices: Set<String> = []
    /// What the file behind a stand-in device is, in the learner's words (the lab's card images:
    /// `node2's card`), for the confirmation before a command writes over it.
    public var standInCards: [String: String] = [:]
    /// `piwizard test`: unattended, and every step proves its checks: they run before it (and must
    /// fail), after it (and must pass), after each drill (a check must fail) and its repair, and after a
    /// solution; each result is recorded as a `SelfTestFinding`. Hand-typed shell text is run as if typed,
    /// and a destructive command that names no device runs without a question.
    public var selfTest = false
    /// A line shown before an input is asked, by input name: what only this run knows about it (the
    /// practice lab's password for a `sudo: true` secret).
    public var inputNotes: [String: String] = [:]
    /// `--jobs`: how many nodes a check asks at once.
    public var jobs = NodeFanOut.defaultJobs

    public init(unattended: Bool = false, confirmedDevices: Set<String> = [], localAddresses: Set<String> = [], style: TextStyle = .plain, width: Int = 80) {
        self.unattended = unattended
        self.confirmedDevices = confirmedDevices
        self.localAddresses = localAddresses
        self.style = style
        self.width = width
    }
}
