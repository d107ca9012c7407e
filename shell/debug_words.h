// The small parsing `memviz debug`'s commands share: words of a command line, numbers as gdb
// reads them (decimal or 0x hex), and granularity names.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "session.h"

namespace memviz::shell {

// Without the spaces, tabs (and a '\r' from a CRLF script) at either end.
std::string_view trim(std::string_view text);

// The first word and the rest, trimmed.
std::pair<std::string_view, std::string_view> split_word(std::string_view text);

// "42" or "0x2a"; nullopt for anything else, a sign included.
std::optional<std::uint64_t> parse_number(std::string_view text);


}  // namespace memviz::shell
