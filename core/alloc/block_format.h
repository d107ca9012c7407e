// How blocks are laid out in the heap for a policy and data model.
//
//  Allocated block                          Free block
//  +------------------------+ <- block      +------------------------+ <- block
//  | header: size | p | a   |  1 word       | header: size | p | a=0 |  1 word
//  +------------------------+ <- payload    +------------------------+
//  | payload (what malloc   |               | pred link  (explicit)  |  1 pointer  } only for
//  |  returned) ...         |               | succ link  (explicit)  |  1 pointer  } explicit lists
//  | ... padding            |               | ...                    |
//  +------------------------+               +------------------------+
//  | footer (boundary tags) |  1 word, only | footer: size | p | a=0 |  1 word
//  +------------------------+  if the policy+------------------------+
//                              keeps footers on allocated blocks
//
//  header and footer word = size | (prev_allocated << 1) | allocated.
//  Sizes are multiples of the alignment, so the low bits are free for the flags.
//
// Invariants: every payload is aligned; size >= min_block; the footer of a free block equals its
// header; the prev_allocated bit of each block equals the allocated bit of the block before it.
#pragma once

#include <cstdint>

#include "alloc/allocator.h"

namespace memviz::alloc {

struct BlockFormat {
    unsigned word = 8;          // bytes in a header or footer
    unsigned alignment = 16;    // of every payload and every block size
    unsigned link = 8;          // bytes in a free-list link (a pointer of the data model)
    bool footer_when_allocated = false;  // boundary tags on every block, or on free blocks only
    bool links = false;         // free blocks carry pred/succ links (explicit and segregated)
    bool prev_bit = true;       // headers carry the prev_allocated bit (not the textbook's)
    std::uint64_t min_block = 32;
    // Largest block the header word can describe.
    std::uint64_t max_block = 0;

    // Header, plus footer if allocated blocks carry one.
    std::uint64_t overhead() const { return word + (footer_when_allocated ? word : 0); }
    std::uint64_t align_up(std::uint64_t bytes) const { return (bytes + alignment - 1) / alignment * alignment; }
};

BlockFormat format_for(PolicyKind policy, DataModel model);

}  // namespace memviz::alloc
