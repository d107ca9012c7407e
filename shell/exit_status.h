// The `memviz` command's exit statuses (docs/shell.md), shared by its subcommands.
#pragma once

namespace memviz::shell {

constexpr int kCompileErrorStatus = 2;  // the program did not compile
constexpr int kRuntimeErrorStatus = 3;  // it stopped at an error (run: unless --error-exitcode)
constexpr int kLimitStatus = 4;         // it ran out of steps

}  // namespace memviz::shell
