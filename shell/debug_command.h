// `memviz debug FILE.c`: an interactive session over one run of a C program, with gdb's
// commands in both directions of time and text views of the stack, the heap and the address
// space. Commands come from stdin one line at a time, so a script piped in gives a transcript.
#pragma once

#include <CLI/CLI.hpp>

namespace memviz::shell {

void add_debug_command(CLI::App& app);

}  // namespace memviz::shell
