/// How one program reads its command line: which options take an argument, what those arguments are
/// to it, and what its operands and standard input are. The facts lint needs to tell where a value
/// becomes code for a second interpreter (GNU sed, awk, perl, python, sh, su, ssh, grep, printf, eval).
struct ProgramSyntax: Sendable {
    /// Short options that take an argument, and how it is read (`-e SCRIPT` for sed: code).
    var optionArguments: [Character: WordReading.Kind] = [:]
    /// Long options (without `--`) that take an argument, and how it is read.
    var longArguments: [String: WordReading.Kind] = [:]
    /// Options after which the first operand is no script (`-e` or `-f` for sed).
    var scriptGiven: Set<Character> = []
    /// A flag that makes the first operand code (`sh -c`).
    var codeFlag: Character?
    /// A flag that makes patterns plain text (`grep -F`).
    var fixedFlag: Character?
    /// The first operand, unless a script was given by an option.
    var firstOperand: WordReading.Kind = .data
    /// The operands after the first.
    var otherOperands: WordReading.Kind = .data
    /// Operands `NAME=VALUE` are code (awk's assignments, read with escapes).
    var assignmentsAreCode = false
    /// Standard input when no script is given by an option or operand; `.data` otherwise.
    var inputWithoutScript: WordReading.Kind = .data
    /// Who reads the code, in words, and how to give a value safely.
    var reader: String = ""
    var fix: String = ""

    /// The programs lint knows to read text as code, by the name they are run by.
    static let known: [String: ProgramSyntax] = {
        var table: [String: ProgramSyntax] = [:]
        let sed = ProgramSyntax(
            optionArguments: ["e": .code, "f": .data, "l": .data], longArguments: ["expression": .code, "file": .data, "line-length": .data],
            scriptGiven: ["e", "f"], firstOperand: .code, reader: "sed's script (GNU sed's e command runs programs)",
            fix: "use an input type whose characters are inert there (hostname, ipv4, cidr, int, username, choice), or give the value to awk in the environment, where it stays text: V={{x}} awk '… ENVIRON[\"V\"] …' (not as sub()'s replacement, where & is special)")
        table["sed"] = sed
        let awk = ProgramSyntax(
            optionArguments: ["f": .data, "v": .code, "F": .pattern], scriptGiven: ["f"], firstOperand: .code,
            assignmentsAreCode: true, reader: "awk's program (its -v and NAME=VALUE read backslashes too)",
            fix: "pass it in the environment: V={{x}} awk '… ENVIRON[\"V\"] …'")
        for name in ["awk", "gawk", "mawk", "nawk"] { table[name] = awk }
        table["perl"] = ProgramSyntax(
            optionArguments: ["e": .code, "E": .code, "I": .data, "M": .data, "m": .data, "x": .data], scriptGiven: ["e", "E"],
            inputWithoutScript: .code, reader: "perl's program", fix: "pass it in the environment: V={{x}} perl -e '… $ENV{V} …'")
        let python = ProgramSyntax(
            optionArguments: ["c": .code, "m": .data, "W": .data, "X": .data], scriptGiven: ["c", "m"],
            inputWithoutScript: .code, reader: "python's program", fix: "pass it as an argument: python3 -c '… sys.argv[1] …' {{x}}")
        for name in ["python", "python3", "python2"] { table[name] = python }
        let shell = ProgramSyntax(
            optionArguments: ["o": .data, "O": .data], codeFlag: "c", inputWithoutScript: .code,
            reader: "the command line of a shell started with -c",
            fix: "pass it as an argument: sh -c '… \"$1\" …' _ {{x}}")
        for name in ["sh", "bash", "dash", "zsh", "ksh", "ash", "mksh"] { table[name] = shell }
        let su = ProgramSyntax(
            optionArguments: ["c": .code, "s": .data, "g": .data, "G": .data, "w": .data, "u": .data],
            longArguments: ["command": .code, "shell": .data, "group": .data, "user": .data],
            reader: "the command line su hands to a shell", fix: "pass it as an argument: su USER -c 'sh -c \"… \\\"\\$1\\\" …\" _ \"$0\"' {{x}}, or use sudo -u USER with the value as a word")
        table["su"] = su
        table["runuser"] = su
        table["eval"] = ProgramSyntax(firstOperand: .code, otherOperands: .code, reader: "eval", fix: "do not eval a value: write the command out, with the value as a word of its own")
        table["watch"] = ProgramSyntax(optionArguments: ["n": .data, "d": .data], firstOperand: .code, otherOperands: .code, reader: "watch, which runs its arguments with sh -c", fix: "write a script that takes the value as an argument, and watch that")
        table["ssh"] = ProgramSyntax(
            optionArguments: Dictionary(uniqueKeysWithValues: "bcDEeFIiJLlmOopQRSWwB".map { ($0, WordReading.Kind.data) }),
            otherOperands: .code, inputWithoutScript: .code, reader: "ssh's remote command (the remote shell reads it again)",
            fix: "run the block on=node (or on=master), so piwizard quotes the command for that host, or pass the value on standard input: printf '%s\\n' {{x}} | ssh HOST 'read -r v; … \"$v\" …'")
        let grep = ProgramSyntax(
            optionArguments: ["e": .pattern, "f": .data, "m": .data, "A": .data, "B": .data, "C": .data, "d": .data, "D": .data],
            longArguments: ["regexp": .pattern, "file": .data], scriptGiven: ["e", "f"], fixedFlag: "F", firstOperand: .pattern,
            reader: "grep's pattern", fix: "match it as fixed text: grep -F (with -x for a whole line)")
        for name in ["grep", "egrep"] { table[name] = grep }
        table["printf"] = ProgramSyntax(firstOperand: .format, reader: "printf's format (% and \\ are read)", fix: "give printf a format of your own and the value as an argument: printf '%s\\n' {{x}}")
        return table
    }()

