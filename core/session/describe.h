// Reading a Snapshot's views out of a machine: the call stack with each variable's value,
// the globals, the heap's blocks, the segments and the allocator. Pure reading: nothing here
// changes the machine (reads of simulated memory go through AddressSpace::read and shadow()).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "snapshot.h"
#include "vm/libc.h"
#include "vm/machine.h"

namespace memviz::session {

// How many values (variables, elements, members) a snapshot may still describe: what bounds its
// host memory whatever the program declares. One variable or block takes at most kPerObject
// (a `struct { int a[64]; } s[64]` alone would be 4,160); past kPerSnapshot in all, variables
// and blocks are left out. `omitted` counts what was left out.
struct ValueBudget {
    static constexpr std::size_t kPerObject = Snapshot::kMaxValuesPerObject;
    static constexpr std::size_t kPerSnapshot = Snapshot::kMaxValues;
    std::size_t left = kPerSnapshot;
    std::uint64_t omitted = 0;
};

struct MachineView {
    const vm::Program& program;
    vm::Vm& vm;
    AddressSpace& memory;
    alloc::Allocator& allocator;
    ValueBudget* budget = nullptr;  // none: each value only takes at most kPerObject
};

// The type a block's payload is read as: the pointee of a typed pointer to its start, and the
// path that pointer was found at ("p", "list->next").
struct TypedReference {
    const lang::Type* pointee = nullptr;
    std::string path;
};
using BlockTypes = std::map<Addr, TypedReference>;  // by payload address

// Fills snapshot.frames, .globals, .heap, .segments and .allocator for the machine as it is.
// Frames come from Vm::frames(); a frame's variables are its parameters and the locals whose
// scope holds the frame's current line (for the innermost frame, the next line to run; for a
// caller, the line of its call).
// Typing and reading every block is most of the cost of a big heap's snapshot, while a screen
// shows a few blocks at a time: with `outline`, the blocks' contents and typed_by are left
// empty, for describe_block_contents to fill in for the blocks shown.
void describe_machine(const MachineView& machine, Snapshot& snapshot, bool outline = false);

// The type of each allocated block's payload, by the typed pointers to its start: first from
// the variables of the frames and the globals, then from inside blocks already typed, so a
// linked list is typed node by node.
BlockTypes block_types(const MachineView& machine);

// Fills block.contents and block.typed_by as describe_machine does: the payload read as its
// type in `types` (left empty for a block that is not allocated or has no type), with the last
// step's `written` bytes marked as changed.
void describe_block_contents(const MachineView& machine, const BlockTypes& types,
                             const std::vector<Changes::Range>& written, HeapBlockView& block);

// What the pointer value `value` points at (see PointerTarget). With `pointee`, the type the
// pointer points to, a path into a variable stops at the part of that type: a `struct vector *`
// to `v` is "`v`", not "`v.data`" (its first member, at the same address).
PointerTarget describe_pointer(const MachineView& machine, Addr value, const lang::Type* pointee = nullptr);

}  // namespace memviz::session
