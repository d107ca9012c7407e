// `memviz layout`: prints the address-space layout a program would get, as a table or as JSON.
#pragma once

#include <CLI/CLI.hpp>

namespace memviz::shell {

void add_layout_command(CLI::App& app);

}  // namespace memviz::shell
