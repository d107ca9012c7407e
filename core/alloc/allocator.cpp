// The calls: malloc, calloc, realloc and free, with placement, splitting, immediate coalescing
// and heap growth shared by every policy. Heap organisation, from the heap start:
//
//   +------------+---------+----------+----------+-------------+----- ... -----+----------+
//   | root area  | padding | prologue | prologue | first block |    blocks     | epilogue |
//   | list heads |         |  header  |  footer  |   header    |               |  header  |
//   +------------+---------+----------+----------+-------------+----- ... -----+----------+
//                                                ^ first_block                  ^ brk - word
//
// The prologue (an allocated block of two words) and the epilogue (an allocated header of size
// 0) spare every boundary case: each real block has an allocated neighbour on both sides at worst.
#include "alloc/allocator.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <vector>

#include "alloc/allocator_state.h"
#include "support/format.h"

namespace memviz::alloc {
namespace {

using Kind = AllocEvent::Kind;
using Log = std::vector<AllocEvent>*;

// CS:APP's CHUNKSIZE: the textbook allocator always grows the heap by at least this.
constexpr std::uint64_t kTextbookChunk = 4096;

void note(Log log, Kind kind, Addr block, std::uint64_t size, Addr other = 0, std::uint64_t other_size = 0) {
    if (log != nullptr) log->push_back({kind, block, size, other, other_size});
}

// The block size that serves a request of `bytes`, or 0 when no block can be that large.
std::uint64_t block_size_for(const BlockFormat& f, std::uint64_t bytes) {
    if (bytes > f.max_block - f.overhead() - f.alignment) return 0;
    return std::max(f.min_block, f.align_up(bytes + f.overhead()));
}

// Merges the free `block` (tags written, not in any list) with its free neighbours. Returns the
// merged block, still in no list. The tags that end up inside the merged block were bookkeeping
// for freed memory: they become Freed bytes.
Addr coalesce(Allocator::State& s, Log log, Addr block) {
    HeapView& heap = s.heap;
    AddressSpace& memory = heap.memory();
    const unsigned word = s.format.word;
    const bool prev_allocated = heap.prev_allocated(block);
    std::uint64_t size = heap.size(block);
    auto retire = [&](Addr absorbed) {
        // The absorbed block's header and its left neighbour's footer, and its list links.
        memory.set_shadow(absorbed - word, 2 * word, Shadow::Freed);
        if (s.format.links) memory.set_shadow(heap.payload(absorbed), 2 * s.format.link, Shadow::Freed);
    };

    const Addr next = block + size;
    if (!heap.allocated(next)) {
        const std::uint64_t next_size = heap.size(next);
        s.policy->remove(heap, next);
        retire(next);
        size += next_size;
        note(log, Kind::Coalesced, block, size, next, next_size);
    }
    if (!prev_allocated) {
        const Addr prev = heap.prev(block);
        const std::uint64_t prev_size = heap.size(prev);
        s.policy->remove(heap, prev);
        retire(block);
        size += prev_size;
        note(log, Kind::Coalesced, prev, size, block, size - prev_size);
        block = prev;
    }
    heap.write_tags(block, size, false, heap.prev_allocated(block));
    s.policy->merged(heap, block, size);
    return block;
}

// Grows the heap by at least `bytes` (rounded to the alignment, at least a minimum block) and returns the free block at its
// end, merged with a free last block and entered in the policy's lists.
std::optional<Addr> extend(Allocator::State& s, Log log, std::uint64_t bytes) {
    HeapView& heap = s.heap;
    AddressSpace& memory = heap.memory();
    // Never less than a minimum block: the new space may have no free neighbour to merge with,
    // and a smaller free block could not hold its links and footer.
    bytes = std::max(s.format.align_up(bytes), s.format.min_block);
    const Addr old_epilogue = s.epilogue();
    const bool prev_allocated = heap.prev_allocated(old_epilogue);
    // sbrk takes a signed increment: a request past its range (malloc(SIZE_MAX - 50) in LP64)
    // must fail here, not wrap into a negative one that shrinks the heap.
    const bool too_large = bytes > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (too_large || !memory.sbrk(static_cast<std::int64_t>(bytes)).ok()) {
        note(log, Kind::OutOfMemory, memory.brk(), bytes);
        return std::nullopt;
    }
    s.peak_heap = std::max(s.peak_heap, memory.brk() - memory.heap_start());
    // The old epilogue header becomes the new block's header; a new epilogue ends the heap.
    heap.write_tags(old_epilogue, bytes, false, prev_allocated);
    memory.write_word(old_epilogue + bytes, s.format.word, 1, Shadow::Metadata);
    note(log, Kind::Grew, old_epilogue, bytes);
    const Addr block = coalesce(s, log, old_epilogue);
    s.policy->insert(heap, block);
    return block;
}

// Allocates `size` bytes of the free `block` (in the lists), splitting off a large enough
// remainder as a new free block.
void place(Allocator::State& s, const AllocatorConfig& config, Log log, Addr block, std::uint64_t size) {
    HeapView& heap = s.heap;
    s.policy->remove(heap, block);
    const std::uint64_t have = heap.size(block);
    const bool prev_allocated = heap.prev_allocated(block);
    note(log, Kind::Chosen, block, have);
    if (have - size >= s.format.min_block + config.split_threshold) {
        heap.write_tags(block, size, true, prev_allocated);
        const Addr rest = block + size;
        heap.write_tags(rest, have - size, false, true);
        s.policy->insert(heap, rest);
        note(log, Kind::Split, block, size, rest, have - size);
    } else {
        heap.write_tags(block, have, true, prev_allocated);
        heap.set_prev_allocated(block + have, true);
    }
}

// Marks a live payload's bytes: the request uninitialized, the rest of the block padding.
void mark_payload(Allocator::State& s, Addr block, std::uint64_t requested) {
    AddressSpace& memory = s.heap.memory();
    const Addr payload = s.heap.payload(block);
    const std::uint64_t capacity = s.heap.payload_capacity(block);
    memory.set_shadow(payload, requested, Shadow::Uninitialized);
    memory.set_shadow(payload + requested, capacity - requested, Shadow::Unallocated);
}

void remember_live(Allocator::State& s, Addr block, Addr payload, std::uint64_t requested, Site site) {
    s.live.set(payload, {requested, site});
    s.reuse(block, s.heap.size(block));
    s.live_payload += requested;
    s.peak_payload = std::max(s.peak_payload, s.live_payload);
}

// Copies `count` bytes between payloads, keeping each byte's initialized-or-not state.
void copy_payload(AddressSpace& memory, Addr to, Addr from, std::uint64_t count) {
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(count));
    memory.read(from, bytes);
    memory.write(to, bytes, Shadow::Initialized);
    for (std::uint64_t i = 0; i < count; ++i) {
        const Shadow state = memory.shadow(from + i);
        if (state != Shadow::Initialized) memory.set_shadow(to + i, 1, state);
    }
}

}  // namespace

