import ArgumentParser
import Foundation
import Lessons
import PracticeLab
import WizardSystem

/// `piwizard lab …`: the practice lab, simulated Raspberry Pis on this machine (Linux, root).
struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "A practice cluster on this machine: simulated Raspberry Pis with real OpenSSH and MPICH.",
        discussion: """
        Each node boots a Raspberry-Pi-OS-like system (a flavour: trixie, bookworm, bullseye or legacy) from \
        its own SD card (a disk image with a boot and a root partition) with systemd-nspawn, in a network \
        namespace of its own: its own systemd, network stack, sshd and MPICH. The card reader is a loop \
        device. Practise a lesson in it with: piwizard start expand-cluster --lab. Needs root.
        """,
        subcommands: [LabUp.self, LabDown.self, LabStatus.self, LabConsole.self, LabReboot.self, LabPower.self,
                      LabPlug.self, LabUnplug.self, LabCard.self, LabImage.self]
    )
}

/// The lab's name, shared by every `lab` subcommand.
struct LabNameOption: ParsableArguments {
    @Option(help: "The lab's name (default: $PIWIZARD_LAB, else 'lab').") var name: String?

    var resolved: String { LabChoice.name(option: name, environment: Platform.environment) }

    /// The lab, which must be up.
    func lab() throws -> Lab {
        try Lab.checkHost()
        guard let lab = try Lab.existing(name: resolved, piwizard: Platform.executablePath) else {
            throw RuntimeFailure(message: "the lab '\(resolved)' is not up; start it with: \(Platform.commandName) lab up", status: RuntimeFailure.Status.unavailable)
        }
        return lab
    }
}

extension Platform {
    /// This executable's path, for node inits and for lessons' `piwizard lab` commands.
    static var executablePath: String { executable?.path ?? "piwizard" }
}

struct LabUp: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "up", abstract: "Bring the lab up: N nodes, the master (node1) switched on, the others new Pis with empty cards. A lab that is up grows by the nodes added.")
    @OptionGroup var lab: LabNameOption
    @OptionGroup var lessons: LessonOptions
    @Argument(help: "How many nodes (1 to 64).") var nodes = 4
    @Option(help: "The lab's /24 network (default: $PIWIZARD_LAB_SUBNET, else 10.77.0.0/24).") var subnet: String?
    @Flag(help: "A finished cluster: every node set up as at the end of expand-cluster (with its pi program), all switched on.") var ready = false
    @Option(name: .customLong("os"), help: "The release the nodes run: trixie, bookworm, bullseye or legacy (default: $PIWIZARD_LAB_OS, else trixie).")
    var flavour: String?

    func run() throws {
        // A lab that is up keeps its network and release unless they are given (then they must match).
        let existing = try Lab.existing(name: lab.resolved, piwizard: Platform.executablePath)
        let network = try subnet == nil ? existing?.layout.subnet ?? LabChoice.subnet(environment: Platform.environment) : LabChoice.subnet(option: subnet, environment: Platform.environment)
        let chosen = try flavour == nil ? existing?.flavour ?? LabFlavourOption.resolve(nil) : LabFlavourOption.resolve(flavour)
        let lab = try Lab.up(name: lab.resolved, subnet: network, nodes: nodes, flavour: chosen, piwizard: Platform.executablePath, ready: ready ? try finishedCluster() : nil,
                             progress: { Platform.writeError($0) })
        Platform.show("The lab's nodes run \(lab.flavour): \(lab.flavour.release).")
        Platform.show(LabStatus.table(lab))
        Platform.show("This computer is \(lab.layout.hostAddress) on the lab's network; log in to a node with: ssh pi@\(lab.layout.address(of: 1)) (password \(LabLayout.nodePassword)).")
    }

    /// A finished expand-cluster: its MPI programs are the C sources among the lesson's files.
    private func finishedCluster() throws -> FinishedCluster {
        let folder = try lessons.library.load("expand-cluster").assetsFolder
        let sources = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return FinishedCluster(programs: sources.filter { $0.hasSuffix(".c") }.sorted().map { folder.appendingPathComponent($0).path })
    }
}

struct LabDown: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "down", abstract: "Remove the lab: every process, namespace, link and file it made.")
    @OptionGroup var lab: LabNameOption

    func run() throws {
        let removed = try Lab.down(name: lab.resolved)
        Platform.show(removed.isEmpty ? "The lab '\(lab.resolved)' is not up; nothing to remove." : "Removed: " + removed.joined(separator: ", ") + ".")
    }
}

struct LabStatus: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show each node: power, cable, name, address, card.")
    @OptionGroup var lab: LabNameOption

    func run() throws {
        let lab = try lab.lab()
        Platform.show(Self.table(lab))
        Platform.show("Log in to a node as \(LabLayout.nodeUser), password \(LabLayout.nodePassword): ssh \(LabLayout.nodeUser)@\(lab.layout.address(of: 1)), or at its console (piwizard lab console node1).")
    }

    static func table(_ lab: Lab) -> String {
        var rows = [["NODE", "POWER", "CABLE", "HOSTNAME", "ADDRESS", "CARD"]]
        for node in lab.status() {
            rows.append([node.name, node.power.description, node.plugged ? "plugged in" : "unplugged", node.hostname ?? "-",
                         node.address ?? "-", node.cardInReader ? "in the reader" : "in the node"])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $0.offset == row.count - 1 ? $0.element : $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n") + "\nThe reader: \(lab.layout.reader)" + (lab.readerDevice().map { " (\($0))" } ?? " (empty)")
    }
}

