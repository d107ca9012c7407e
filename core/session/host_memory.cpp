#include "session/host_memory.h"

#include "alloc/block_format.h"
#include "lang/compile.h"
#include "lang/lexer.h"
#include "session.h"
#include "vm/vm.h"

namespace memviz::session {
namespace {

template <class T>
std::uint64_t vector_bytes(const std::vector<T>& items) {
    return items.capacity() * sizeof(T);
}

// A string's heap storage: none while it fits in the string object itself.
std::uint64_t string_bytes(const std::string& text) {
    return text.capacity() > std::string().capacity() ? text.capacity() + 1 : 0;
}

std::uint64_t value_bytes(const ValueView& value) {
    std::uint64_t bytes = string_bytes(value.name) + string_bytes(value.type) + string_bytes(value.value) +
                          vector_bytes(value.children);
    if (value.target) bytes += string_bytes(value.target->description);
    for (const ValueView& child : value.children) bytes += value_bytes(child);
    return bytes;
}

std::uint64_t error_bytes(const vm::RuntimeError& error) {
    return string_bytes(error.message) + string_bytes(error.explanation);
}

}  // namespace

std::uint64_t host_bytes(const lang::TypeTable& types) {
    // A type, and its entry in one of the table's deduplication maps (a tree node).
    constexpr std::uint64_t kTypeBytes = sizeof(lang::Type) + 64;
    return types.size() * kTypeBytes;
}

std::uint64_t host_bytes(const vm::Program& program) {
    std::uint64_t bytes = sizeof(vm::Program) + vector_bytes(program.functions) + vector_bytes(program.globals) +
                          vector_bytes(program.strings);
    for (const vm::Function& function : program.functions) {
        bytes += string_bytes(function.name) + vector_bytes(function.code) + vector_bytes(function.lines) +
                 vector_bytes(function.slots);
        for (const vm::FrameSlot& slot : function.slots) bytes += string_bytes(slot.name);
    }
    for (const vm::Global& global : program.globals) {
        bytes += string_bytes(global.name) + vector_bytes(global.initial) + vector_bytes(global.relocations);
    }
    for (const std::string& text : program.strings) bytes += string_bytes(text);
    return bytes;
}

std::uint64_t host_bytes(const Snapshot& snapshot) {
    std::uint64_t bytes = sizeof(Snapshot) + vector_bytes(snapshot.frames) + vector_bytes(snapshot.globals) +
                          vector_bytes(snapshot.heap) + vector_bytes(snapshot.segments) +
                          vector_bytes(snapshot.allocator.free_lists) + string_bytes(snapshot.stdout_text) +
                          string_bytes(snapshot.stderr_text) + string_bytes(snapshot.narration) +
                          string_bytes(snapshot.annotation) + vector_bytes(snapshot.changes.written) +
                          vector_bytes(snapshot.changes.allocated) + vector_bytes(snapshot.changes.freed) +
                          vector_bytes(snapshot.reported);
    for (const FrameView& frame : snapshot.frames) {
        bytes += string_bytes(frame.function) + vector_bytes(frame.variables);
        for (const ValueView& value : frame.variables) bytes += value_bytes(value);
    }
    for (const ValueView& value : snapshot.globals) bytes += value_bytes(value);
    for (const HeapBlockView& block : snapshot.heap) {
        bytes += string_bytes(block.typed_by);
        if (block.contents) bytes += value_bytes(*block.contents);
    }
    for (const SegmentView& segment : snapshot.segments) bytes += string_bytes(segment.name) + string_bytes(segment.permissions);
    for (const auto& list : snapshot.allocator.free_lists) bytes += vector_bytes(list);
    if (snapshot.error) bytes += error_bytes(*snapshot.error);
    for (const vm::RuntimeError& error : snapshot.reported) bytes += error_bytes(error);
    return bytes;
}

}  // namespace memviz::session

namespace memviz {

HostMemory host_memory_bound(const SessionOptions& options) {
    using lang::kMaxGlobalDataBytes;
    using lang::kMaxSourceBytes;
    using lang::kMaxTokensPerFile;
    // A compiled token's share of bytecode, line tables, frame layouts and types: at most 86
    // bytes measured (a million tokens of `x++;`), doubled and rounded up.
    constexpr std::uint64_t kProgramBytesPerToken = 192;
    constexpr std::uint64_t kInstructionBytes = 16;
    const std::uint64_t instructions = kMaxTokensPerFile * kProgramBytesPerToken / kInstructionBytes;
    // A snapshot's value (its name, type and text; a pointer's target): about 210 bytes measured.
    constexpr std::uint64_t kValueBytes = 320;
    // The allocator's maps hold an entry (an address and 16 bytes) per block, in vectors up to
    // twice as large as their entries: all of them unshared once the history stops recording.
    constexpr std::uint64_t kBlockEntryBytes = 2 * 24;
    const std::uint64_t blocks = options.heap_limit / alloc::format_for(options.policy, options.data_model).min_block;
    const std::uint64_t output = 2 * 2 * options.output_limit;  // two streams, a string's capacity up to twice

    HostMemory bound;
    // The source and the literals it holds; the globals' initial bytes; the compiled code.
    bound.program = 2 * kMaxSourceBytes + kMaxGlobalDataBytes + kMaxTokensPerFile * kProgramBytesPerToken;
    // Bytes and their shadow: code (a byte per instruction, the string literals), global data,
    // the heap, the stack.
    const std::uint64_t simulated = instructions + kMaxSourceBytes + kMaxGlobalDataBytes + options.heap_limit +
                                    options.stack_limit;
    bound.memory = 2 * simulated;
    // The operand stack: a value waiting across a call counts 8 bytes against the stack limit and
    // takes sizeof(Operand) in a vector up to twice its size. The allocator's maps. The errors.
    bound.machine = options.stack_limit / 8 * sizeof(vm::Operand) * 2 + blocks * kBlockEntryBytes +
                    (vm::Vm::kMaxReported + 1) * 1024;
    bound.output = options.stdin_text.size() + output;
    // Checkpoints stop past history_limit, so the last one may cross it by one checkpoint: a
    // copy of the memory and the machine at worst. Then the stop tables (5 bytes an
    // instruction), the dirty marks (a byte per 4 KiB) and the output's copy.
    bound.history = options.history_limit + bound.memory + bound.machine + output + 5 * instructions +
                    simulated / 4096;
    // The values it lists, its heap blocks and frames, the free lists (an address per free
    // block), the output's copy.
    bound.snapshot = Snapshot::kMaxValues * kValueBytes +
                     (Snapshot::kFirstHeapBlocks + Snapshot::kLastHeapBlocks) * (sizeof(HeapBlockView) + 64) +
                     (Snapshot::kInnermostFrames + Snapshot::kOutermostFrames) * sizeof(FrameView) + blocks * 8 * 2 +
                     output;
    return bound;
}

}  // namespace memviz
