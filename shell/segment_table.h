// One row of the segment table that `memviz layout` prints and `memviz debug`'s `layout` view
// repeats under its address-space bar, so both line up the same way:
//   "  heap                    0x405000 - 0x4404fff           rw-  64 MiB"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "mem/layout.h"

namespace memviz::shell {

std::string permissions_text(const Permissions& permissions);

// The row without its line end: name, first and last address, permissions, size.
std::string segment_row(std::string_view name, Addr first, Addr last, std::string_view permissions);

}  // namespace memviz::shell
