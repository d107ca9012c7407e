#include "run_command.h"

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "run.h"
#include "support/format.h"

namespace memviz::shell {
namespace {

// Exit statuses of `memviz run` besides the program's own (docs/shell.md).
constexpr int kCompileErrorStatus = 2;
constexpr int kRuntimeErrorStatus = 3;
constexpr int kLimitStatus = 4;

struct RunCommandOptions {
    std::string file;
    std::string stdin_file;
    std::string policy = "segregated";
    std::string data_model = "lp64";
    std::string stack_limit;
    std::uint64_t max_steps = 50'000'000;
    std::string diagnostics = "text";
    std::optional<int> error_exitcode;
    bool keep_going = false;
    std::vector<std::string> args;
};

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Like a compiler's diagnostic: position, "runtime error:", the source line with a caret, then
// the plain-language explanation, indented.
std::string render_runtime_error(const vm::RuntimeError& error, const std::string& file, std::string_view source) {
    Diagnostics one;
    one.error(error.loc, std::string(vm::name(error.kind)) + ": " + error.message);
    std::string text = one.render(file, source);
    if (auto at = text.find(": error: "); at != std::string::npos) text.replace(at, 9, ": runtime error: ");
    if (!error.explanation.empty()) text += "  " + error.explanation + "\n";
    return text;
}

nlohmann::json diagnostic_json(const Diagnostic& d) {
    nlohmann::json out = {{"kind", "compile"},
                          {"severity", name(d.severity)},
                          {"line", d.loc.line},
                          {"column", d.loc.column},
                          {"message", d.message}};
    if (!d.notes.empty()) {
        nlohmann::json notes = nlohmann::json::array();
        for (const Diagnostic& n : d.notes) notes.push_back({{"line", n.loc.line}, {"column", n.loc.column}, {"message", n.message}});
        out["notes"] = notes;
    }
    return out;
}

int run(const RunCommandOptions& options) {
    auto source = read_file(options.file);
    if (!source) throw CLI::ValidationError("run", "cannot read " + options.file);
    RunOptions run_options;
    run_options.data_model = *parse_data_model(options.data_model);
    run_options.policy = *alloc::parse_policy(options.policy);
    run_options.max_steps = options.max_steps;
    run_options.args = options.args;
    run_options.keep_going = options.keep_going;
    if (!options.stack_limit.empty()) {
        auto bytes = parse_size(options.stack_limit);
        if (!bytes) throw CLI::ValidationError("--stack-limit", "'" + options.stack_limit + "' is not a size");
        run_options.stack_limit = *bytes;
    }
    if (!options.stdin_file.empty()) {
        auto input = read_file(options.stdin_file);
        if (!input) throw CLI::ValidationError("--stdin", "cannot read " + options.stdin_file);
        run_options.stdin_text = *input;
    }

    const RunResult result = compile_and_run(*source, run_options);
    const bool json = options.diagnostics == "json";
    if (json) {
        for (const Diagnostic& d : result.diagnostics.all()) std::cerr << diagnostic_json(d).dump() << "\n";
    } else {
        std::cerr << result.diagnostics.render(options.file, *source);
    }
    if (result.outcome == RunResult::Outcome::CompileError) return kCompileErrorStatus;

    std::cout << result.stdout_text << std::flush;
    std::cerr << result.stderr_text;
    auto print_error = [&](const vm::RuntimeError& error) {
        if (json) {
            nlohmann::json out = {{"kind", vm::name(error.kind)}, {"severity", "error"}, {"line", error.loc.line},
                                  {"column", error.loc.column}, {"message", error.message},
                                  {"explanation", error.explanation}};
            if (error.address) out["address"] = hex_address(*error.address);
            std::cerr << out.dump() << "\n";
        } else {
            std::cerr << render_runtime_error(error, options.file, *source);
        }
    };
    // With --keep-going, the mistakes the program went past come first, in the order they happened.
    for (const vm::RuntimeError& error : result.reported) print_error(error);
    const int error_status = options.error_exitcode.value_or(kRuntimeErrorStatus);
    switch (result.outcome) {
        case RunResult::Outcome::Exited: {
            // Leaks at exit, as Valgrind reports them: a definitely lost block is an error.
            bool lost = false;
            for (const vm::Leak& leak : result.leaks) {
                lost = lost || !leak.reachable;
                const std::string what = std::to_string(leak.block.requested) + " bytes in the block at " +
                                         hex_address(leak.block.payload) + " were never freed";
                const std::string why = leak.reachable ? "still reachable from a global variable"
                                                       : "definitely lost: nothing points to them any more";
                if (json) {
                    std::cerr << nlohmann::json{{"kind", "leak"}, {"severity", leak.reachable ? "warning" : "error"},
                                                {"line", leak.block.allocated_at}, {"column", 0},
                                                {"message", what + " (" + why + ")"}, {"bytes", leak.block.requested},
                                                {"address", hex_address(leak.block.payload)}, {"reachable", leak.reachable}}
                                     .dump()
                              << "\n";
                } else {
                    std::cerr << options.file << ":" << leak.block.allocated_at << ": leak: " << what
                              << " (allocated on this line; " << why << ")\n";
                }
            }
            if (lost || !result.reported.empty()) return error_status;
            return result.exit_status & 0xff;
        }
        case RunResult::Outcome::RuntimeError:
            print_error(*result.error);
            return error_status;
        case RunResult::Outcome::StepLimit:
            if (json) {
                std::cerr << nlohmann::json{{"kind", "step limit"}, {"severity", "error"}, {"line", 0}, {"column", 0},
                                            {"message", "stopped after " + std::to_string(result.instructions) + " steps"}}
                                 .dump()
                          << "\n";
            } else {
                std::cerr << options.file << ": stopped after " << result.instructions
                          << " steps (--max-steps): the program may be in an endless loop\n";
            }
            return kLimitStatus;
        case RunResult::Outcome::CompileError: break;
    }
    return kCompileErrorStatus;
}

}  // namespace

void add_run_command(CLI::App& app) {
    auto options = std::make_shared<RunCommandOptions>();
    CLI::App* command = app.add_subcommand("run", "Compile and run a C program, catching every memory error");
    command->add_option("file", options->file, "the C source file")->required();
    command->add_option("--stdin", options->stdin_file, "a file whose contents the program reads as its input");
    command->add_option("--policy", options->policy, "allocator policy (default segregated)")
        ->check(CLI::IsMember({"first-fit", "next-fit", "best-fit", "explicit-lifo", "explicit-address", "segregated", "textbook"}));
    command->add_option("--data-model", options->data_model, "lp64 (default) or ilp32")
        ->check(CLI::IsMember({"lp64", "ilp32"}, CLI::ignore_case));
    command->add_option("--stack-limit", options->stack_limit, "stack size (default 8M, at least 4K)");
    command->add_option("--max-steps", options->max_steps, "instructions before the run is stopped (default 50000000)");
    command->add_option("--diagnostics", options->diagnostics, "text (default) or json: one object per line on stderr")
        ->check(CLI::IsMember({"text", "json"}));
    command->add_option("--error-exitcode", options->error_exitcode, "exit status for a runtime error (default 3)");
    command->add_flag("--keep-going", options->keep_going,
                      "report overflows, use after free, signed overflow and uninitialized values and continue, "
                      "to see their consequences; faults still stop the program");
    command->add_option("args", options->args, "arguments for the program, after --");
    command->callback([options] { throw CLI::RuntimeError(run(*options)); });
}

}  // namespace memviz::shell