struct LabConsole: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "A node's keyboard and screen: its login prompt (log in as pi), or COMMAND run there as root.",
        discussion: "`reboot` restarts the node and ends the console; `lab console` then waits until the node is up again."
    )
    @OptionGroup var lab: LabNameOption
    @Option(help: "Run COMMAND as this user, in a login shell, as typed at the console.") var user: String?
    @Argument(help: "The node: node3, 3 or its lab address.") var node: String
    @Argument(parsing: .postTerminator, help: "A command to run instead of a shell.") var command: [String] = []

    func run() throws {
        let lab = try lab.lab()
        let number = try lab.layout.nodeNumber(node)
        let before = lab.generation(number)
        let status = try ForegroundProgram.run(try lab.consoleArguments(number, command: command.isEmpty ? nil : command, user: user))
        if let before, lab.generation(number) != before || !lab.power(of: number).isUp || lab.isGoingDown(number) {
            let power = try lab.waitForBoot(number, after: before)
            switch power {
            case .up:
                FileHandle.standardError.write(Data("\(lab.layout.nodeName(number)) restarted.\n".utf8))
                return
            case .off:
                FileHandle.standardError.write(Data("\(lab.layout.nodeName(number)) switched off.\n".utf8))
                return
            default:
                throw RuntimeFailure(message: "\(lab.layout.nodeName(number)) \(power)", status: RuntimeFailure.Status.unavailable)
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

struct LabReboot: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reboot", abstract: "Restart a node: it reads its card again.")
    @OptionGroup var lab: LabNameOption
    @Argument(help: "The node: node3, 3 or its lab address.") var node: String

    func run() throws {
        let lab = try lab.lab()
        let number = try lab.layout.nodeNumber(node)
        try lab.reboot(number)
        Platform.show("\(lab.layout.nodeName(number)) restarted.")
    }
}

struct LabPower: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "power", abstract: "Switch a node on (it boots from its card) or off.")
    enum State: String, ExpressibleByArgument, CaseIterable { case on, off }
    @OptionGroup var lab: LabNameOption
    @Argument(help: "on or off.") var state: State
    @Argument(help: "The node: node3, 3 or its lab address.") var node: String
    @Flag(help: "Switch it on without its network cable.") var unplugged = false

    func run() throws {
        let lab = try lab.lab()
        let number = try lab.layout.nodeNumber(node)
        switch state {
        case .on:
            try lab.powerOn(number, plugged: !unplugged)
            let status = lab.status()[number - 1]
            Platform.show("\(status.name) is on: called \(status.hostname ?? "?"), address \(status.address ?? "none")\(unplugged ? ", network cable unplugged" : "").")
        case .off:
            try lab.powerOff(number)
            Platform.show("\(lab.layout.nodeName(number)) is off.")
        }
    }
}

struct LabPlug: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plug", abstract: "Plug a node's network cable in.")
    @OptionGroup var lab: LabNameOption
    @Argument(help: "The node: node3, 3 or its lab address.") var node: String

    func run() throws { try lab.setCable(of: node, plugged: true) }
}

struct LabUnplug: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unplug", abstract: "Pull a node's network cable out.")
    @OptionGroup var lab: LabNameOption
    @Argument(help: "The node: node3, 3 or its lab address.") var node: String

    func run() throws { try lab.setCable(of: node, plugged: false) }
}

extension LabNameOption {
    /// Plugs a node's cable in or pulls it out, and says so.
    func setCable(of node: String, plugged: Bool) throws {
        let lab = try lab()
        let number = try lab.layout.nodeNumber(node)
        try lab.plug(number, plugged)
        Platform.show("\(lab.layout.nodeName(number))'s network cable is \(plugged ? "plugged in" : "out").")
    }
}

struct LabCard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "The card reader: show which card is in it, insert a node's card (the node is shut down first), or eject it; or replace a node's card by a new, empty one.",
        discussion: """
        A card in the reader is a disk with its partitions (a loop device), as with a USB card reader; the reader's path is a link to it. \
        `replace NODE` is a card that died: the node is switched off and gets a new, empty card (it does not start until the card is written).
        """
    )
    enum Action: String, ExpressibleByArgument, CaseIterable { case show, insert, eject, replace }
    @OptionGroup var lab: LabNameOption
    @Argument(help: "show, insert, eject or replace.") var action: Action = .show
    @Argument(help: "For insert and replace: the node whose card it is.") var node: String?

    func run() throws {
        let lab = try lab.lab()
        switch action {
        case .show:
            Platform.show(lab.cardInReader().map { "\(lab.layout.nodeName($0))'s card is in the reader, \(lab.layout.reader) (\(lab.readerDevice() ?? "?"))." } ?? "The reader is empty.")
        case .insert:
            guard let node else { throw ValidationError("which node's card? e.g. piwizard lab card insert node2") }
            let number = try lab.layout.nodeNumber(node)
            try lab.insertCard(number)
            Platform.show("\(lab.layout.nodeName(number)) is off; its card is in the reader, \(lab.layout.reader) (\(lab.readerDevice() ?? "?")).")
        case .eject:
            try lab.ejectCard()
            Platform.show("The reader is empty.")
        case .replace:
            guard let node else { throw ValidationError("which node's card? e.g. piwizard lab card replace node3") }
            let number = try lab.layout.nodeNumber(node)
            try lab.replaceCard(number)
            Platform.show("\(lab.layout.nodeName(number)) is off, with a new, empty card.")
        }
    }
}
