// The allocator's private state, shared by allocator.cpp (the calls) and heap_check.cpp (the
// invariants and snapshots). Only facts about calls live here besides the heap bytes: what each
// live block was asked for and where, and which pointers were freed.
#pragma once

#include <map>
#include <memory>
#include <vector>
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
        while (it != freed.end() && it->first < first + size) {
            log({Change::Kind::EraseFreed, it->first, {}, {}});
            it = freed.erase(it);
        }
    }

    // Every change to `live` and `freed` goes through these, so the history can keep a short log
    // of them between checkpoints instead of copying both maps each time (Allocator::save).
    struct Change {
        enum class Kind : std::uint8_t { SetLive, EraseLive, SetFreed, EraseFreed, ClearFreed } kind{};
        Addr payload = 0;
        Live live;
        Freed freed;
        bool operator==(const Change&) const = default;
    };
    void set_live(Addr payload, Live value) {
        live[payload] = value;
        log({Change::Kind::SetLive, payload, value, {}});
    }
    void erase_live(Addr payload) {
        live.erase(payload);
        log({Change::Kind::EraseLive, payload, {}, {}});
    }
    void set_freed(Addr payload, Freed value) {
        if (freed.size() >= kFreedMemory) {
            freed.clear();
            log({Change::Kind::ClearFreed, 0, {}, {}});
        }
        freed[payload] = value;
        log({Change::Kind::SetFreed, payload, {}, value});
    }
    void log(const Change& change) {
        if (!logging) return;
        if (changes.size() >= kMaxChanges) {
            // No save for a long time (the history stopped recording): the next save will be a
            // keyframe instead, so the log need not grow without bound.
            changes.clear();
            base.reset();
            logging = false;
            return;
        }
        changes.push_back(change);
    }
    static constexpr std::size_t kMaxChanges = 1 << 20;
    bool logging = false;         // from the first save on
    std::vector<Change> changes;  // since the last save or restore
    std::shared_ptr<const Allocator::Saved> base;  // what `changes` are relative to

    std::uint64_t live_payload = 0;
    std::uint64_t peak_payload = 0;
    std::uint64_t peak_heap = 0;
    std::uint64_t calls = 0;
    std::uint64_t examined = 0;

    Addr epilogue() const { return heap.memory().brk() - format.word; }
};

// Both maps in full, shared by the saves that follow until the next keyframe.
struct AllocatorKeyframe {
    std::unordered_map<Addr, Allocator::State::Live> live;
    std::map<Addr, Allocator::State::Freed> freed;

    void apply(const Allocator::State::Change& change) {
        using Kind = Allocator::State::Change::Kind;
        switch (change.kind) {
            case Kind::SetLive: live[change.payload] = change.live; break;
            case Kind::EraseLive: live.erase(change.payload); break;
            case Kind::SetFreed: freed[change.payload] = change.freed; break;
            case Kind::EraseFreed: freed.erase(change.payload); break;
            case Kind::ClearFreed: freed.clear(); break;
        }
    }
};

// A save is a keyframe (previous == nullptr), or its predecessor plus the changes since it: a
// short chain, restored by copying the keyframe and replaying the changes along the chain.
struct Allocator::Saved {
    std::shared_ptr<const AllocatorKeyframe> keyframe;
    std::shared_ptr<const Saved> previous;
    std::vector<State::Change> changes;
    std::uint64_t changes_since_keyframe = 0;
    std::uint64_t live_payload = 0;
    std::uint64_t peak_payload = 0;
    std::uint64_t peak_heap = 0;
    std::uint64_t calls = 0;
    std::uint64_t examined = 0;
};

}  // namespace memviz::alloc
