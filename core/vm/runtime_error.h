// What stops a program: every mistake a C course warns about, with where it happened and an
// explanation a beginner can follow.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mem/data_model.h"
#include "support/diagnostics.h"

namespace memviz::vm {

enum class RuntimeErrorKind : std::uint8_t {
    NullDereference,   // an access in the reserved area near address 0
    Segfault,          // an access to unmapped or OS memory, or a wild address
    ReadOnlyWrite,     // a write to the code segment (string literals, functions)
    StackOverflow,     // the stack would grow past its limit
    UseAfterFree,      // an access to a freed heap block
    HeapOverflow,      // an access outside a heap block's payload (padding, header, neighbour)
    StackBufferOverflow,   // an index outside a local array (into a neighbour, the saved registers)
    GlobalBufferOverflow,  // an index outside a global array
    DanglingStack,     // an access to a popped stack frame
    DivisionByZero,
    SignedOverflow,
    ShiftOutOfRange,
    BadCall,           // a call through a pointer that does not point to a function
    BadReturn,         // a return to an address that is not code (the return address was overwritten)
    Library,           // a library function was misused (its message says how)
    DoubleFree,        // free or realloc of a block that was already freed
    InvalidFree,       // free or realloc of a pointer malloc did not return
    UninitializedValue,// a value computed from, branched on or passed while never initialized
    OverlappingCopy,   // memcpy, strcpy or strcat with source and destination overlapping
    OutputLimit,       // the program printed more than the output limit (the last kind)
};

std::string_view name(RuntimeErrorKind kind);

// The section of docs/errors.md that explains a mistake to a student, as its heading's anchor:
// "use-after-free" for `## Use after free`, so front ends link to docs/errors.md#use-after-free.
// tests/unit/examples_test.cpp checks that every anchor is a heading there and that each
// section's example program stops with its error.
inline constexpr std::string_view kConceptDoc = "docs/errors.md";
std::string_view concept_anchor(RuntimeErrorKind kind);
// The sections of what is not a RuntimeErrorKind: a block never freed (found at exit), and
// malloc returning NULL when the heap is full.
inline constexpr std::string_view kLeakConcept = "memory-leak";
inline constexpr std::string_view kOutOfMemoryConcept = "out-of-memory-enomem";

struct RuntimeError {
    RuntimeErrorKind kind{};
    SourceLoc loc;                 // the line and column being executed
    std::string message;           // one line: what happened
    std::string explanation;       // why it is wrong, in plain language
    std::optional<Addr> address;   // the memory involved, if any
    bool operator==(const RuntimeError&) const = default;
};

}  // namespace memviz::vm
