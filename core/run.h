// Compile and run a C program to the end in one call: what `memviz run` does. The interactive
// Session (stepping, history, snapshots) builds on the same pieces.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alloc/allocator.h"
#include "mem/layout.h"
#include "support/diagnostics.h"
#include "vm/leaks.h"
#include "vm/runtime_error.h"

namespace memviz {

struct RunOptions {
    DataModel data_model = DataModel::LP64;
    alloc::PolicyKind policy = alloc::PolicyKind::Segregated;
    std::uint64_t stack_limit = 8ULL << 20;
    std::uint64_t heap_limit = 64ULL << 20;
    std::uint64_t max_steps = 50'000'000;      // steps before the run is stopped (Vm::steps_taken)
    std::uint64_t output_limit = 1ULL << 20;   // bytes per stream
    std::string stdin_text;
    std::vector<std::string> args;             // argv[1...]; argv[0] is "main"
    bool keep_going = false;                   // continue past survivable errors (Vm::set_keep_going)
};

struct RunResult {
    enum class Outcome : std::uint8_t { CompileError, Exited, RuntimeError, StepLimit };
    Outcome outcome = Outcome::CompileError;
    Diagnostics diagnostics;                   // compile errors and warnings
    std::optional<vm::RuntimeError> error;     // when the program stopped at a mistake
    std::vector<vm::RuntimeError> reported;    // mistakes it continued past (keep_going)
    int exit_status = 0;                       // when it exited
    std::string stdout_text;
    std::string stderr_text;
    std::uint64_t instructions = 0;            // steps taken, as max_steps counts them (Vm::steps_taken)
    std::vector<vm::Leak> leaks;               // blocks never freed, when the program exited
};

RunResult compile_and_run(std::string_view source, const RunOptions& options);

}  // namespace memviz
