// Named accessors for the fields of heap blocks, reading and writing the simulated bytes. Nothing
// in the allocator touches a raw offset: a block is reached through its header address.
#pragma once

#include <cstdint>

#include "alloc/block_format.h"
#include "mem/address_space.h"

namespace memviz::alloc {

class HeapView {
public:
    HeapView(AddressSpace& memory, const BlockFormat& format) : m_memory(memory), m_format(format) {}

    const BlockFormat& format() const { return m_format; }
    AddressSpace& memory() { return m_memory; }
    const AddressSpace& memory() const { return m_memory; }

    // --- tags -----------------------------------------------------------------------------
    std::uint64_t tag(Addr address) const;  // a header or footer word
    std::uint64_t size(Addr block) const { return tag(block) & ~std::uint64_t{7}; }
    bool allocated(Addr block) const { return (tag(block) & 1) != 0; }
    // Whether the block before this one is allocated: from the prev_allocated bit, or, in formats
    // without it (the textbook's), from the previous block's footer.
    bool prev_allocated(Addr block) const {
        if (m_format.prev_bit) return (tag(block) & 2) != 0;
        return (tag(block - m_format.word) & 1) != 0;
    }
    Addr footer(Addr block) const { return block + size(block) - m_format.word; }
    bool has_footer(Addr block) const { return !allocated(block) || m_format.footer_when_allocated; }

    // Writes the header, and the footer when the block has one, as allocator metadata.
    void write_tags(Addr block, std::uint64_t size, bool allocated, bool prev_allocated);
    void set_prev_allocated(Addr block, bool prev_allocated);

    // --- neighbours -------------------------------------------------------------------------
    Addr next(Addr block) const { return block + size(block); }
    // Precondition: !prev_allocated(block) or allocated blocks carry footers.
    Addr prev(Addr block) const { return block - (tag(block - m_format.word) & ~std::uint64_t{7}); }

    // --- payload ----------------------------------------------------------------------------
    Addr payload(Addr block) const { return block + m_format.word; }
    Addr block_of(Addr payload) const { return payload - m_format.word; }
    std::uint64_t payload_capacity(Addr block) const { return size(block) - m_format.overhead(); }

    // --- free-list links (explicit policies) ------------------------------------------------
    Addr pred(Addr block) const { return pointer(payload(block)); }
    Addr succ(Addr block) const { return pointer(payload(block) + m_format.link); }
    void set_pred(Addr block, Addr value) { set_pointer(payload(block), value); }
    void set_succ(Addr block, Addr value) { set_pointer(payload(block) + m_format.link, value); }

    // A pointer-sized word of allocator metadata (list heads, the next-fit rover).
    Addr pointer(Addr address) const;
    void set_pointer(Addr address, Addr value);

private:
    AddressSpace& m_memory;
    BlockFormat m_format;
};

}  // namespace memviz::alloc
