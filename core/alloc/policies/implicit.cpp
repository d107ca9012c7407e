// Implicit free lists: no links at all; a search walks every block from the heap start, using
// each header's size to step to the next. First fit takes the first free block that fits, next
// fit resumes where the previous search stopped (the rover, a word in the heap's root area), best
// fit looks at every free block and takes the smallest that fits.
#include "alloc/policies/implicit.h"

namespace memviz::alloc {
namespace {

// Walks [from, until) of the block sequence; `until` == 0 means up to the epilogue.
template <class Visit>
std::optional<Addr> walk(HeapView& heap, Addr from, Addr until, Policy::Search& search, Visit&& fits) {
    for (Addr block = from; block != until; block = heap.next(block)) {
        const std::uint64_t size = heap.size(block);
        if (size == 0) break;  // the epilogue
        if (heap.allocated(block)) {
            ++search.examined;
            continue;
        }
        search.look_at(block, size);
        if (fits(block, size)) return block;
    }
    return std::nullopt;
}

}  // namespace

std::optional<Addr> ImplicitFit::find_fit(HeapView& heap, std::uint64_t size, Search& search) {
    auto big_enough = [size](Addr, std::uint64_t block_size) { return block_size >= size; };
    switch (m_kind) {
        case Kind::First:
            return walk(heap, m_first_block, 0, search, big_enough);
        case Kind::Next: {
            const Addr rover = heap.pointer(m_root);
            auto found = walk(heap, rover, 0, search, big_enough);
            if (!found) found = walk(heap, m_first_block, rover, search, big_enough);
            if (found) heap.set_pointer(m_root, *found);
            return found;
        }
        case Kind::Best: {
            std::optional<Addr> best;
            std::uint64_t best_size = 0;
            walk(heap, m_first_block, 0, search, [&](Addr block, std::uint64_t block_size) {
                if (block_size >= size && (!best || block_size < best_size)) {
                    best = block;
                    best_size = block_size;
                }
                return block_size == size;  // an exact fit cannot be beaten
            });
            return best;
        }
    }
    return std::nullopt;
}

void ImplicitFit::merged(HeapView& heap, Addr block, std::uint64_t size) {
    if (m_kind != Kind::Next) return;
    const Addr rover = heap.pointer(m_root);
    if (rover > block && rover < block + size) heap.set_pointer(m_root, block);
}

}  // namespace memviz::alloc
