#include "alloc/policies/explicit_list.h"

namespace memviz::alloc {

std::vector<std::vector<Addr>> ExplicitList::lists(const HeapView& heap) const {
    // A sound list holds at most one entry per minimum-size block of the heap.
    const std::size_t limit = static_cast<std::size_t>(
        (heap.memory().brk() - heap.memory().heap_start()) / heap.format().min_block + 1);
    return {m_list.blocks(heap, limit)};
}

}  // namespace memviz::alloc