std::string_view name(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::DoubleFree: return "double free";
        case ErrorKind::InvalidFree: return "invalid free";
        case ErrorKind::InvalidRealloc: return "invalid realloc";
    }
    return "?";
}

Allocator::Allocator(AddressSpace& memory, AllocatorConfig config)
    : m_memory(memory),
      m_config(config),
      m_state(std::make_unique<State>(memory, format_for(config.policy, memory.data_model()),
                                      make_policy(config.policy))) {
    State& s = *m_state;
    const BlockFormat& f = s.format;
    const Addr start = memory.brk();
    s.root = start;
    // The first block's payload must be aligned, with room for the prologue before its header.
    Addr first = start + s.policy->root_bytes(f) + 2 * f.word;
    while ((first + f.word) % f.alignment != 0) first += f.word;
    s.first_block = first;

    const Addr end = first + f.word;  // just past the epilogue header
    if (!memory.sbrk(static_cast<std::int64_t>(end - start)).ok()) return;  // no room: every malloc fails
    memory.set_shadow(start, end - start, Shadow::Metadata);
    // The prologue: header and footer, both always present, so the first block's left
    // neighbour reads as allocated whichever way a policy asks.
    const std::uint64_t prologue = 2 * f.word | 1u | (f.prev_bit ? 2u : 0u);
    memory.write_word(first - 2 * f.word, f.word, prologue, Shadow::Metadata);
    memory.write_word(first - f.word, f.word, prologue, Shadow::Metadata);
    memory.write_word(first, f.word, 1u | (f.prev_bit ? 2u : 0u), Shadow::Metadata);  // epilogue
    s.policy->init(s.heap, s.root, s.first_block);
    s.peak_heap = memory.brk() - memory.heap_start();
    // CS:APP's mm_init extends the empty heap by CHUNKSIZE bytes at once.
    if (config.policy == PolicyKind::Textbook) extend(s, nullptr, kTextbookChunk);
}

