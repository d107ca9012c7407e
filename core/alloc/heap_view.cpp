#include "alloc/heap_view.h"

#include <cassert>

namespace memviz::alloc {

std::uint64_t HeapView::tag(Addr address) const {
    std::uint64_t value = 0;
    m_memory.add_work(m_format.word);  // a walk of a long list is one instruction's work
    [[maybe_unused]] auto fault = m_memory.read_word(address, m_format.word, value);
    assert(!fault && "allocator metadata lies inside the heap");
    return value;
}

void HeapView::write_tags(Addr block, std::uint64_t size, bool allocated, bool prev_allocated) {
    const std::uint64_t word = size | (prev_allocated && m_format.prev_bit ? 2u : 0u) | (allocated ? 1u : 0u);
    [[maybe_unused]] auto fault = m_memory.write_word(block, m_format.word, word, Shadow::Metadata);
    assert(!fault);
    if (!allocated || m_format.footer_when_allocated) {
        fault = m_memory.write_word(block + size - m_format.word, m_format.word, word, Shadow::Metadata);
        assert(!fault);
    }
}

void HeapView::set_prev_allocated(Addr block, bool prev_allocated) {
    if (!m_format.prev_bit) return;
    const std::uint64_t old = tag(block);
    const std::uint64_t word = prev_allocated ? (old | 2u) : (old & ~std::uint64_t{2});
    if (word == old) return;
    m_memory.write_word(block, m_format.word, word, Shadow::Metadata);
    // The footer, where the block has one, mirrors the header. The epilogue (size 0) has none.
    const std::uint64_t block_size = old & ~std::uint64_t{7};
    if (block_size != 0 && ((old & 1) == 0 || m_format.footer_when_allocated)) {
        m_memory.write_word(block + block_size - m_format.word, m_format.word, word, Shadow::Metadata);
    }
}

Addr HeapView::pointer(Addr address) const {
    std::uint64_t value = 0;
    m_memory.add_work(m_format.link);
    [[maybe_unused]] auto fault = m_memory.read_word(address, m_format.link, value);
    assert(!fault);
    return value;
}

void HeapView::set_pointer(Addr address, Addr value) {
    [[maybe_unused]] auto fault = m_memory.write_word(address, m_format.link, value, Shadow::Metadata);
    assert(!fault);
}

}  // namespace memviz::alloc
