#include "program_options.h"

#include <fstream>
#include <sstream>

#include "support/format.h"

namespace memviz::shell {

void add_program_options(CLI::App& command, ProgramOptions& options) {
    command.add_option("file", options.file, "the C source file")->required();
    command.add_option("--stdin", options.stdin_file, "a file whose contents the program reads as its input");
    command.add_option("--policy", options.policy, "allocator policy (default segregated)")
        ->check(CLI::IsMember({"first-fit", "next-fit", "best-fit", "explicit-lifo", "explicit-address", "segregated", "textbook"}));
    command.add_option("--data-model", options.data_model, "lp64 (default) or ilp32")
        ->check(CLI::IsMember({"lp64", "ilp32"}, CLI::ignore_case));
    command.add_option("--stack-limit", options.stack_limit, "stack size (default 8M, at least 4K)");
    command.add_option("--max-steps", options.max_steps, "instructions before the run is stopped (default 50000000)");
    command.add_flag("--keep-going", options.keep_going,
                     "report overflows, use after free, signed overflow and uninitialized values and continue, "
                     "to see their consequences; faults still stop the program");
    command.add_option("args", options.args, "arguments for the program, after --");
}

ProgramSettings read_program_settings(const ProgramOptions& options, const std::string& command) {
    ProgramSettings settings;
    auto source = read_file(options.file);
    if (!source) throw CLI::ValidationError(command, "cannot read " + options.file);
    settings.source = std::move(*source);
    settings.data_model = *parse_data_model(options.data_model);
    settings.policy = *alloc::parse_policy(options.policy);
    settings.max_steps = options.max_steps;
    settings.args = options.args;
    settings.keep_going = options.keep_going;
    if (!options.stack_limit.empty()) {
        settings.stack_limit = parse_size(options.stack_limit);
        if (!settings.stack_limit) throw CLI::ValidationError("--stack-limit", "'" + options.stack_limit + "' is not a size");
    }
    if (!options.stdin_file.empty()) {
        auto input = read_file(options.stdin_file);
        if (!input) throw CLI::ValidationError("--stdin", "cannot read " + options.stdin_file);
        settings.stdin_text = std::move(*input);
    }
    return settings;
}

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace memviz::shell
