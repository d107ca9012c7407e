// What a Session shows at one moment of a run, as plain structs: every view (the web app's
// panels, the shell's text views, the JSON export, the JS API) draws from a Snapshot and
// nothing else, so they all show the same truth. Values are copied out; nothing here points
// into the machine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alloc/allocator.h"
#include "mem/layout.h"
#include "vm/runtime_error.h"

namespace memviz {

// What a pointer's value points at, in the words a student needs.
struct PointerTarget {
    enum class Kind : std::uint8_t {
        Null,           // 0
        Uninitialized,  // the pointer itself holds no value yet
        Variable,       // a live local, parameter or global (or an element or member of one)
        HeapBlock,      // inside (or just past) an allocated block's payload
        FreedBlock,     // inside a block the program freed: using it is a use after free
        Dangling,       // into a stack frame that has returned
        Function,       // a function's code
        String,         // a string literal
        Wild,           // anything else: unmapped, the allocator's headers, unused heap
    };
    Kind kind = Kind::Wild;
    Addr address = 0;
    // "scores[2] of main", "byte 8 of the 16-byte block at 0x4052b0", "the function fib",
    // "the freed block at 0x4052b0 (freed on line 12)", "NULL".
    std::string description;
    // For Variable: the variable's address and the offset into it; for blocks: the payload
    // address and the offset into the payload.
    Addr object = 0;
    std::uint64_t offset = 0;
};

std::string_view name(PointerTarget::Kind kind);  // "null", "uninitialized", "variable", ...

// A variable, or an element or member of one.
struct ValueView {
    std::string name;         // "scores", "[2]", ".next"
    std::string type;         // C spelling: "int *", "char [16]", "struct node"
    Addr address = 0;
    std::uint64_t size = 0;
    // Formatted as the type reads it: "42", "-1.5", "'A'", "0x4052b0", "\"hi\"" (char arrays),
    // "{...}" for structs and arrays (see children), "?" when any byte is uninitialized.
    std::string value;
    bool initialized = true;  // every byte written
    bool changed = false;     // some byte was written by the last step
    bool is_parameter = false;
    std::optional<PointerTarget> target;  // for pointers that hold a value
    std::vector<ValueView> children;      // array elements (at most kMaxChildren) and members
    static constexpr std::size_t kMaxChildren = 64;
};

struct FrameView {
    std::string function;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    Addr frame_pointer = 0;         // where the saved frame pointer is stored
    Addr return_address = 0;        // the value in the return-address slot
    Addr saved_frame_pointer = 0;   // the value in the saved-frame-pointer slot
    Addr low = 0;                   // lowest address of the frame (its last local)
    Addr high = 0;                  // one past the return-address slot
    std::vector<ValueView> variables;  // parameters first, then the locals in scope
};

struct HeapBlockView {
    Addr header = 0;
    Addr payload = 0;
    std::uint64_t size = 0;         // the whole block: header, payload, padding, footer
    std::uint64_t requested = 0;    // what the program asked for (allocated blocks)
    std::uint64_t padding = 0;
    std::uint64_t overhead = 0;     // header and footer bytes
    bool allocated = false;
    bool freed_by_program = false;  // free, and once a block the program freed (not yet reused)
    bool referenced = false;        // freed, and some live pointer still points into it
    bool leaked = false;            // at the end: allocated and unreachable
    std::uint32_t allocated_at = 0; // source lines
    std::uint32_t freed_at = 0;
    // The payload read as the type of a pointer that points to its start (`int *p` makes it
    // int elements, `struct node *` a node), found from the variables and from other typed
    // blocks (a list's next pointers); none when no typed pointer points there.
    std::optional<ValueView> contents;
    std::string typed_by;           // the pointer's path: "p", "list->next"
};

struct SegmentView {
    SegmentKind kind{};
    std::string name;
    Addr first = 0;
    Addr last = 0;
    std::uint64_t used = 0;         // heap: brk - start; stack: top - sp; others: their size
    std::string permissions;        // "r-x", "rw-", "---"
};

struct AllocatorView {
    std::string policy;             // "segregated", ...
    alloc::Metrics metrics;
    std::vector<std::vector<Addr>> free_lists;  // block headers, per list, in list order
};

// What the last step did.
struct Changes {
    struct Range {
        Addr first = 0;
        std::uint64_t size = 0;
    };
    std::vector<Range> written;               // merged, in address order
    std::vector<Addr> allocated;              // payloads
    std::vector<Addr> freed;                  // payloads
    std::vector<std::string> frames_pushed;   // function names, outermost first
    std::vector<std::string> frames_popped;
};

struct HistoryView {
    std::uint64_t bytes = 0;        // host memory the history keeps
    std::uint64_t checkpoints = 0;
    std::uint64_t earliest_tick = 0;
    bool limit_reached = false;     // recording of checkpoints stopped at the memory limit
};

struct Snapshot {
    enum class State : std::uint8_t { Paused, Exited, Faulted, Budget };
    State state = State::Paused;
    std::uint64_t tick = 0;         // instructions executed
    std::uint64_t step = 0;         // index of the current stop at the session's granularity
    std::uint64_t step_count = 0;   // stops recorded so far (all of them once finished)
    bool finished = false;          // the whole run is recorded
    std::uint32_t line = 0;         // the next thing to run (or where the run ended)
    std::uint32_t column = 0;

    std::vector<FrameView> frames;  // innermost first
    // A deep recursion shows its innermost kInnermostFrames and outermost kOutermostFrames
    // frames; this many between them are left out (frames[kInnermostFrames - 1] is followed by
    // the frame that many further out).
    std::uint64_t frames_omitted = 0;
    static constexpr std::size_t kInnermostFrames = 200;
    static constexpr std::size_t kOutermostFrames = 50;
    std::vector<ValueView> globals; // the program's globals and statics (not the library's)
    std::vector<HeapBlockView> heap;  // in address order
    // A heap of very many blocks (a malloc in an endless loop makes millions) shows its first
    // kFirstHeapBlocks and last kLastHeapBlocks blocks; this many between them are left out
    // (heap[kFirstHeapBlocks - 1] is followed by the block that many further on). The
    // allocator's metrics and leaked_blocks count every block.
    std::uint64_t heap_omitted = 0;
    // Variables, elements and members not described, past a snapshot's or one variable's share of values
    // (ValueBudget in session/describe.h): nested arrays of structs of arrays would otherwise
    // make a snapshot of hundreds of megabytes.
    std::uint64_t values_omitted = 0;
    static constexpr std::size_t kMaxValues = 200'000;        // variables, elements and members in all
    static constexpr std::size_t kMaxValuesPerObject = 4'096;  // in one variable or block
    static constexpr std::size_t kFirstHeapBlocks = 10'000;
    static constexpr std::size_t kLastHeapBlocks = 2'000;
    std::vector<SegmentView> segments;
    AllocatorView allocator;

    std::string stdout_text;
    std::string stderr_text;
    std::optional<std::string> returned;  // "fib returned 5", right after a return
    std::optional<vm::RuntimeError> error;
    std::vector<vm::RuntimeError> reported;
    int exit_status = 0;
    std::uint64_t leaked_blocks = 0;      // at the end
    Changes changes;
    std::string narration;                // what the last step did, in a sentence or two
    // The lesson author's `//!` note on the line the last step ran (session/annotations.h), or "".
    std::string annotation;
    HistoryView history;
};

std::string_view name(Snapshot::State state);  // "paused", "exited", "faulted", "budget"

}  // namespace memviz
