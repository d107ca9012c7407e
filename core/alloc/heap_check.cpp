// Reading the heap back: validation of pointers passed to free and realloc, snapshots for the
// views, metrics, and heap_check, which recomputes every invariant from the bytes.
#include <algorithm>
#include <set>
#include <string>

#include "alloc/allocator.h"
#include "alloc/allocator_state.h"
#include "support/format.h"

namespace memviz::alloc {
namespace {

// Visits every block from the first to the epilogue, at most one per minimum-size block of the
// heap so that corrupted sizes cannot loop forever. Stops when `visit` returns false.
template <class Visit>
void for_each_block(const Allocator::State& s, Visit&& visit) {
    const HeapView& heap = s.heap;
    const Addr end = heap.memory().brk();
    std::uint64_t budget = (end - heap.memory().heap_start()) / s.format.min_block + 2;
    for (Addr block = s.first_block; block + s.format.word <= end && budget-- > 0;) {
        const std::uint64_t size = heap.size(block);
        if (size == 0 || !visit(block, size)) return;
        block += size;
    }
}

}  // namespace

namespace {

// The block whose header is at `block`, `size` bytes long, as the views see it.
Block block_at(const Allocator::State& s, Addr block, std::uint64_t size) {
    const bool allocated = s.heap.allocated(block);
    const Addr payload = s.heap.payload(block);
    const auto* live = allocated ? s.live.find(payload) : nullptr;
    return Block{block, size, payload, size - (allocated ? s.format.overhead() : s.format.word),
                 live != nullptr ? live->requested : 0,
                 allocated ? BlockState::Allocated : BlockState::Free, s.heap.has_footer(block),
                 live != nullptr ? live->site : 0};
}

}  // namespace

std::optional<Block> Allocator::block_containing(Addr address) const {
    const State& s = *m_state;
    // Most addresses asked about are inside live blocks: the live payload at or before the
    // address names its block at once, where the walk below reads every header before it.
    const Addr heap_start = m_memory.heap_start();
    const Addr end = m_memory.brk();
    if (address >= heap_start && address < end) {
        if (const auto* live = s.live.at_or_before(address, address - heap_start); live != nullptr) {
            const Addr block = s.heap.block_of(live->first);
            const std::uint64_t size = s.heap.size(block);
            if (s.heap.allocated(block) && size >= s.format.min_block && block + size <= end && address >= block &&
                address < block + size) {
                return block_at(s, block, size);
            }
        }
    }
    std::optional<Block> found;
    for_each_block(s, [&](Addr block, std::uint64_t size) {
        if (address < block || address >= block + size) return true;
        found = block_at(s, block, size);
        return false;
    });
    return found;
}

std::vector<std::pair<Addr, std::uint64_t>> Allocator::live_payloads() const {
    std::vector<std::pair<Addr, std::uint64_t>> out;
    out.reserve(m_state->live.size());
    m_state->live.for_each([&](Addr payload, const State::Live& live) { out.emplace_back(payload, live.requested); });
    return out;
}

std::vector<Block> Allocator::blocks() const {
    std::vector<Block> out;
    for_each_block(*m_state, [&](Addr block, std::uint64_t size) {
        out.push_back(block_at(*m_state, block, size));
        return true;
    });
    return out;
}

std::optional<Allocator::FreedBlock> Allocator::freed_block_containing(Addr address) const {
    const auto* entry = m_state->freed_holding(address);
    if (entry == nullptr) return std::nullopt;
    const auto& [payload, info] = *entry;
    return FreedBlock{payload, info.requested, info.allocated_at, info.freed_at};
}

std::vector<std::vector<Addr>> Allocator::free_lists() const { return m_state->policy->lists(m_state->heap); }

std::optional<AllocError> Allocator::validate(Addr payload, ErrorKind kind) const {
    const State& s = *m_state;
    if (s.live.contains(payload)) return std::nullopt;
    const char* verb = kind == ErrorKind::InvalidRealloc ? "realloc" : "free";
    const std::string pointer = hex_address(payload);
    AllocError error{kind, payload, "", std::nullopt, 0, 0};

    if (const auto* freed = s.freed.find(payload); freed != nullptr) {
        error.kind = kind == ErrorKind::InvalidFree ? ErrorKind::DoubleFree : kind;
        error.allocated_at = freed->allocated_at;
        error.freed_at = freed->freed_at;
        error.block = block_containing(payload);
        error.message = std::string(verb) + "(" + pointer + "): this block was already freed; " +
                        "once freed, a pointer must not be freed or used again";
        return error;
    }
    const Segment* segment = m_memory.layout().segment_of(payload);
    const SegmentKind where = segment != nullptr ? segment->kind : SegmentKind::OsReserved;
    if (where == SegmentKind::Heap && payload < m_memory.brk()) {
        error.block = block_containing(payload);
        if (error.block && error.block->state == BlockState::Allocated) {
            error.message = std::string(verb) + "(" + pointer + "): the pointer is " +
                            std::to_string(payload - error.block->payload) + " bytes into the block at " +
                            hex_address(error.block->payload) + ", not its start; only a pointer that " +
                            "malloc returned may be passed";
        } else {
            error.message = std::string(verb) + "(" + pointer + "): the pointer is inside free heap " +
                            "memory, not a block that malloc returned";
        }
    } else if (where == SegmentKind::Stack) {
        error.message = std::string(verb) + "(" + pointer + "): the pointer is on the stack (a local " +
                        "variable's address); only memory from malloc may be freed";
    } else if (where == SegmentKind::Data) {
        error.message = std::string(verb) + "(" + pointer + "): the pointer is a global or static " +
                        "variable's address; only memory from malloc may be freed";
    } else if (where == SegmentKind::Code) {
        error.message = std::string(verb) + "(" + pointer + "): the pointer is into the code segment " +
                        "(a string literal or a function); only memory from malloc may be freed";
    } else {
        error.message = std::string(verb) + "(" + pointer + "): the pointer does not point to memory " +
                        "malloc returned (an uninitialized or corrupted pointer?)";
    }
    return error;
}

Metrics Allocator::metrics() const {
    const State& s = *m_state;
    Metrics m;
    m.heap_bytes = m_memory.brk() - m_memory.heap_start();
    m.peak_heap_bytes = s.peak_heap;
    m.live_payload = s.live_payload;
    m.peak_payload = s.peak_payload;
    m.calls = s.calls;
    m.blocks_examined = s.examined;
    if (m.heap_bytes > 0) {
        m.utilization = static_cast<double>(m.live_payload) / static_cast<double>(m.heap_bytes);
        m.peak_utilization = static_cast<double>(m.peak_payload) / static_cast<double>(s.peak_heap);
    }
    for_each_block(s, [&](Addr block, std::uint64_t size) {
        if (s.heap.allocated(block)) {
            const auto* live = s.live.find(s.heap.payload(block));
            if (live != nullptr) m.internal_fragmentation += size - live->requested;
        } else {
            ++m.free_blocks;
            m.free_bytes += size;
            m.largest_free = std::max(m.largest_free, size);
        }
        return true;
    });
    if (m.free_bytes > 0) {
        m.external_fragmentation = 1.0 - static_cast<double>(m.largest_free) / static_cast<double>(m.free_bytes);
    }
    return m;
}

std::vector<std::string> Allocator::heap_check() const {
    const State& s = *m_state;
    const HeapView& heap = s.heap;
    const BlockFormat& f = s.format;
    std::vector<std::string> problems;
    auto problem = [&](Addr block, const std::string& what) {
        if (problems.size() < 50) problems.push_back("block " + hex_address(block) + ": " + what);
    };

    const Addr prologue = s.first_block - 2 * f.word;
    if (heap.size(prologue) != 2 * f.word || !heap.allocated(prologue) ||
        heap.tag(prologue) != heap.tag(prologue + f.word)) {
        problem(prologue, "the prologue is damaged");
    }

    std::vector<Addr> free_blocks;  // in address order, as the walk finds them
    std::size_t live_seen = 0;
    bool previous_allocated = true;  // the prologue
    Addr block = s.first_block;
    const Addr end = m_memory.brk();
    for_each_block(s, [&](Addr at, std::uint64_t size) {
        const std::uint64_t header = heap.tag(at);
        const bool allocated = (header & 1) != 0;
        if (at + size > end - f.word) problem(at, "size " + std::to_string(size) + " runs past the epilogue");
        if (size % f.alignment != 0) problem(at, "size " + std::to_string(size) + " is not a multiple of the alignment");
        if (size < f.min_block) problem(at, "size " + std::to_string(size) + " is below the minimum block");
        if (heap.payload(at) % f.alignment != 0) problem(at, "payload is not aligned");
        if (f.prev_bit && ((header & 2) != 0) != previous_allocated) problem(at, "prev_allocated bit is wrong");
        const bool has_footer = !allocated || f.footer_when_allocated;
        if (has_footer && at + size <= end - f.word && heap.tag(at + size - f.word) != header) {
            problem(at, "footer does not match header");
        }
        if (m_memory.shadow(at) != Shadow::Metadata) problem(at, "header bytes are not marked as allocator metadata");
        if (allocated) {
            if (const auto* live = s.live.find(heap.payload(at)); live != nullptr) {
                ++live_seen;
                if (live->requested > size - f.overhead()) problem(at, "holds less than was requested");
            } else {
                problem(at, "is allocated but malloc never returned its payload");
            }
        } else {
            if (!previous_allocated) problem(at, "two adjacent free blocks were not coalesced");
            free_blocks.push_back(at);
        }
        previous_allocated = allocated;
        block = at + size;
        return true;
    });
    if (block != end - f.word) {
        problem(block, "the block sequence does not end at the epilogue (brk - " + std::to_string(f.word) + ")");
    } else if (heap.size(block) != 0 || !heap.allocated(block)) {
        problem(block, "the epilogue is damaged");
    } else if (f.prev_bit && heap.prev_allocated(block) != previous_allocated) {
        problem(block, "the epilogue's prev_allocated bit is wrong");
    }
    if (live_seen != s.live.size()) {
        problems.push_back(std::to_string(s.live.size() - live_seen) + " live blocks are missing from the heap");
    }

    const auto lists = s.policy->lists(heap);
    if (f.links) {
        auto is_free_block = [&](Addr at) { return std::binary_search(free_blocks.begin(), free_blocks.end(), at); };
        std::set<Addr> listed;
        for (std::size_t index = 0; index < lists.size(); ++index) {
            Addr previous = 0;
            for (Addr member : lists[index]) {
                if (!is_free_block(member)) problem(member, "is in a free list but is not a free block");
                if (!listed.insert(member).second) problem(member, "is in the free lists twice");
                if (heap.pred(member) != previous) problem(member, "pred link does not point to the previous list entry");
                if (m_config.policy == PolicyKind::ExplicitAddress && previous != 0 && previous > member) {
                    problem(member, "the address-ordered list is out of order");
                }
                if (m_config.policy == PolicyKind::Segregated && previous != 0 && heap.size(previous) > heap.size(member)) {
                    problem(member, "the size class list is out of size order");
                }
                previous = member;
            }
        }
        for (Addr free_block : free_blocks) {
            if (!listed.contains(free_block)) problem(free_block, "is free but in no free list");
        }
    }
    return problems;
}

}  // namespace memviz::alloc
