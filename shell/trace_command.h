// `memviz trace`: replays CS:APP malloc-lab traces (.rep) through the allocator's policies and
// prints utilization and throughput, as a table or as JSON lines. `memviz trace-gen`: writes the
// generated trace shapes as .rep files.
#pragma once

#include <CLI/CLI.hpp>

namespace memviz::shell {

void add_trace_commands(CLI::App& app);

}  // namespace memviz::shell
