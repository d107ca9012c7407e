#include "alloc/policies/segregated.h"

namespace memviz::alloc {

void SegregatedFit::init(HeapView& heap, Addr root, Addr) {
    m_min_block = heap.format().min_block;
    for (unsigned i = 0; i < kClasses; ++i) {
        m_lists[i] = FreeList(root + i * heap.format().link);
        m_lists[i].clear(heap);
    }
}

unsigned SegregatedFit::class_of(std::uint64_t size) const {
    unsigned index = 0;
    for (std::uint64_t bound = m_min_block * 2; size >= bound && index + 1 < kClasses; bound *= 2) ++index;
    return index;
}

std::optional<Addr> SegregatedFit::find_fit(HeapView& heap, std::uint64_t size, Search& search) {
    // The free block at the end of the heap (the "wilderness", dlmalloc's top chunk) is taken
    // only when nothing else fits: left alone, it lets the last block grow in place and the heap
    // grow by less.
    std::optional<Addr> wilderness;
    for (unsigned index = class_of(size); index < kClasses; ++index) {
        for (Addr block = m_lists[index].first(heap); block != 0; block = heap.succ(block)) {
            const std::uint64_t block_size = heap.size(block);
            search.look_at(block, block_size);
            if (block_size < size) continue;
            if (heap.size(block + block_size) != 0) return block;
            wilderness = block;
        }
    }
    return wilderness;
}

void SegregatedFit::insert(HeapView& heap, Addr block) {
    const std::uint64_t size = heap.size(block);
    FreeList& list = m_lists[class_of(size)];
    // Size order, then address order among equal sizes.
    Addr last = 0;
    Addr at = list.first(heap);
    while (at != 0) {
        const std::uint64_t at_size = heap.size(at);
        if (at_size > size || (at_size == size && at > block)) break;
        last = at;
        at = heap.succ(at);
    }
    list.insert_before(heap, block, at, last);
}

void SegregatedFit::remove(HeapView& heap, Addr block) {
    m_lists[class_of(heap.size(block))].unlink(heap, block);
}

std::vector<std::vector<Addr>> SegregatedFit::lists(const HeapView& heap) const {
    const std::size_t limit = static_cast<std::size_t>(
        (heap.memory().brk() - heap.memory().heap_start()) / heap.format().min_block + 1);
    std::vector<std::vector<Addr>> out;
    for (const FreeList& list : m_lists) out.push_back(list.blocks(heap, limit));
    return out;
}

}  // namespace memviz::alloc
