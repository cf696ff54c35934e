/// What `lab up --ready` gives a finished cluster beyond each card's own identity: the MPI programs the
/// lesson ends with, each C source in `pi`'s home on every node and compiled there, as the lesson's
/// last steps leave them (`~/pi.c` and `~/pi`), so that checking the whole lesson finds it done.
public struct FinishedCluster: Sendable, Hashable {
    /// The C sources, as paths on this computer: `NAME.c` becomes `~/NAME.c` and the program `~/NAME`.
    public var programs: [String]

    public init(programs: [String] = []) {
        self.programs = programs
    }
}
