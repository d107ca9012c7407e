// memviz: the native command. Each subcommand lives in its own file and registers itself here.
#include <CLI/CLI.hpp>

#include "debug_command.h"
#include "export_command.h"
#include "layout_command.h"
#include "run_command.h"
#include "trace_command.h"

int main(int argc, char** argv) {
    CLI::App app{"memviz: see what a C program does to memory"};
    app.set_version_flag("--version", std::string("memviz ") + MEMVIZ_VERSION);
    app.require_subcommand(1);
    memviz::shell::add_layout_command(app);
    memviz::shell::add_trace_commands(app);
    memviz::shell::add_run_command(app);
    memviz::shell::add_debug_command(app);
    memviz::shell::add_export_command(app);
    CLI11_PARSE(app, argc, argv);
    return 0;
}
