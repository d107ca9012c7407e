// Classifying the program's memory accesses. First the address space says whether the bytes
// exist and allow the access at all (null area, unmapped, read-only, beyond the stack); then the
// shadow state says whether the program may use them: a freed block, a heap block's padding or
// header, or a popped frame are there, but not the program's any more.
#include <string>

#include "support/format.h"
#include "vm/vm.h"

namespace memviz::vm {
namespace {

std::string verb(Access access) { return access == Access::Write ? "write" : "read"; }

std::string bytes_text(std::uint64_t bytes) { return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes"); }

// "the 4-byte block at 0x4052a0"
std::string block_text(std::uint64_t bytes, Addr payload) {
    return "the " + std::to_string(bytes) + "-byte block at " + hex_address(payload);
}

}  // namespace

std::optional<RuntimeError> Vm::check_access(Addr address, std::uint64_t bytes, Access access) const {
    // The common case first, and cheaply: nothing below allocates unless there is an error.
    auto fault = m_memory.check(address, bytes, access);
    const Segment* segment = m_memory.layout().segment_of(address);
    if (!fault && segment != nullptr && segment->kind != SegmentKind::Heap && segment->kind != SegmentKind::Stack) {
        return std::nullopt;
    }
    auto what = [&] { return verb(access) + " of " + bytes_text(bytes) + " at " + hex_address(address); };
    if (fault) {
        switch (fault->kind) {
            case FaultKind::NullArea:
                return RuntimeError{RuntimeErrorKind::NullDereference, {}, what() + ": a NULL pointer dereference",
                                    "The pointer is NULL (or close to it). NULL means \"points nowhere\": "
                                    "check it before using it, e.g. after malloc.",
                                    fault->address};
            case FaultKind::ReadOnly:
                return RuntimeError{RuntimeErrorKind::ReadOnlyWrite, {}, what() + " in the read-only code segment",
                                    "String literals and functions live in read-only memory. To change a "
                                    "string, copy it into an array first: char s[] = \"...\";",
                                    fault->address};
            case FaultKind::BeyondStackLimit:
                return RuntimeError{RuntimeErrorKind::StackOverflow, {}, what() + " below the stack's limit",
                                    "The stack has a fixed maximum size; this access is past it.", fault->address};
            default:
                return RuntimeError{RuntimeErrorKind::Segfault, {}, what() + ": segmentation fault (" + fault->describe() + ")",
                                    "The program touched memory it does not own: the address lies in " +
                                        std::string(fault->segment ? name(*fault->segment) : "no segment") +
                                        ". The pointer is uninitialized, corrupted, or was computed wrongly.",
                                    fault->address};
        }
    }

    if (segment == nullptr) return std::nullopt;
    if (segment->kind == SegmentKind::Heap) {
        // The first byte that is not the program's: freed, bookkeeping, or never handed out.
        const std::optional<Addr> bad =
            m_memory.find_shadow_other_than(address, bytes, Shadow::Initialized, Shadow::Uninitialized);
        if (!bad) return std::nullopt;
        if (auto freed = m_allocator.freed_block_containing(*bad)) {
            return RuntimeError{RuntimeErrorKind::UseAfterFree, {},
                                what() + ", inside " + block_text(freed->requested, freed->payload) + ", which was freed",
                                "This memory was given back with free() and may be handed out again by the "
                                "next malloc. A pointer must not be used after the block it points to is "
                                "freed: set it to NULL after free, and check where else it was copied.",
                                *bad};
        }
        const auto block = m_allocator.block_containing(*bad);
        std::string where = "outside every block";
        if (block && block->state == alloc::BlockState::Allocated) {
            const std::string of_block = block_text(block->requested, block->payload);
            const Addr end = block->payload + block->requested;
            if (*bad < block->payload) where = "before the start of " + of_block;
            else if (*bad == end) where = "just past the end of " + of_block;
            else where = bytes_text(*bad - end) + " past the end of " + of_block;
        } else if (block) {
            where = "in the free block at " + hex_address(block->header) + ", which was never handed out";
        }
        return RuntimeError{RuntimeErrorKind::HeapOverflow, {}, what() + ", " + where,
                            "A heap block holds exactly the bytes malloc was asked for; the bytes around it "
                            "are padding or the allocator's headers. Writing there corrupts the heap; "
                            "reading gives garbage.",
                            *bad};
    } else if (segment->kind == SegmentKind::Stack) {
        if (auto popped = m_memory.find_shadow(address, bytes, Shadow::PoppedFrame)) {
            return RuntimeError{RuntimeErrorKind::DanglingStack, {}, what() + " in a stack frame that no longer exists",
                                "The function that owned this memory has returned; its frame is gone and the "
                                "next call will reuse it. Never keep the address of a local variable after "
                                "its function returns.",
                                *popped};
        }
    }
    return std::nullopt;
}

}  // namespace memviz::vm
