// Shadow state: what memviz knows about each simulated byte beyond its value. The allocator and
// the VM set it; error checks and every view read it, so what is shown is the truth.
#pragma once

#include <cstdint>
#include <string_view>

namespace memviz {

enum class Shadow : std::uint8_t {
    Unallocated,    // mapped but never handed out (heap past every block, untouched stack)
    Metadata,       // allocator bookkeeping: block headers, footers, free-list links, list heads
    Uninitialized,  // handed out (malloc, a new stack frame) and not yet written
    Initialized,    // written by the program, or initialized data
    Freed,          // payload of a block the program freed
    PoppedFrame,    // belonged to a stack frame that has returned
};

std::string_view name(Shadow shadow);

}  // namespace memviz
