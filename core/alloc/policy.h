// A placement policy: where free blocks are remembered and how a fit is found. The Allocator
// owns block layout, splitting, coalescing and growth; a policy only keeps its free lists (in heap
// bytes, in the root area at the heap start) and searches them.
//
// Contract: insert() is called for every block that becomes free (after its tags are written),
// remove() for every free block before it is allocated or merged away; between calls, the
// policy's lists hold exactly the free blocks.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "alloc/heap_view.h"

namespace memviz::alloc {

class Policy {
public:
    virtual ~Policy() = default;

    // Bytes of metadata the policy keeps at the start of the heap (list heads, rover).
    virtual std::uint64_t root_bytes(const BlockFormat& format) const = 0;
    // Writes the empty lists into the root area at `root`.
    virtual void init(HeapView& heap, Addr root, Addr first_block) = 0;

    // A free block of at least `size` bytes, or nothing. Each free block looked at is passed to
    // `examined`, so the allocator can count and report the search.
    struct Search {
        std::vector<AllocEvent>* events = nullptr;
        std::uint64_t examined = 0;
        void look_at(Addr block, std::uint64_t size) {
            ++examined;
            if (events != nullptr) events->push_back({AllocEvent::Kind::Examined, block, size, 0, 0});
        }
    };
    virtual std::optional<Addr> find_fit(HeapView& heap, std::uint64_t size, Search& search) = 0;

    virtual void insert(HeapView& heap, Addr block) = 0;
    virtual void remove(HeapView& heap, Addr block) = 0;
    // A free block now spans [block, block + size): blocks inside it are gone (next fit's rover).
    virtual void merged(HeapView&, Addr /*block*/, std::uint64_t /*size*/) {}

    // The explicit lists in list order, for heap_check and the views; empty for implicit lists.
    virtual std::vector<std::vector<Addr>> lists(const HeapView& heap) const = 0;
};

std::unique_ptr<Policy> make_policy(PolicyKind kind);

}  // namespace memviz::alloc
