#include "debug_command.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <iostream>
#include <memory>

#include "debug_shell.h"
#include "debug_words.h"
#include "exit_status.h"
#include "program_options.h"
#include "session.h"

namespace memviz::shell {
namespace {

constexpr std::size_t kDefaultWidth = 100;

struct DebugOptions {
    ProgramOptions program;
    std::string granularity = "statement";
    std::size_t width = 0;  // 0: the terminal's
};

// The terminal's width when stdout is one, else kDefaultWidth (a file or a pipe has none).
std::size_t terminal_width() {
    winsize size{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return kDefaultWidth;
}

int debug(const DebugOptions& options) {
    const ProgramSettings settings = read_program_settings(options.program, "debug");
    SessionOptions session_options;
    apply(settings, session_options);
    Session session;
    const Diagnostics& diagnostics = session.load(settings.source, session_options);
    std::cerr << diagnostics.render(options.program.file, settings.source);
    if (!session.loaded()) return kCompileErrorStatus;
    session.set_granularity(history::parse_granularity(options.granularity).value_or(Granularity::Statement));

    DebugShell shell(session, options.program.file, options.width != 0 ? options.width : terminal_width(),
                     settings.max_steps, std::cout);
    shell.start();
    // A piped script is echoed after the prompt, so the transcript reads as a typed session.
    const bool typed = isatty(STDIN_FILENO);
    std::string line;
    while (true) {
        std::cout << "(memviz) " << std::flush;
        if (!std::getline(std::cin, line)) {
            std::cout << "\n";
            break;
        }
        if (!typed) std::cout << line << "\n";
        if (!shell.execute(line)) break;
        std::cout << std::flush;
    }
    return 0;
}

}  // namespace

void add_debug_command(CLI::App& app) {
    auto options = std::make_shared<DebugOptions>();
    CLI::App* command = app.add_subcommand(
        "debug", "Step through a C program forward and backward, looking at its stack, heap and memory");
    add_program_options(*command, options->program);
    command->add_option("--granularity", options->granularity, "what a step is: line, statement (default) or expression")
        ->check(CLI::IsMember({"line", "statement", "expression"}));
    command->add_option("--width", options->width, "columns to draw the views in (default: the terminal's, else 100)")
        ->check(CLI::Range(std::size_t{40}, std::size_t{1000}));
    command->callback([options] { throw CLI::RuntimeError(debug(*options)); });
}

}  // namespace memviz::shell
