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