Allocator::~Allocator() = default;

std::shared_ptr<const Allocator::Saved> Allocator::save() const {
    State& s = *m_state;
    auto saved = std::make_shared<Saved>();
    saved->live = s.live;  // shares every page: the allocator copies a page when it next writes it
    saved->freed = s.freed;
    saved->freed_reach = s.freed_reach;
    const Saved* last = s.last_saved.get();
    saved->new_bytes = sizeof(Saved) + saved->live.unshared_bytes(last != nullptr ? &last->live : nullptr) +
                       saved->freed.unshared_bytes(last != nullptr ? &last->freed : nullptr);
    saved->live_payload = s.live_payload;
    saved->peak_payload = s.peak_payload;
    saved->peak_heap = s.peak_heap;
    saved->calls = s.calls;
    saved->examined = s.examined;
    s.last_saved = saved;
    return saved;
}

bool Allocator::same(const Saved& a, const Saved& b) {
    return a.live == b.live && a.freed == b.freed && a.live_payload == b.live_payload &&
           a.peak_payload == b.peak_payload && a.peak_heap == b.peak_heap && a.calls == b.calls && a.examined == b.examined;
}

std::uint64_t Allocator::host_bytes(const Saved& saved) { return saved.new_bytes; }

std::uint64_t Allocator::whole_host_bytes(const Saved& saved) {
    return sizeof(Saved) + saved.live.unshared_bytes(nullptr) + saved.freed.unshared_bytes(nullptr);
}

std::uint64_t Allocator::unsaved_host_bytes() const {
    const State& s = *m_state;
    const Saved* last = s.last_saved.get();
    return sizeof(State) + s.live.unshared_bytes(last != nullptr ? &last->live : nullptr) +
           s.freed.unshared_bytes(last != nullptr ? &last->freed : nullptr);
}

void Allocator::restore(const std::shared_ptr<const Saved>& saved_pointer) {
    State& s = *m_state;
    const Saved& saved = *saved_pointer;
    s.live = saved.live;
    s.freed = saved.freed;
    s.freed_reach = saved.freed_reach;
    s.live_payload = saved.live_payload;
    s.peak_payload = saved.peak_payload;
    s.peak_heap = saved.peak_heap;
    s.calls = saved.calls;
    s.examined = saved.examined;
    s.last_saved = saved_pointer;
}

unsigned Allocator::alignment() const { return m_state->format.alignment; }

std::optional<Addr> Allocator::malloc(std::uint64_t size, Site site) {
    State& s = *m_state;
    ++s.calls;
    if (s.first_block + s.format.word > m_memory.brk()) return std::nullopt;  // the heap never started
    // CS:APP's mm_malloc: "Ignore spurious requests".
    if (size == 0 && m_config.policy == PolicyKind::Textbook) return std::nullopt;
    const std::uint64_t block_size = block_size_for(s.format, size);
    if (block_size == 0) {
        note(m_events, Kind::OutOfMemory, m_memory.brk(), size);
        return std::nullopt;
    }

    Policy::Search search{m_events};
    std::optional<Addr> block = s.policy->find_fit(s.heap, block_size, search);
    s.examined += search.examined;
    if (!block) {
        std::uint64_t grow = block_size;
        if (m_config.policy == PolicyKind::Textbook) {
            grow = std::max(block_size, kTextbookChunk);
        } else {
            // A free block at the end of the heap is extended rather than left behind.
            const Addr epilogue = s.epilogue();
            if (!s.heap.prev_allocated(epilogue)) grow -= std::min(grow, s.heap.size(s.heap.prev(epilogue)));
            grow = std::max(grow, m_config.grow_bytes);
        }
        block = extend(s, m_events, grow);
        if (!block) return std::nullopt;
    }
    place(s, m_config, m_events, *block, block_size);
    mark_payload(s, *block, size);
    const Addr payload = s.heap.payload(*block);
    remember_live(s, *block, payload, size, site);
    note(m_events, Kind::Allocated, *block, s.heap.size(*block));
    return payload;
}

std::optional<Addr> Allocator::calloc(std::uint64_t count, std::uint64_t size, Site site) {
    if (size != 0 && count > std::numeric_limits<std::uint64_t>::max() / size) {
        ++m_state->calls;
        note(m_events, Kind::OutOfMemory, m_memory.brk(), 0);
        return std::nullopt;  // count * size overflows: calloc fails, as C requires
    }
    auto payload = malloc(count * size, site);
    if (payload) m_memory.fill(*payload, count * size, 0, Shadow::Initialized);
    return payload;
}

