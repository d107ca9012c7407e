// The options every command that runs a C program takes (`memviz run`, `memviz debug`): the
// source file, its input and arguments, and the machine it runs on. One definition, so the two
// commands accept the same words and check them the same way.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "alloc/allocator.h"
#include "mem/data_model.h"

namespace memviz::shell {

struct ProgramOptions {
    std::string file;
    std::string stdin_file;
    std::string policy = "segregated";
    std::string data_model = "lp64";
    std::string stack_limit;
    std::uint64_t max_steps = 50'000'000;
    bool keep_going = false;
    std::vector<std::string> args;
};

// Adds FILE, --stdin, --policy, --data-model, --stack-limit, --max-steps, --keep-going and the
// program's arguments (after `--`) to `command`.
void add_program_options(CLI::App& command, ProgramOptions& options);

// The checked settings: what RunOptions and SessionOptions both hold.
struct ProgramSettings {
    std::string source;
    DataModel data_model = DataModel::LP64;
    alloc::PolicyKind policy = alloc::PolicyKind::Segregated;
    std::optional<std::uint64_t> stack_limit;
    std::uint64_t max_steps = 0;
    std::string stdin_text;
    std::vector<std::string> args;
    bool keep_going = false;
};

// Reads the source and the stdin file and parses the sizes; throws CLI::ValidationError
// naming the option at fault (or `command` when the source cannot be read).
ProgramSettings read_program_settings(const ProgramOptions& options, const std::string& command);

// Copies the settings into a RunOptions or a SessionOptions (same field names).
template <class Options>
void apply(const ProgramSettings& settings, Options& out) {
    out.data_model = settings.data_model;
    out.policy = settings.policy;
    if (settings.stack_limit) out.stack_limit = *settings.stack_limit;
    out.max_steps = settings.max_steps;
    out.stdin_text = settings.stdin_text;
    out.args = settings.args;
    out.keep_going = settings.keep_going;
}

std::optional<std::string> read_file(const std::string& path);

}  // namespace memviz::shell
