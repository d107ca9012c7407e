// The allocator's private state, shared by allocator.cpp (the calls) and heap_check.cpp (the
// invariants and snapshots). Only facts about calls live here besides the heap bytes: what each
// live block was asked for and where, and which pointers were freed.
#pragma once

#include <map>
#include <memory>
#include <unordered_map>

#include "alloc/allocator.h"
#include "alloc/heap_view.h"
#include "alloc/policy.h"

namespace memviz::alloc {

struct Allocator::State {
    State(AddressSpace& memory, const BlockFormat& block_format, std::unique_ptr<Policy> fit)
        : format(block_format), heap(memory, block_format), policy(std::move(fit)) {}

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
    std::unordered_map<Addr, Live> live;  // by payload address

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
    std::map<Addr, Freed> freed;

    // Forgets the freed payloads that overlap [first, first + size): that memory is in use again.
    void reuse(Addr first, std::uint64_t size) {
        auto it = freed.lower_bound(first);
        if (it != freed.begin()) {
            auto before = std::prev(it);
            if (before->first + before->second.requested > first) it = before;
        }
        while (it != freed.end() && it->first < first + size) it = freed.erase(it);
    }

    std::uint64_t live_payload = 0;
    std::uint64_t peak_payload = 0;
    std::uint64_t peak_heap = 0;
    std::uint64_t calls = 0;
    std::uint64_t examined = 0;

    Addr epilogue() const { return heap.memory().brk() - format.word; }
};

struct Allocator::Saved {
    std::unordered_map<Addr, State::Live> live;
    std::map<Addr, State::Freed> freed;
    std::uint64_t live_payload = 0;
    std::uint64_t peak_payload = 0;
    std::uint64_t peak_heap = 0;
    std::uint64_t calls = 0;
    std::uint64_t examined = 0;
    bool operator==(const Saved&) const = default;
};

}  // namespace memviz::alloc
