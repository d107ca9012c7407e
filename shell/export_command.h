// `memviz export FILE.c`: the whole run written as one JSON trace, step by step, in memviz's
// own format or in Python Tutor's (docs/trace-format.md), for tools, tests and course pages.
#pragma once

#include <CLI/CLI.hpp>

namespace memviz::shell {

void add_export_command(CLI::App& app);

}  // namespace memviz::shell
