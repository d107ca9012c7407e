// Segregated fits: one explicit free list per size class, the heads an array in the heap's root
// area. Class i holds blocks of min_block * 2^i up to twice that; the last class holds all larger
// ones. Each list is kept in size order, so the first fit in a class is its best fit, and a search
// that finds nothing moves to the next larger class, whose first block is its smallest. The free
// block at the end of the heap is the last resort.
#pragma once

#include "alloc/policies/free_list.h"
#include "alloc/policy.h"

namespace memviz::alloc {

class SegregatedFit final : public Policy {
public:
    static constexpr unsigned kClasses = 24;

    std::uint64_t root_bytes(const BlockFormat& format) const override { return kClasses * format.link; }
    void init(HeapView& heap, Addr root, Addr first_block) override;
    std::optional<Addr> find_fit(HeapView& heap, std::uint64_t size, Search& search) override;
    void insert(HeapView& heap, Addr block) override;
    void remove(HeapView& heap, Addr block) override;
    std::vector<std::vector<Addr>> lists(const HeapView& heap) const override;

    unsigned class_of(std::uint64_t size) const;

private:
    std::uint64_t m_min_block = 0;
    FreeList m_lists[kClasses];
};

}  // namespace memviz::alloc
