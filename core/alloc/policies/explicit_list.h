// One explicit doubly-linked free list, its head in the heap's root area. LIFO pushes freed
// blocks at the head (constant-time free, recently freed blocks reused first); address order
// keeps the list sorted by address (a linear-time free, but first fit then behaves almost like
// best fit and fragments less).
#pragma once

#include "alloc/policies/free_list.h"
#include "alloc/policy.h"

namespace memviz::alloc {

class ExplicitList final : public Policy {
public:
    enum class Order { Lifo, Address };
    explicit ExplicitList(Order order) : m_order(order) {}

    std::uint64_t root_bytes(const BlockFormat& format) const override { return format.link; }
    void init(HeapView& heap, Addr root, Addr) override {
        m_list = FreeList(root);
        m_list.clear(heap);
    }
    std::optional<Addr> find_fit(HeapView& heap, std::uint64_t size, Search& search) override {
        for (Addr block = m_list.first(heap); block != 0; block = heap.succ(block)) {
            const std::uint64_t block_size = heap.size(block);
            search.look_at(block, block_size);
            if (block_size >= size) return block;
        }
        return std::nullopt;
    }
    void insert(HeapView& heap, Addr block) override {
        if (m_order == Order::Lifo) {
            m_list.push_front(heap, block);
            return;
        }
        Addr last = 0;
        Addr at = m_list.first(heap);
        while (at != 0 && at < block) {
            last = at;
            at = heap.succ(at);
        }
        m_list.insert_before(heap, block, at, last);
    }
    void remove(HeapView& heap, Addr block) override { m_list.unlink(heap, block); }
    std::vector<std::vector<Addr>> lists(const HeapView& heap) const override;

private:
    Order m_order;
    FreeList m_list;
};

}  // namespace memviz::alloc
