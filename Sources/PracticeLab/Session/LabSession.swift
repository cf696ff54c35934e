import Foundation
import Lessons
import Wizard
import WizardSystem

/// What changes when a lesson runs in the practice lab (`start LESSON --lab`): the inputs come from the
/// lab, console and `on=lab` blocks are done by the lab, and the lab's card reader stands in for the
/// SD card reader.
public enum LabSession {
    /// The lab's values for the inputs a lesson declares, by what each is declared to be (never by its
    /// name): a `cidr` input is the lab's subnet; the `hosts: login` input the nodes' user (pi); the
    /// `sudo: true` secret pi's password unless a learner types it (`learnerTypesSecrets`: at a
    /// terminal, sudo's password is asked as on a Pi); a `block-device` input the lab's reader; an
    /// input with `lab: FACT` that fact (`LabFact`); and the list of hosts (`hosts: master`'s list, else
    /// a list with an address field) the lab's nodes: name field nodeK, address field .(10+K), node1
    /// the master, each `lab: network-stack` field the release's stack. What the lesson detects on the
    /// nodes is left to the lesson.
    public static func inputs(for lesson: Lesson, lab: Lab, learnerTypesSecrets: Bool = false) -> [String: InputValue] {
        var values: [String: InputValue] = [:]
        for input in lesson.inputs {
            if let value = value(for: input, lesson: lesson, lab: lab, learnerTypesSecrets: learnerTypesSecrets) { values[input.name] = value }
        }
        return values
    }

    /// The lab's value for one input, nil where the lab knows none.
    private static func value(for input: InputDeclaration, lesson: Lesson, lab: Lab, learnerTypesSecrets: Bool) -> InputValue? {
        let layout = lab.layout
        switch input.labFact {
        case .router: return .text(layout.hostAddress.description)
        case .image: return .text(layout.image)
        case .networkStack, nil: break
        }
        if input.name == lesson.metadata.hosts.login { return .text(LabLayout.nodeUser) }
        switch input.type {
        case .cidr: return .text(layout.subnet.description)
        case .secret where input.isSudoPassword: return learnerTypesSecrets ? nil : .secret(SecretValue(LabLayout.nodePassword))
        case .blockDevice: return .text(layout.reader)
        case .list where lesson.hostList?.name == input.name: return .records((1...layout.nodeCount).map { record(of: $0, in: input, lesson: lesson, lab: lab) })
        default: return nil
        }
    }

    /// Node `number`'s record: its name, its address, its role (node1 is the master; the others take
    /// the first other choice), its network stack.
    private static func record(of number: Int, in input: InputDeclaration, lesson: Lesson, lab: Lab) -> InputRecord {
        let master = lesson.metadata.hosts.master
        var record = InputRecord()
        for field in input.fields {
            if field.name == input.addressField {
                record[field.name] = lab.layout.address(of: number).description
            } else if field.name == input.nameField {
                record[field.name] = lab.layout.nodeName(number)
            } else if let master, field.name == master.field {
                record[field.name] = number == 1 ? master.value : field.choices.first { $0 != master.value }
            } else if field.labFact == .networkStack {
                record[field.name] = lab.flavour.netconf
            }
        }
        return record
    }

    /// The session's options in the lab: the lab does the hands' work, its reader counts as a removable
    /// card reader (confirmed for unattended runs: it only ever holds a lab card).
    public static func configure(_ options: inout SessionOptions, lab: Lab, lesson: Lesson? = nil) {
        options.practiceLab = true
        if let secret = lesson?.sudoPasswordInput {
            options.inputNotes[secret.name] = "In the practice lab the Pis' user is \(LabLayout.nodeUser); piwizard lab status shows its password (in another terminal)."
        }
        options.labName = lab.layout.name
        options.standInDevices.insert(lab.layout.reader)
        for number in 1...lab.layout.nodeCount { options.standInCards[lab.layout.card(number)] = "\(lab.layout.nodeName(number))'s card" }
        if options.unattended { options.confirmedDevices.insert(lab.layout.reader) }
    }

    /// The runner: console blocks at the lab's consoles; a lesson's `piwizard lab …` commands run this
    /// same piwizard, in this lab (on `PATH`, and `PIWIZARD_LAB`, for those commands only); when
    /// unattended, ssh on the nodes asks the lab's `askpass` for passwords and new host keys (checked
    /// against the keys the lab knows).
    public static func runner(lab: Lab, unattended: Bool, environment: [String: String]) -> LabCommandRunner {
        var builder = CommandLineBuilder()
        let folder = (lab.piwizard as NSString).deletingLastPathComponent
        builder.localEnvironment = [
            "PATH": folder + ":" + (environment["PATH"] ?? "/usr/bin:/bin"),
            "PIWIZARD_LAB": lab.layout.name,
        ]
        if unattended {
            builder.remoteEnvironment = [
                "SSH_ASKPASS": LabLayout.insideSharedFolder + "/bin/askpass",
                "SSH_ASKPASS_REQUIRE": "force",
            ]
        }
        return LabCommandRunner(base: LiveCommandRunner(builder: builder), piwizard: lab.piwizard, labName: lab.layout.name)
    }
}
