// glibc's posix_spawn_file_actions_addchdir_np (glibc 2.29), which spawn.h declares only under
// _GNU_SOURCE and Swift's Glibc module therefore leaves out: the spawned shell's working folder.
#include <spawn.h>
int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *__restrict actions, const char *__restrict path);
