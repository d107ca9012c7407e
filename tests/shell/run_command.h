// Runs the memviz binary under test with arguments and collects what a user would see.
#pragma once

#include <string>

struct CommandResult {
    int exit_status = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

// `arguments` is appended to the binary's path as shell words; tests pass only fixed text.
CommandResult run_memviz(const std::string& arguments);
// The same with `input` as the command's standard input (a pipe's worth: not a terminal).
CommandResult run_memviz(const std::string& arguments, const std::string& input);
// Writes `source` to /tmp/memviz-<suite>-test-<name>.c for a test to run, and returns its path.
std::string c_file(const std::string& suite, const std::string& name, const std::string& source);
