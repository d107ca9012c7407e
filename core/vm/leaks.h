// Leak checking at exit, as Valgrind's memcheck does it: every block still allocated when the
// program ends is a leak. It is "still reachable" when a chain of pointers from the global data
// leads to its start, and "definitely lost" when nothing points to it any more.
#pragma once

#include <cstdint>
#include <vector>

#include "alloc/allocator.h"
#include "mem/address_space.h"

namespace memviz::vm {

struct Leak {
    alloc::Block block;
    bool reachable = false;  // from a global through pointers to block starts
};

// The blocks still allocated, in address order. Roots are the pointer-sized, aligned words of
// the data segment (the stack is gone once main has returned).
std::vector<Leak> find_leaks(const AddressSpace& memory, const alloc::Allocator& allocator);

}  // namespace memviz::vm