    /// Wrappers that run the command after their options (`sudo -u pi sed …`), with their options
    /// that take an argument and how many operands come before the command.
    static let wrappers: [String: (arguments: Set<Character>, operands: Int)] = [
        "sudo": (["u", "g", "h", "p", "C", "D", "r", "t", "U", "T", "R"], 0), "doas": (["u", "C"], 0),
        "env": (["u", "C", "S"], 0), "nice": (["n"], 0), "nohup": ([], 0), "exec": (["a"], 0), "command": ([], 0),
        "time": (["f", "o"], 0), "timeout": (["s", "k"], 1), "stdbuf": (["i", "o", "e"], 0), "setsid": ([], 0),
        "chroot": ([], 1), "ionice": (["c", "n", "p", "t"], 0), "xargs": (["I", "a", "d", "E", "e", "L", "l", "n", "P", "s"], 0),
        "busybox": ([], 0), "flock": (["w", "E", "c"], 1),
    ]

    /// Programs whose words and standard input are plain data to them.
    static let dataPrograms: Set<String> = [
        "cat", "tee", "test", "[", "[[", "echo", "mkdir", "rmdir", "touch", "cp", "mv", "rm", "ln", "chmod", "chown", "chgrp",
        "install", "dd", "mount", "umount", "ls", "stat", "cmp", "diff", "basename", "dirname", "realpath", "readlink", "head",
        "tail", "wc", "sort", "uniq", "cut", "mktemp", "sync", "lsblk", "losetup", "blkid", "file", "du", "df", "hostname",
        "hostnamectl", "systemctl", "journalctl", "ping", "ip", "ssh-keygen", "ssh-keyscan", "ssh-copy-id", "scp", "rsync",
        "mpiexec", "mpirun", "mpicc", "gcc", "cc", "make", "nmcli", "netplan", "mtype", "mcopy", "mdir", "parted", "sfdisk",
        "fdisk", "partprobe", "partx", "true", "false", "sleep", "id", "whoami", "date", "usermod", "useradd", "adduser",
        "getent", "piwizard", "cd", "export", "read", "local", "set", "unset", "shift", "exit", "return", "for", "case", "if",
        "then", "else", "elif", "fi", "do", "done", "while", "until", "in", "esac", "!", "{", "}", "wait", "kill", "pkill",
        "find", "tr", "base64", "sha256sum", "md5sum", "openssl", "apt-get", "apt", "dpkg", "e2fsck", "resize2fs", "arping",
    ]
}
