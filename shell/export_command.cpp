#include "export_command.h"

#include <fstream>
#include <functional>
#include <iostream>
#include <memory>

#include "exit_status.h"
#include "memviz_trace.h"
#include "program_options.h"
#include "pytutor_trace.h"
#include "session.h"

namespace memviz::shell {
namespace {

constexpr int kWriteErrorStatus = 1;
// Python Tutor's own cap (MAX_STEPS in its C backend): long enough for the programs a course
// steps through, short enough that a trace of an endless loop stays a few megabytes.
constexpr std::uint64_t kDefaultStepsExported = 1000;

struct ExportOptions {
    ProgramOptions program;
    std::string output;       // empty: stdout
    std::string format = "memviz";
    std::string granularity;  // empty: the format's own (statement for memviz, line for pytutor)
    std::uint64_t max_steps_exported = kDefaultStepsExported;
};

// Python Tutor steps by line; memviz's own format by statement, as `memviz debug` does.
Granularity granularity_for(const std::string& text, const std::string& format) {
    if (text.empty()) return format == "pytutor" ? Granularity::Line : Granularity::Statement;
    return history::parse_granularity(text).value_or(Granularity::Statement);
}


// Records the start and then every stop of granularity g, calling `record` with each moment's
// snapshot while the session is there, at most `limit` times. True when the run goes on past
// the last one recorded (the trace is cut short).
bool walk(Session& session, Granularity g, std::uint64_t limit, const std::function<void(const Snapshot&)>& record) {
    for (std::uint64_t recorded = 1;; ++recorded) {
        const Snapshot snapshot = session.snapshot();
        record(snapshot);
        if (snapshot.state != Snapshot::State::Paused) return false;  // exited, faulted, or out of --max-steps
        if (recorded == limit) return true;
        session.step(g);
    }
}

Json options_json(const SessionOptions& options) {
    Json args = Json::array();
    for (const std::string& arg : options.args) args.push_back(arg);
    return {{"data_model", info(options.data_model).name},
            {"policy", alloc::name(options.policy)},
            {"stack_limit", options.stack_limit},
            {"heap_limit", options.heap_limit},
            {"max_steps", options.max_steps},
            {"keep_going", options.keep_going},
            {"args", args},
            {"stdin", options.stdin_text}};
}

std::string cut_message(const Snapshot& last, std::uint64_t exported) {
    if (last.state == Snapshot::State::Budget) {
        return "Stopped after " + std::to_string(last.tick) +
               " instructions (--max-steps): the program may be in an endless loop.";
    }
    return "memviz exported the first " + std::to_string(exported) +
           " steps (--max-steps-exported); the program goes on past them.";
}

// The trace as one line of JSON. A program may print bytes that are not UTF-8; they become
// U+FFFD rather than failing the export.
template <class JsonType>
std::string dump(const JsonType& json) {
    return json.dump(-1, ' ', false, JsonType::error_handler_t::replace) + "\n";
}

std::string memviz_trace(Session& session, const ExportOptions& options, const ProgramSettings& settings,
                         Granularity g) {
    MemvizTrace trace(Json{{"format", "memviz-trace"},
                           {"version", 1},
                           {"file", options.program.file},
                           {"source", settings.source},
                           {"options", options_json(session.options())},
                           {"granularity", name(g)},
                           {"max_steps_exported", options.max_steps_exported}});
    Snapshot last;
    const bool truncated = walk(session, g, options.max_steps_exported, [&](const Snapshot& snapshot) {
        trace.add_step(snapshot);
        last = snapshot;
    });
    if (truncated) {
        session.run_to_end();
        last = session.snapshot();
    }
    return dump(std::move(trace).finish(last, truncated));
}

std::string pytutor_trace(Session& session, const ExportOptions& options, const ProgramSettings& settings,
                          Granularity g) {
    PytutorTrace trace(settings.source);
    Snapshot last;
    const MemoryReader read = [&session](Addr first, std::uint64_t count) { return session.read_memory(first, count); };
    const bool truncated = walk(session, g, options.max_steps_exported, [&](const Snapshot& snapshot) {
        trace.add_step(snapshot, read);
        last = snapshot;
    });
    std::optional<std::string> cut;
    if (truncated || last.state == Snapshot::State::Budget) cut = cut_message(last, trace.steps());
    return dump(std::move(trace).finish(cut));
}

int export_trace(const ExportOptions& options) {
    const ProgramSettings settings = read_program_settings(options.program, "export");
    SessionOptions session_options;
    apply(settings, session_options);
    const Granularity g = granularity_for(options.granularity, options.format);
    Session session;
    session.set_granularity(g);
    const Diagnostics& diagnostics = session.load(settings.source, session_options);
    std::cerr << diagnostics.render(options.program.file, settings.source);
    if (!session.loaded()) return kCompileErrorStatus;

    const std::string text = options.format == "pytutor" ? pytutor_trace(session, options, settings, g)
                                                         : memviz_trace(session, options, settings, g);
    if (options.output.empty()) {
        std::cout << text << std::flush;
        return 0;
    }
    std::ofstream out(options.output, std::ios::binary);
    out << text;
    if (!out.flush()) {
        std::cerr << "export: cannot write " << options.output << "\n";
        return kWriteErrorStatus;
    }
    return 0;
}

}  // namespace

void add_export_command(CLI::App& app) {
    auto options = std::make_shared<ExportOptions>();
    CLI::App* command = app.add_subcommand("export", "Write a C program's whole run as a JSON trace, step by step");
    add_program_options(*command, options->program);
    command->add_option("-o,--output,--json", options->output, "the file to write the trace to (default: stdout)");
    command->add_option("--format", options->format, "memviz (default) or pytutor (Python Tutor's trace format)")
        ->check(CLI::IsMember({"memviz", "pytutor"}));
    command->add_option("--granularity", options->granularity,
                        "what a step is: line, statement or expression (default: statement for memviz, line for pytutor)")
        ->check(CLI::IsMember({"line", "statement", "expression"}));
    command->add_option("--max-steps-exported", options->max_steps_exported,
                        "steps written at most; the trace says when the run goes on past them (default 1000)")
        ->check(CLI::PositiveNumber);
    command->callback([options] { throw CLI::RuntimeError(export_trace(*options)); });
}

}  // namespace memviz::shell
