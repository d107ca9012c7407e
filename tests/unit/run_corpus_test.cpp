// The corpus of C programs run through the whole pipeline (preprocess, parse, compile, VM, C
// library) by compile_and_run, as `memviz run` does:
//   tests/c/run/     correct programs; NAME.out holds the exact stdout gcc's build printed
//   tests/c/memory/  programs with exactly one memory error, named in `// expect-error: KIND LINE`;
//                    with `// keep-going`, the error that finally stops the program, after the
//                    survivable ones listed in `// expect-reported: KIND LINE`
// Each program's header comments say its input and expectations (tests/c/run/README.md has the
// format). The directory comes from MEMVIZ_TEST_C_DIR (tests/CMakeLists.txt); under node the test
// binary reads the host's files through NODERAWFS.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "corpus.h"
#include "run.h"

using namespace memviz;

using namespace memviz::test;

namespace {

// How the run ended, in the words a failure message needs.
std::string describe(const RunResult& result, const std::string& file_name, const std::string& source) {
    std::ostringstream out;
    switch (result.outcome) {
        case RunResult::Outcome::CompileError:
            out << "compile error:\n" << result.diagnostics.render(file_name, source);
            break;
        case RunResult::Outcome::Exited: out << "exited with status " << result.exit_status; break;
        case RunResult::Outcome::StepLimit: out << "stopped by the step limit"; break;
        case RunResult::Outcome::RuntimeError:
            out << "runtime error at line " << result.error->loc.line << ": " << vm::name(result.error->kind) << ": "
                << result.error->message;
            break;
    }
    out << "\nstdout:\n" << result.stdout_text << "\nstderr:\n" << result.stderr_text;
    return out.str();
}

RunResult run_program(const std::string& source, const ProgramSpec& spec, DataModel model) {
    RunOptions options;
    options.data_model = model;
    options.stdin_text = spec.stdin_text;
    options.args = spec.args;
    options.keep_going = spec.keep_going;
    return compile_and_run(source, options);
}

}  // namespace

TEST_CASE("run corpus: every correct program prints what gcc's build printed and exits with its status") {
    const std::vector<std::filesystem::path> files = programs_in("run");
    CHECK(files.size() >= 80);
    for (const auto& path : files) {
        const std::string file_name = path.filename().string();
        CAPTURE(file_name);
        const std::string source = read_file(path);
        const ProgramSpec spec = read_spec(source);
        std::filesystem::path out_path = path;
        out_path.replace_extension(".out");
        REQUIRE_MESSAGE(std::filesystem::exists(out_path), file_name << ": no " << out_path.filename().string());
        const std::string expected_stdout = read_file(out_path);
        CHECK_MESSAGE(!spec.error, file_name << ": a program in run/ must not expect an error");
        for (const DataModel model : spec.models) {
            const RunResult result = run_program(source, spec, model);
            // A process's exit status is main's value modulo 256, as the shell (and gcc's build) reports it.
            const bool ok = result.outcome == RunResult::Outcome::Exited && (result.exit_status & 0xFF) == spec.exit_status &&
                            result.stdout_text == expected_stdout;
            CHECK_MESSAGE(ok, file_name << " (" << model_name(model) << "): expected exit status " << spec.exit_status
                                        << " and stdout:\n" << expected_stdout << "\ngot: " << describe(result, file_name, source));
        }
    }
}

TEST_CASE("memory corpus: every wrong program stops at its one memory error, of the expected kind and line") {
    const std::vector<std::filesystem::path> files = programs_in("memory");
    CHECK(files.size() >= 40);
    for (const auto& path : files) {
        const std::string file_name = path.filename().string();
        CAPTURE(file_name);
        const std::string source = read_file(path);
        const ProgramSpec spec = read_spec(source);
        REQUIRE_MESSAGE((spec.error.has_value() || (spec.keep_going && !spec.reported.empty())),
                        file_name << ": no `// expect-error: KIND LINE` (or `// keep-going` and `// expect-reported:`)");
        for (const DataModel model : spec.models) {
            const RunResult result = run_program(source, spec, model);
            if (spec.error) {
                const bool ok = result.outcome == RunResult::Outcome::RuntimeError && result.error &&
                                vm::name(result.error->kind) == spec.error->kind &&
                                result.error->loc.line == spec.error->line && result.stdout_text == spec.expected_stdout;
                CHECK_MESSAGE(ok, file_name << " (" << model_name(model) << "): expected " << spec.error->kind << " at line "
                                            << spec.error->line << " after stdout:\n" << spec.expected_stdout
                                            << "\ngot: " << describe(result, file_name, source));
            } else {
                // Kept going to the end: the consequence of the error is in what it printed.
                const bool ok = result.outcome == RunResult::Outcome::Exited && result.stdout_text == spec.expected_stdout;
                CHECK_MESSAGE(ok, file_name << " (" << model_name(model) << "): expected to exit after stdout:\n"
                                            << spec.expected_stdout << "\ngot: " << describe(result, file_name, source));
            }
            std::ostringstream expected_reports, reports;
            for (const ExpectedError& error : spec.reported) expected_reports << error.kind << ' ' << error.line << '\n';
            for (const vm::RuntimeError& error : result.reported) reports << vm::name(error.kind) << ' ' << error.loc.line << '\n';
            CHECK_MESSAGE(reports.str() == expected_reports.str(),
                          file_name << " (" << model_name(model) << "): errors reported on the way:\n" << reports.str()
                                    << "expected:\n" << expected_reports.str());
        }
    }
}
