# Sourced by the scripts: puts a Swift installed in /opt/swift on PATH when none is there yet, and
# defines how the scripts build.
if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi

# Every script builds the one debug build in .build/, always through a pipe: swift build plans a build
# for a terminal with colour diagnostics and one for a pipe without, and a change between the two
# rebuilds everything. So script/start and script/test, from any terminal, shell or CI, reuse one build.
run_piped() { "$@" 2>&1 | cat; }
