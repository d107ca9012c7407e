// `memviz run FILE.c`: compiles and runs a C program the way a student runs gcc's output, with
// every memory error caught and explained.
#pragma once

#include <CLI/CLI.hpp>

namespace memviz::shell {

void add_run_command(CLI::App& app);

}  // namespace memviz::shell
