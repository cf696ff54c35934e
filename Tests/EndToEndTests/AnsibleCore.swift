import Foundation

/// The real Ansible for the tests: ansible-core from PyPI, pinned, in a virtual environment made once
/// in the test cache (`~/.cache/piwizard-tests`), and a way to run `ansible-playbook` and read its recap.
/// 2.19 is the newest series whose controller runs on Debian 12's Python 3.11; the lab's nodes have
/// Debian 13's Python 3.13, which it supports as a target.
enum AnsibleCore {
    static let version = "2.19.14"

    static var folder: URL {
        let cache = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return cache.appendingPathComponent("piwizard-tests/ansible-core-\(version)")
    }

    /// `ansible-playbook`, installed first when missing. A virtual environment cannot be moved, so it
    /// is made in place, under a lock, and counts as installed only once its marker is written.
    static func playbookCommand() throws -> String {
        let command = folder.appendingPathComponent("bin/ansible-playbook").path
        let marker = folder.appendingPathComponent(".installed").path
        if FileManager.default.fileExists(atPath: marker) { return command }
        let quoted = PiwizardProcess.quote(folder.path)
        let install = try PiwizardProcess.shell("""
            mkdir -p \(PiwizardProcess.quote(folder.deletingLastPathComponent().path)) && flock \(quoted).lock sh -c '
              test -e "$1/.installed" && exit 0
              rm -rf "$1" && python3 -m venv "$1" && "$1/bin/pip" install --quiet --disable-pip-version-check ansible-core==\(version) && touch "$1/.installed"
            ' sh \(quoted) 2>&1
            """)
        guard FileManager.default.fileExists(atPath: marker) else {
            throw Failure(description: "could not install ansible-core \(version): \(install.stdout)\(install.stderr)")
        }
        return command
    }

    /// What went wrong installing it.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `ansible-playbook ARGUMENTS` in `folder` (its own Ansible home there, no colour).
    static func playbook(_ arguments: [String], in folder: URL) throws -> PiwizardProcess.Output {
        let command = try playbookCommand()
        let environment = "ANSIBLE_HOME=\(PiwizardProcess.quote(folder.appendingPathComponent(".ansible").path)) ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 PYTHONWARNINGS=ignore"
        return try PiwizardProcess.shell("cd \(PiwizardProcess.quote(folder.path)) && \(environment) \(PiwizardProcess.quote(command)) \(arguments.map(PiwizardProcess.quote).joined(separator: " "))")
    }

    /// The recap's counts for each host: `["node1": ["ok": 3, "changed": 0, "failed": 0, …]]`.
    static func recap(_ output: String) -> [String: [String: Int]] {
        guard let start = output.range(of: "PLAY RECAP") else { return [:] }
        var hosts: [String: [String: Int]] = [:]
        for line in output[start.upperBound...].split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            var counts: [String: Int] = [:]
            for pair in parts[1].split(separator: " ") {
                let keyValue = pair.split(separator: "=")
                if keyValue.count == 2, let number = Int(keyValue[1]) { counts[String(keyValue[0])] = number }
            }
            if !counts.isEmpty { hosts[parts[0].trimmingCharacters(in: .whitespaces)] = counts }
        }
        return hosts
    }
}
