// The program's writable memory at one moment, kept cheaply: storage is cut into 4 KiB chunks,
// and a chunk that did not change since the previous image is shared with it, not copied. A
// MemoryTracker watches the address space's write boundary to know which chunks changed. A
// copied chunk keeps its shadow as runs (a chunk's shadow is a few runs: a global array, a heap
// block's header and payload) and its bytes not at all when they are all zero.
//
// Invariant: the live memory equals the tracker's base image except in the chunks marked dirty
// (every change marks its chunks before it happens; only save() and restore() clear marks).
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "mem/address_space.h"

namespace memviz::history {

inline constexpr std::uint64_t kChunkBytes = 4096;

struct ShadowRun {
    std::uint16_t length = 0;
    Shadow shadow{};
};
static_assert(kChunkBytes <= 0xFFFF, "a run spans at most one chunk");

struct Chunk {
    std::uint32_t size = 0;           // kChunkBytes, or fewer for the heap's last chunk
    std::vector<std::uint8_t> bytes;  // `size` bytes, or none when all are zero
    std::vector<ShadowRun> shadow;    // lengths add up to `size`

    // Host bytes this chunk takes.
    std::uint64_t host_bytes() const {
        return sizeof(Chunk) + bytes.capacity() + shadow.capacity() * sizeof(ShadowRun);
    }
};

struct MemoryImage {
    Addr brk = 0;
    Addr stack_low = 0;
    std::vector<std::pair<Addr, std::shared_ptr<const Chunk>>> chunks;  // by address
    std::uint64_t new_bytes = 0;  // host bytes of the chunks this image did not share
};

class MemoryTracker final : public MemoryObserver {
public:
    // Attaches itself to `memory` as its observer; detaches when destroyed.
    explicit MemoryTracker(AddressSpace& memory);
    ~MemoryTracker() override;
    MemoryTracker(const MemoryTracker&) = delete;
    MemoryTracker& operator=(const MemoryTracker&) = delete;

    // The memory as it is now, sharing every unchanged chunk with the last image saved or
    // restored.
    std::shared_ptr<const MemoryImage> save();
    // Puts the memory back as `image` has it, copying only the chunks that differ.
    void restore(const std::shared_ptr<const MemoryImage>& image);

    void before_change(Addr first, std::span<const std::uint8_t> old_bytes, std::span<const Shadow> old_shadow) override;
    void before_break_change(Addr) override {}
    // Passes every change on to `listener` too (nullptr: to no one).
    void set_listener(MemoryObserver* listener) { m_listener = listener; }
    // Host bytes of the marks and the unpacking buffers (the images are the history's).
    std::uint64_t host_bytes() const {
        return m_data.dirty.capacity() + m_heap.dirty.capacity() + m_stack.dirty.capacity() + m_bytes.capacity() +
               m_shadow.capacity() * sizeof(Shadow);
    }

private:
    // Dirty marks for one segment's chunks, indexed from the segment's first address.
    struct Marks {
        Addr first = 0;
        std::vector<std::uint8_t> dirty;
    };
    Marks* marks_for(Addr address);
    bool is_dirty(Addr chunk_first);
    void clear_marks();
    std::shared_ptr<const Chunk> copy_chunk(Addr first, std::size_t size);
    void put_chunk(Addr first, const Chunk& chunk);

    AddressSpace& m_memory;
    Marks m_data;
    Marks m_heap;
    Marks m_stack;
    Marks* m_last = &m_stack;  // the segment the last change was in
    MemoryObserver* m_listener = nullptr;
    std::shared_ptr<const MemoryImage> m_base;  // what the live memory equals outside dirty chunks
    std::vector<std::uint8_t> m_bytes;          // one chunk, unpacked
    std::vector<Shadow> m_shadow;
};

}  // namespace memviz::history
