import Foundation
import Lessons
import Testing
@testable import PracticeLab

/// The three ways a Raspberry Pi OS card sets its address, read as the node's network service would.
@Suite struct NetworkConfigurationReaderTests {
    @Test func dhcpcdStaticBlockForEth0() throws {
        let text = """
            hostname
            interface wlan0
            static ip_address=10.0.0.9/24
            # The master's address
            interface eth0
            static ip_address=192.168.1.102/24
            static routers=192.168.1.1
            static domain_name_servers=192.168.1.1 8.8.8.8
            """
        let settings = try #require(try NetworkConfigurationReader.dhcpcd(text, interface: "eth0", file: "/etc/dhcpcd.conf"))
        #expect(settings.address == IPv4Address("192.168.1.102"))
        #expect(settings.prefixLength == 24)
        #expect(settings.gateway == IPv4Address("192.168.1.1"))
    }

    @Test func dhcpcdLaterStaticLineWins() throws {
        let text = "interface eth0\nstatic ip_address=10.77.0.11/24\n\ninterface eth0\nstatic ip_address=10.77.0.12/16\n"
        let settings = try #require(try NetworkConfigurationReader.dhcpcd(text, interface: "eth0", file: "f"))
        #expect(settings.address == IPv4Address("10.77.0.12"))
        #expect(settings.prefixLength == 16)
    }

    @Test func dhcpcdWithoutEth0IsNotAConfiguration() throws {
        #expect(try NetworkConfigurationReader.dhcpcd("hostname\nslaac private\n", interface: "eth0", file: "f") == nil)
    }

    @Test func dhcpcdTypoNamesFileAndLine() {
        #expect(throws: NetworkSettingsError(file: "/etc/dhcpcd.conf", line: 2, message: "'10.77.0.300' is not an IPv4 address")) {
            try NetworkConfigurationReader.dhcpcd("interface eth0\nstatic ip_address=10.77.0.300/24\n", interface: "eth0", file: "/etc/dhcpcd.conf")
        }
    }

    @Test func networkManagerKeyfile() throws {
        let text = """
            [connection]
            id=Wired connection 1
            type=ethernet
            interface-name=eth0

            [ipv4]
            address1=192.168.1.103/24,192.168.1.1
            dns=192.168.1.1;
            method=manual
            """
        let settings = try #require(try NetworkConfigurationReader.keyfile(text, interface: "eth0", file: "w.nmconnection"))
        #expect(settings.address == IPv4Address("192.168.1.103"))
        #expect(settings.gateway == IPv4Address("192.168.1.1"))
    }

    @Test func networkManagerDHCPHasNoAddress() throws {
        let settings = try #require(try NetworkConfigurationReader.keyfile("[connection]\ntype=ethernet\n[ipv4]\nmethod=auto\n", interface: "eth0", file: "f"))
        #expect(settings.address == nil)
    }

    @Test func readsACardFolderInPriorityOrder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("card-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/etc/network/interfaces.d", withIntermediateDirectories: true)
        try "auto lo\niface lo inet loopback\nsource interfaces.d/*\n".write(toFile: root + "/etc/network/interfaces", atomically: true, encoding: .utf8)
        try "auto eth0\niface eth0 inet static\n    address 10.77.0.13\n    netmask 255.255.255.0\n    gateway 10.77.0.1\n"
            .write(toFile: root + "/etc/network/interfaces.d/eth0", atomically: true, encoding: .utf8)
        var settings = try #require(try NetworkConfigurationReader(root: root).read())
        #expect(settings.address == IPv4Address("10.77.0.13"))
        #expect(settings.prefixLength == 24)
        #expect(settings.source == "/etc/network/interfaces.d/eth0")

        // dhcpcd, when present, is what Raspberry Pi OS runs instead.
        try "interface eth0\nstatic ip_address=10.77.0.14/24\n".write(toFile: root + "/etc/dhcpcd.conf", atomically: true, encoding: .utf8)
        settings = try #require(try NetworkConfigurationReader(root: root).read())
        #expect(settings.address == IPv4Address("10.77.0.14"))
        #expect(settings.shellAssignments == "address=10.77.0.14 prefix=24 gateway= source=/etc/dhcpcd.conf")
    }

    @Test func badNetmaskIsRefused() {
        #expect(throws: NetworkSettingsError.self) {
            try NetworkConfigurationReader.prefix(ofMask: "255.0.255.0", file: "f", line: 1)
        }
    }
}