std::optional<AllocError> Allocator::free(Addr payload, Site site) {
    State& s = *m_state;
    ++s.calls;
    if (payload == 0) return std::nullopt;  // free(NULL) does nothing
    if (auto error = validate(payload, ErrorKind::InvalidFree)) return error;

    HeapView& heap = s.heap;
    const Addr block = heap.block_of(payload);
    const std::uint64_t size = heap.size(block);
    m_memory.set_shadow(payload, heap.payload_capacity(block), Shadow::Freed);
    heap.write_tags(block, size, false, heap.prev_allocated(block));
    heap.set_prev_allocated(block + size, false);
    note(m_events, Kind::Freed, block, size);
    const Addr merged = coalesce(s, m_events, block);
    s.policy->insert(heap, merged);

    const State::Live live = *s.live.find(payload);
    s.live.erase(payload);
    s.live_payload -= live.requested;
    s.set_freed(payload, {live.requested, live.site, site});
    return std::nullopt;
}

Allocator::ReallocResult Allocator::realloc(Addr payload, std::uint64_t size, Site site) {
    State& s = *m_state;
    if (payload == 0) return {malloc(size, site), std::nullopt};
    if (auto error = validate(payload, ErrorKind::InvalidRealloc)) {
        ++s.calls;
        return {std::nullopt, error};
    }
    if (size == 0) {
        free(payload, site);
        return {std::nullopt, std::nullopt};
    }
    HeapView& heap = s.heap;
    const Addr block = heap.block_of(payload);
    const State::Live old = *s.live.find(payload);  // validated: it is live
    const std::uint64_t old_requested = old.requested;

    if (m_config.policy != PolicyKind::Textbook) {
        ++s.calls;
        const std::uint64_t needed = block_size_for(s.format, size);
        if (needed == 0) return {std::nullopt, std::nullopt};
        std::uint64_t have = heap.size(block);
        if (needed > have) {
            // Grow in place: into a free next block, and by extending the heap when this block
            // (with that free neighbour) is the last one.
            const Addr next = block + have;
            std::uint64_t next_free = heap.allocated(next) ? 0 : heap.size(next);
            const bool last = heap.size(next + next_free) == 0;
            if (have + next_free < needed && last) {
                if (!extend(s, m_events, std::max(needed - have - next_free, m_config.grow_bytes))) {
                    return {std::nullopt, std::nullopt};
                }
                next_free = heap.size(next);  // the new space merged with any free neighbour
            }
            if (next_free > 0 && have + next_free >= needed) {
                s.policy->remove(heap, next);
                have += next_free;
                heap.write_tags(block, have, true, heap.prev_allocated(block));
                heap.set_prev_allocated(block + have, true);
                s.policy->merged(heap, block, have);
            }
        }
        if (needed <= have) {
            // Shrink (or keep) in place; a large enough tail goes back as a free block.
            if (have - needed >= s.format.min_block + m_config.split_threshold) {
                heap.write_tags(block, needed, true, heap.prev_allocated(block));
                const Addr rest = block + needed;
                heap.write_tags(rest, have - needed, false, true);
                heap.set_prev_allocated(rest + (have - needed), false);
                s.policy->insert(heap, coalesce(s, m_events, rest));
            }
            const std::uint64_t kept = std::min(old_requested, size);
            if (size > old_requested) m_memory.set_shadow(payload + kept, size - kept, Shadow::Uninitialized);
            m_memory.set_shadow(payload + size, heap.payload_capacity(block) - size, Shadow::Unallocated);
            s.live_payload = s.live_payload - old_requested + size;
            s.peak_payload = std::max(s.peak_payload, s.live_payload);
            s.live.set(payload, {size, old.site});
            s.reuse(block, heap.size(block));
            note(m_events, Kind::InPlace, block, heap.size(block));
            return {payload, std::nullopt};
        }
        --s.calls;  // the malloc and free below count as this call
    }

    // Move: malloc, copy, free (the textbook's only way).
    const auto moved = malloc(size, site);
    if (!moved) return {std::nullopt, std::nullopt};  // NULL, and the old block stays valid
    const std::uint64_t copied = std::min(old_requested, size);
    copy_payload(m_memory, *moved, payload, copied);
    note(m_events, Kind::Copied, heap.block_of(*moved), copied, block);
    free(payload, site);
    s.calls -= 1;
    return {moved, std::nullopt};
}

}  // namespace memviz::alloc
