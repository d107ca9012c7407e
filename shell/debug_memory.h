// `x/Nfu ADDR`: gdb's memory dump. N units of u bytes (b 1, h 2, w 4, g 8) starting at ADDR,
// each shown in format f (x hex, d signed, u unsigned, c character, s string), rows labelled
// with their address and the variable or block they fall in. Bytes never written show as `?`,
// which is what memviz knows of them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "debug_values.h"

namespace memviz::shell {

struct DumpFormat {
    std::uint64_t count = 1;
    char format = 'x';
    unsigned unit = 4;
};

// Parses what follows `x` up to the address: "" or "/4xw", "/s", "/8c", "/2g".
Result<DumpFormat> parse_dump_format(std::string_view spec);

// The dump of `format` at `address`, rows at most `width` wide.
Result<std::string> dump_memory(const ValueSource& source, Addr address, const DumpFormat& format, std::size_t width);

}  // namespace memviz::shell
