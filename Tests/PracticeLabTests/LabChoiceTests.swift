import Lessons
import PracticeLab
import Testing

/// One rule for which lab a command means: the option, the environment, the saved run, the default.
@Suite struct LabChoiceTests {
    @Test func theOptionThenTheEnvironmentThenTheSavedRunThenTheDefault() {
        #expect(LabChoice.name(option: "a", environment: ["PIWIZARD_LAB": "b"], saved: "c") == "a")
        #expect(LabChoice.name(environment: ["PIWIZARD_LAB": "b"], saved: "c") == "b")
        #expect(LabChoice.name(environment: ["PIWIZARD_LAB": ""], saved: "c") == "c")
        #expect(LabChoice.name(environment: [:]) == LabLayout.defaultName)
    }

    @Test func aSubnetThatIsNotANetworkIsRefusedNamingWhereItCameFrom() throws {
        #expect(try LabChoice.subnet(environment: [:]) == LabLayout.defaultSubnet)
        #expect(try LabChoice.subnet(option: "10.77.5.0/24", environment: ["PIWIZARD_LAB_SUBNET": "10.77.6.0/24"]).description == "10.77.5.0/24")
        #expect(try LabChoice.subnet(environment: ["PIWIZARD_LAB_SUBNET": "10.77.6.0/24"]).description == "10.77.6.0/24")
        #expect(throws: LabError.invalid("PIWIZARD_LAB_SUBNET '10.77.6/24' is not a network such as 10.77.0.0/24")) {
            try LabChoice.subnet(environment: ["PIWIZARD_LAB_SUBNET": "10.77.6/24"])
        }
    }
}
