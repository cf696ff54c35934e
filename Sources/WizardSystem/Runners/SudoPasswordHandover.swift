import Wizard

/// How a command on another host gets the password `sudo` asks for there (Raspberry Pi OS images since
/// April 2026), without the password reaching a command line, a file or the screen:
///
/// - the password is the first line of ssh's standard input (the runner writes it, then closes it);
/// - the remote text reads that line into a shell variable, makes a helper (`mktemp`, mode 700) that
///   prints the variable it is given, and defines `sudo` as `sudo -A` with that helper
///   (`SUDO_ASKPASS`) and the password in the helper's environment only;
/// - the helper is removed when the command ends (`trap … EXIT`), and holds no secret itself.
///
/// Every `sudo` of the command's own shell and its subshells uses it; a `sudo` in another program's
/// shell (`sh -c '… sudo …'`) does not, and fails as without a terminal.
public enum SudoPasswordHandover {
    /// Shell text that goes before the command's own text.
    public static let preamble = #"IFS= read -r piwizard_sudo_password; exec </dev/null; "#
        + #"piwizard_askpass=$(mktemp) || exit 1; trap 'rm -f "$piwizard_askpass"' EXIT; "#
        + #"printf '#!/bin/sh\nprintf "%%s\\n" "$PIWIZARD_SUDO_PASSWORD"\n' > "$piwizard_askpass" && chmod 700 "$piwizard_askpass" || exit 1; "#
        + #"sudo() { PIWIZARD_SUDO_PASSWORD=$piwizard_sudo_password SUDO_ASKPASS=$piwizard_askpass command sudo -A "$@"; }; "#

    /// Whether `request` hands a password over: it names one and runs on another host.
    public static func applies(to request: CommandRequest) -> Bool {
        request.sudoPassword != nil && request.host != nil
    }

    /// The bytes for the command's standard input: the password and a newline.
    public static func standardInput(for request: CommandRequest) -> [UInt8]? {
        guard applies(to: request), let password = request.sudoPassword else { return nil }
        return Array((password + "\n").utf8)
    }
}
