import Lessons
import Wizard
import WizardSystem

/// The runner of a session in the practice lab: console blocks are typed at the node's console as the
/// node user in a login shell (`piwizard lab console --user pi N -- /bin/sh -c TEXT`, which waits
/// for the node if the text restarts it), the lab answering sudo's password question;
/// everything else goes to the live runner.
public struct LabCommandRunner: CommandRunner {
    public var base: any CommandRunner
    /// This piwizard, to run `lab console`.
    public var piwizard: String
    public var labName: String

    public init(base: any CommandRunner, piwizard: String, labName: String) {
        self.base = base
        self.piwizard = piwizard
        self.labName = labName
    }

    public func run(_ request: CommandRequest, output: @escaping @Sendable (String) -> Void) throws -> CommandResult {
        guard let node = request.console else { return try base.run(request, output: output) }
        // The lab types pi's password when sudo asks for it at the console (as a learner would).
        let typed = Self.consoleSudo + request.command
        let arguments = [piwizard, "lab", "console", "--name", labName, "--user", LabLayout.nodeUser, String(node), "--", "/bin/sh", "-c", typed]
        var local = request
        local.console = nil
        local.host = nil
        local.user = nil
        local.command = arguments.map(ShellQuote.word).joined(separator: " ")
        return try base.run(local, output: output)
    }

    /// `sudo` at a console: the lab's `askpass` answers its password question with pi's password.
    static let consoleSudo = #"sudo() { SUDO_ASKPASS=\#(LabLayout.insideSharedFolder)/bin/askpass command sudo -A "$@"; }; "#

    public func probe(_ request: CommandRequest, connectingTo host: String, port: Int) throws -> CommandResult {
        try base.probe(request, connectingTo: host, port: port)
    }
}
