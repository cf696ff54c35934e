import Lessons

/// Which lab a command means, and its network, decided in one place for `lab …`, `start --lab`,
/// `resume` and `check --lab`: the option given, else the environment (`PIWIZARD_LAB`,
/// `PIWIZARD_LAB_SUBNET`), else the lab a saved run used, else the defaults (`lab`, 10.77.0.0/24).
public enum LabChoice {
    public static func name(option: String? = nil, environment: [String: String], saved: String? = nil) -> String {
        option ?? environment["PIWIZARD_LAB"].flatMap { $0.isEmpty ? nil : $0 } ?? saved ?? LabLayout.defaultName
    }

    /// The subnet; a value that is not a network is refused, naming where it came from.
    public static func subnet(option: String? = nil, environment: [String: String]) throws -> IPv4Network {
        if let option {
            guard let network = IPv4Network(option) else { throw LabError.invalid("--subnet '\(option)' is not a network such as 10.77.0.0/24") }
            return network
        }
        if let text = environment["PIWIZARD_LAB_SUBNET"], !text.isEmpty {
            guard let network = IPv4Network(text) else { throw LabError.invalid("PIWIZARD_LAB_SUBNET '\(text)' is not a network such as 10.77.0.0/24") }
            return network
        }
        return LabLayout.defaultSubnet
    }
}

extension LabChoice {
    /// The lab a session practises in: the one up under `name`, grown to `atLeast` nodes when it has
    /// fewer (a node added to the list is a new Pi with an empty card), else a new one on the
    /// environment's subnet with `nodes` nodes of `flavour` (brought up, with `progress` lines); and
    /// whether it was up already.
    public static func sessionLab(name: String, environment: [String: String], nodes: Int, atLeast: Int = 0, flavour: () throws -> LabFlavour,
                                  piwizard: String, progress: (String) -> Void) throws -> (lab: Lab, wasUp: Bool) {
        if let existing = try Lab.existing(name: name, piwizard: piwizard) {
            return (try Lab.up(name: name, subnet: existing.layout.subnet, nodes: max(existing.layout.nodeCount, atLeast), flavour: existing.flavour,
                               piwizard: piwizard, progress: progress), true)
        }
        return (try Lab.up(name: name, subnet: subnet(environment: environment), nodes: max(nodes, atLeast), flavour: flavour(), piwizard: piwizard, progress: progress), false)
    }
}
