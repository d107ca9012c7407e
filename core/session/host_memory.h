// What the parts of a Session take of host memory, estimated from the sizes and capacities of
// what they hold (not the host allocator's own overhead): Session::host_memory adds them up.
#pragma once

#include <cstdint>

#include "lang/types.h"
#include "snapshot.h"
#include "vm/bytecode.h"

namespace memviz::session {

// The types of a program (what a Session keeps of its syntax tree).
std::uint64_t host_bytes(const lang::TypeTable& types);
// The bytecode: instructions, line tables, frame layouts, globals' initial bytes, strings.
std::uint64_t host_bytes(const vm::Program& program);
// A snapshot: its frames and values, heap blocks, free lists, output copy and narration.
std::uint64_t host_bytes(const Snapshot& snapshot);

}  // namespace memviz::session
