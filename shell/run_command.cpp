#include "run_command.h"

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "exit_status.h"
#include "program_options.h"
#include "run.h"
#include "runtime_report.h"
#include "support/format.h"

namespace memviz::shell {
namespace {

struct RunCommandOptions {
    ProgramOptions program;
    std::string diagnostics = "text";
    std::optional<int> error_exitcode;
};

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
    const ProgramSettings settings = read_program_settings(options.program, "run");
    const std::string& file = options.program.file;
    const std::string& source = settings.source;
    RunOptions run_options;
    apply(settings, run_options);

    const RunResult result = compile_and_run(source, run_options);
    const bool json = options.diagnostics == "json";
    if (json) {
        for (const Diagnostic& d : result.diagnostics.all()) std::cerr << diagnostic_json(d).dump() << "\n";
    } else {
        std::cerr << result.diagnostics.render(file, source);
    }
    if (result.outcome == RunResult::Outcome::CompileError) return kCompileErrorStatus;

    std::cout << result.stdout_text << std::flush;
    std::cerr << result.stderr_text;
    auto print_error = [&](const vm::RuntimeError& error) {
        if (json) {
            nlohmann::json out = {{"kind", vm::name(error.kind)}, {"severity", "error"}, {"line", error.loc.line},
                                  {"column", error.loc.column}, {"message", error.message},
                                  {"explanation", error.explanation}, {"concept", vm::concept_anchor(error.kind)}};
            if (error.address) out["address"] = hex_address(*error.address);
            std::cerr << out.dump() << "\n";
        } else {
            std::cerr << render_runtime_error(error, file, source);
        }
    };
    // With --keep-going, the mistakes the program went past come first, in the order they happened.
    for (const vm::RuntimeError& error : result.reported) print_error(error);
    const int error_status = options.error_exitcode.value_or(kRuntimeErrorStatus);
    switch (result.outcome) {
        case RunResult::Outcome::Exited: {
            // Leaks at exit, as Valgrind reports them: a definitely lost block is an error.
            bool lost = false;
            for (std::size_t i = 0; i < result.leaks.size(); ++i) {
                const vm::Leak& leak = result.leaks[i];
                lost = lost || !leak.reachable;
                if (!json) {
                    // Many blocks lost on one line (a loop's mallocs) are one line of the report.
                    const std::size_t same = leaks_like(result.leaks, i);
                    if (same > kLeaksShownOneByOne) {
                        std::cerr << render_leak_group(file, result.leaks, i, same);
                        i += same - 1;
                        continue;
                    }
                }
                if (json) {
                    const std::string what = leak_summary(leak.block.requested, leak.block.payload);
                    const std::string why(leak_reason(leak.reachable));
                    std::cerr << nlohmann::json{{"kind", "leak"}, {"severity", leak.reachable ? "warning" : "error"},
                                                {"line", leak.block.allocated_at}, {"column", 0},
                                                {"message", what + " (" + why + ")"}, {"bytes", leak.block.requested},
                                                {"address", hex_address(leak.block.payload)}, {"reachable", leak.reachable},
                                                {"concept", vm::kLeakConcept}}
                                     .dump()
                              << "\n";
                } else {
                    std::cerr << render_leak(file, leak.block.allocated_at, leak.block.requested,
                                             leak.block.payload, leak.reachable);
                }
            }
            if (!json && !result.leaks.empty()) std::cerr << concept_line(vm::kLeakConcept);
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
                std::cerr << file << ": stopped after " << result.instructions
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
    add_program_options(*command, options->program);
    command->add_option("--diagnostics", options->diagnostics, "text (default) or json: one object per line on stderr")
        ->check(CLI::IsMember({"text", "json"}));
    command->add_option("--error-exitcode", options->error_exitcode, "exit status for a runtime error (default 3)");
    command->callback([options] { throw CLI::RuntimeError(run(*options)); });
}

}  // namespace memviz::shell
