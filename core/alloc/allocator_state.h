// The allocator's private state, shared by allocator.cpp (the calls) and heap_check.cpp (the
// invariants and snapshots). Only facts about calls live here besides the heap bytes: what each
// live block was asked for and where, and which pointers were freed.
#pragma once

#include <algorithm>
#include <memory>
#include <vector>

#include "alloc/allocator.h"
#include "alloc/heap_view.h"
#include "alloc/paged_map.h"
#include "alloc/policy.h"

namespace memviz::alloc {

struct Allocator::State {
    State(AddressSpace& memory, const BlockFormat& block_format, std::unique_ptr<Policy> fit)
        : format(block_format),
          heap(memory, block_format),
          policy(std::move(fit)),
          live(memory.heap_start()),
          freed(memory.heap_start()) {}

    BlockFormat format;
    HeapView heap;
    std::unique_ptr<Policy> policy;
    Addr root = 0;         // the policy's list heads, at the heap start
    Addr first_block = 0;  // right after the prologue; the epilogue when the heap is empty

    struct Live {
        std::uint64_t requested = 0;
        Site site = 0;
        bool operator==(const Live&) const = default;
    };
    PagedMap<Live> live;  // by payload address

    struct Freed {
        std::uint64_t requested = 0;
        Site allocated_at = 0;
        Site freed_at = 0;
        bool operator==(const Freed&) const = default;
    };
    // Payloads freed and not handed out again, in address order: to recognise a double free and
    // to tell a use after free from an overflow. An entry goes when malloc hands out any of its
    // bytes again. Bounded: past kFreedMemory entries it is cleared, and a later double free
    // reads as an invalid free.
    static constexpr std::size_t kFreedMemory = 1 << 20;
    PagedMap<Freed> freed;
    // At least the largest `requested` in `freed`: how far before an address a freed payload
    // holding it can start.
    std::uint64_t freed_reach = 0;

    void set_freed(Addr payload, Freed value) {
        if (freed.size() >= kFreedMemory) {
            freed.clear();
            freed_reach = 0;
        }
        freed.set(payload, value);
        freed_reach = std::max(freed_reach, std::max<std::uint64_t>(value.requested, 1));
    }
    // The freed payload holding `address` (a freed malloc(0) holds its first byte), if any.
    const PagedMap<Freed>::Entry* freed_holding(Addr address) const {
        const auto* entry = freed.at_or_before(address, freed_reach);
        if (entry == nullptr || address >= entry->first + std::max<std::uint64_t>(entry->second.requested, 1)) return nullptr;
        return entry;
    }
    // Forgets the freed payloads that overlap [first, first + size): that memory is in use again.
    void reuse(Addr first, std::uint64_t size) {
        if (const auto* before = freed.at_or_before(first, freed_reach);
            before != nullptr && before->first < first && before->first + before->second.requested > first) {
            freed.erase(before->first);
        }
        freed.erase_range(first, first + size);
    }

    // The last save, which the next one shares unchanged pages with (for its cost).
    std::shared_ptr<const Allocator::Saved> last_saved;

    std::uint64_t live_payload = 0;
    std::uint64_t peak_payload = 0;
    std::uint64_t peak_heap = 0;
    std::uint64_t calls = 0;
    std::uint64_t examined = 0;

    Addr epilogue() const { return heap.memory().brk() - format.word; }
};

// A save shares the maps' pages with the allocator and with earlier saves (copy on write).
struct Allocator::Saved {
    PagedMap<State::Live> live;
    PagedMap<State::Freed> freed;
    std::uint64_t freed_reach = 0;
    std::uint64_t new_bytes = 0;  // host bytes of the pages the previous save did not hold
    std::uint64_t live_payload = 0;
    std::uint64_t peak_payload = 0;
    std::uint64_t peak_heap = 0;
    std::uint64_t calls = 0;
    std::uint64_t examined = 0;
};

}  // namespace memviz::alloc
