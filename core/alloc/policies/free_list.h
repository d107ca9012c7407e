// A doubly-linked list of free blocks threaded through their payloads (pred and succ links), its
// head a pointer-sized word in the heap's root area. 0 ends the list. Explicit and segregated
// policies are built from these.
#pragma once

#include <vector>

#include "alloc/heap_view.h"

namespace memviz::alloc {

class FreeList {
public:
    explicit FreeList(Addr head_address = 0) : m_head(head_address) {}

    Addr head_address() const { return m_head; }
    Addr first(const HeapView& heap) const { return heap.pointer(m_head); }
    void clear(HeapView& heap) { heap.set_pointer(m_head, 0); }

    void push_front(HeapView& heap, Addr block) {
        const Addr old_first = first(heap);
        heap.set_pred(block, 0);
        heap.set_succ(block, old_first);
        if (old_first != 0) heap.set_pred(old_first, block);
        heap.set_pointer(m_head, block);
    }

    // Inserts `block` before `before` (0: at the end, after `last`).
    void insert_before(HeapView& heap, Addr block, Addr before, Addr last) {
        const Addr pred = before != 0 ? heap.pred(before) : last;
        heap.set_pred(block, pred);
        heap.set_succ(block, before);
        if (before != 0) heap.set_pred(before, block);
        if (pred != 0) heap.set_succ(pred, block);
        else heap.set_pointer(m_head, block);
    }

    void unlink(HeapView& heap, Addr block) {
        const Addr pred = heap.pred(block);
        const Addr succ = heap.succ(block);
        if (pred != 0) heap.set_succ(pred, succ);
        else heap.set_pointer(m_head, succ);
        if (succ != 0) heap.set_pred(succ, pred);
    }

    // The blocks in list order, at most `limit` of them (a corrupted, cyclic list stops there).
    std::vector<Addr> blocks(const HeapView& heap, std::size_t limit) const {
        std::vector<Addr> out;
        for (Addr block = first(heap); block != 0 && out.size() < limit; block = heap.succ(block)) {
            out.push_back(block);
        }
        return out;
    }

private:
    Addr m_head;
};

}  // namespace memviz::alloc
