import Lessons

/// A path given for another host that starts with this computer's home folder: most often the shell
/// expanded `~` in `--var machinefile=~/machinefile` before piwizard saw it, so the path names a
/// folder that need not exist there. Said as a note; the value is kept.
public enum RemotePathWarning {
    /// The notes for `values` (the inputs the user gave), with `home` this computer's home folder.
    public static func notes(for values: [String: InputValue], lesson: Lesson, home: String?) -> [String] {
        guard let home, home.hasPrefix("/"), home != "/" else { return [] }
        return lesson.inputs.compactMap { input in
            guard input.type == .path, let path = values[input.name]?.text, path == home || path.hasPrefix(home + "/") else { return nil }
            let places = targets(using: input.name, in: lesson)
            guard !places.isEmpty, !places.contains(.local), !places.contains(.lab) else { return nil }
            let rest = path.dropFirst(home.count)
            return "\(input.name) \(path) is used on \(places.contains(.master) ? "the master" : "the nodes"), but \(home) is this computer's home folder; "
                + "if the shell expanded ~, quote it: --var '\(input.name)=~\(rest)'"
        }
    }

    /// Where the blocks that name `input` run.
    static func targets(using input: String, in lesson: Lesson) -> Set<Target> {
        var places = Set<Target>()
        for block in lesson.steps.flatMap(\.blocks) where TemplateReference.scan(block.body).contains(where: { $0.path?.root == input }) {
            places.insert(block.target)
        }
        return places
    }
}
