// The commands of `memviz debug`: their names, gdb's abbreviations, and the help text `help`
// prints. One table, so the dispatcher, `help` and docs/shell.md name the same commands.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace memviz::shell {

struct DebugCommand {
    std::string_view name;     // what the dispatcher switches on: "step"
    std::string_view aliases;  // space-separated: "s"
    std::string_view usage;    // "step [N]"
    std::string_view summary;  // one line for the list
    std::string_view details;  // a paragraph for `help step`
};

std::span<const DebugCommand> debug_commands();

// The command a word names (its name or an alias), or nullptr.
const DebugCommand* find_debug_command(std::string_view word);

// `help` (every command, one line each) or `help COMMAND`, wrapped to `width`.
std::string help_text(std::string_view topic, std::size_t width);

}  // namespace memviz::shell
