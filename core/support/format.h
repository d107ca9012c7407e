// Text forms shared by every front end, so an address or a size reads the same in the shell,
// the web app and the tests.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace memviz {

// "0x4052b0": lowercase, no leading zeros, as debuggers and course notes print addresses.
std::string hex_address(std::uint64_t address);

// "8 MiB", "4 KiB", "127.9 TiB", "12 bytes": exact where the size is a whole number of the unit.
std::string human_size(std::uint64_t bytes);

// Parses "8388608", "0x800000", "8M", "8MiB", "64k", "4 KiB"; nullopt on anything else or overflow.
std::optional<std::uint64_t> parse_size(std::string_view text);

}  // namespace memviz
