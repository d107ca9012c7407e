// The corpus of C programs under tests/c and the header comments that say how to run each one
// and what it must do (tests/c/run/README.md, tests/c/memory/README.md). Shared by the tests
// that run the corpus: run_corpus_test.cpp, history_test.cpp, and examples_test.cpp, whose
// programs (web/examples) use the same header comments.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "mem/data_model.h"

namespace memviz::test {

struct ExpectedError {
    std::string kind;  // vm::name(RuntimeErrorKind)
    std::uint32_t line = 0;
};

// What a program's header comments say.
struct ProgramSpec {
    std::string stdin_text;               // `// stdin: TEXT`, one line each (a newline is added)
    std::vector<std::string> args;        // `// args: A B C`
    int exit_status = 0;                  // `// expect-exit: N`
    std::vector<DataModel> models{DataModel::LP64};  // `// models: lp64 ilp32`
    std::string expected_stdout;          // `// expect-stdout: TEXT` lines (memory/)
    std::optional<ExpectedError> error;   // `// expect-error: KIND LINE` (memory/)
    bool keep_going = false;              // `// keep-going`: run on past survivable errors...
    std::vector<ExpectedError> reported;  // ...which `// expect-reported: KIND LINE` lists, in order
};

std::string read_file(const std::filesystem::path& path);
ProgramSpec read_spec(const std::string& source);
// The .c files of tests/c/SUBDIRECTORY, sorted.
std::vector<std::filesystem::path> programs_in(const std::string& subdirectory);
// The .c files of any directory (web/examples), sorted.
std::vector<std::filesystem::path> c_files_in(const std::filesystem::path& directory);
std::string model_name(DataModel model);

}  // namespace memviz::test
