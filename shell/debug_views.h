// The text views of `memviz debug`, each drawn from a Snapshot to a given width: the stack
// frames as boxes, a list of variables, the heap's blocks, the free lists, the address-space
// bar, and the source around a line. A view returns its lines (each ending in '\n', none wider
// than `width`) and knows nothing of the command loop or of the other views.
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "snapshot.h"

namespace memviz::shell {

// Every frame, innermost first, as a box: function and line, the frame's addresses, the return
// address and saved frame pointer, then its variables.
std::string frames_view(const Snapshot& snapshot, std::size_t width);

// One row per variable: a `*` when the last step changed it, address, name, type, value (`?`
// when uninitialized) and, for a pointer, what it points to.
std::string variables_view(const std::vector<ValueView>& variables, std::size_t width);

// The heap's blocks in address order: header and payload addresses, sizes, state, the lines
// that allocated and freed them, their free-list links; then the allocator's figures.
std::string heap_view(const Snapshot& snapshot, std::size_t width);

// The allocator's free lists in list order.
std::string free_lists_view(const Snapshot& snapshot, std::size_t width);

// The address space as a bar, low addresses on the left (not to scale: the gap alone is most of
// it), with the heap and stack filled as far as they are used, then one row per segment.
std::string layout_view(const Snapshot& snapshot, std::size_t width);

// Source lines `first` to `last` (1-based, clamped), `=>` before `current` and `b` on lines with
// a breakpoint.
std::string source_view(std::span<const std::string_view> lines, std::uint32_t first, std::uint32_t last,
                        std::uint32_t current, const std::set<std::uint32_t>& breakpoints, std::size_t width);

// "12    total += scores[i];": one source line with its number, as a debugger prints where it stopped.
std::string source_line(std::span<const std::string_view> lines, std::uint32_t line, std::size_t width);

}  // namespace memviz::shell
