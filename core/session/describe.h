// Reading a Snapshot's views out of a machine: the call stack with each variable's value,
// the globals, the heap's blocks, the segments and the allocator. Pure reading: nothing here
// changes the machine (reads of simulated memory go through AddressSpace::read and shadow()).
#pragma once

#include "snapshot.h"
#include "vm/libc.h"
#include "vm/machine.h"

namespace memviz::session {

struct MachineView {
    const vm::Program& program;
    vm::Vm& vm;
    AddressSpace& memory;
    alloc::Allocator& allocator;
};

// Fills snapshot.frames, .globals, .heap, .segments and .allocator for the machine as it is.
// Frames come from Vm::frames(); a frame's variables are its parameters and the locals whose
// scope holds the frame's current line (for the innermost frame, the next line to run; for a
// caller, the line of its call).
void describe_machine(const MachineView& machine, Snapshot& snapshot);

// What the pointer value `value` points at (see PointerTarget). With `pointee`, the type the
// pointer points to, a path into a variable stops at the part of that type: a `struct vector *`
// to `v` is "`v`", not "`v.data`" (its first member, at the same address).
PointerTarget describe_pointer(const MachineView& machine, Addr value, const lang::Type* pointee = nullptr);

}  // namespace memviz::session
