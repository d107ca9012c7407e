#include "history/memory_image.h"

#include <algorithm>

namespace memviz::history {
namespace {

// The writable storage ranges [first, end) as chunks are cut from them: data, heap, stack.
std::vector<std::pair<Addr, Addr>> storage_ranges(const AddressSpace& memory) {
    const Segment& data = memory.layout().segment(SegmentKind::Data);
    return {{data.first, data.last + 1}, {memory.heap_start(), memory.brk()}, {memory.stack_low(), memory.stack_top()}};
}

}  // namespace

std::shared_ptr<const Chunk> MemoryTracker::copy_chunk(Addr first, std::size_t size) {
    m_bytes.resize(size);
    m_shadow.resize(size);
    m_memory.copy_out(first, m_bytes, m_shadow);
    auto chunk = std::make_shared<Chunk>();
    chunk->size = static_cast<std::uint32_t>(size);
    if (std::any_of(m_bytes.begin(), m_bytes.end(), [](std::uint8_t b) { return b != 0; })) chunk->bytes = m_bytes;
    std::vector<ShadowRun> runs;
    for (std::size_t at = 0; at < size;) {
        std::size_t end = at + 1;
        while (end < size && m_shadow[end] == m_shadow[at]) ++end;
        runs.push_back({static_cast<std::uint16_t>(end - at), m_shadow[at]});
        at = end;
    }
    chunk->shadow.assign(runs.begin(), runs.end());  // exactly sized: many chunks are kept
    return chunk;
}

void MemoryTracker::put_chunk(Addr first, const Chunk& chunk) {
    m_bytes.assign(chunk.size, 0);
    if (!chunk.bytes.empty()) std::copy(chunk.bytes.begin(), chunk.bytes.end(), m_bytes.begin());
    m_shadow.clear();
    for (const ShadowRun& run : chunk.shadow) m_shadow.insert(m_shadow.end(), run.length, run.shadow);
    m_memory.copy_in(first, m_bytes, m_shadow);
}

MemoryTracker::MemoryTracker(AddressSpace& memory) : m_memory(memory) {
    auto init = [&](Marks& marks, SegmentKind kind) {
        const Segment& segment = memory.layout().segment(kind);
        marks.first = segment.first;
        marks.dirty.assign(static_cast<std::size_t>((segment.size() + kChunkBytes - 1) / kChunkBytes), 1);
    };
    init(m_data, SegmentKind::Data);
    init(m_heap, SegmentKind::Heap);
    init(m_stack, SegmentKind::Stack);
    m_memory.set_observer(this);
}

MemoryTracker::~MemoryTracker() { m_memory.set_observer(nullptr); }

MemoryTracker::Marks* MemoryTracker::marks_for(Addr address) {
    auto holds = [address](const Marks* marks) {
        return address >= marks->first && (address - marks->first) / kChunkBytes < marks->dirty.size();
    };
    // Writes come in runs to one segment (a loop over an array, a call's frame): try the last first.
    if (holds(m_last)) return m_last;
    for (Marks* marks : {&m_stack, &m_heap, &m_data}) {
        if (holds(marks)) return m_last = marks;
    }
    return nullptr;
}

void MemoryTracker::before_change(Addr first, std::span<const std::uint8_t> old_bytes, std::span<const Shadow> old_shadow) {
    if (old_bytes.empty()) return;
    if (m_listener != nullptr) m_listener->before_change(first, old_bytes, old_shadow);
    Marks* marks = marks_for(first);
    if (marks == nullptr) return;  // the code segment, written only while loading
    const std::size_t from = static_cast<std::size_t>((first - marks->first) / kChunkBytes);
    const std::size_t to = std::min(marks->dirty.size() - 1,
                                    static_cast<std::size_t>((first + old_bytes.size() - 1 - marks->first) / kChunkBytes));
    for (std::size_t chunk = from; chunk <= to; ++chunk) marks->dirty[chunk] = 1;
}

bool MemoryTracker::is_dirty(Addr chunk_first) {
    Marks* marks = marks_for(chunk_first);
    return marks == nullptr || marks->dirty[static_cast<std::size_t>((chunk_first - marks->first) / kChunkBytes)] != 0;
}

void MemoryTracker::clear_marks() {
    for (Marks* marks : {&m_data, &m_heap, &m_stack}) std::fill(marks->dirty.begin(), marks->dirty.end(), 0);
}

std::shared_ptr<const MemoryImage> MemoryTracker::save() {
    auto image = std::make_shared<MemoryImage>();
    image->brk = m_memory.brk();
    image->stack_low = m_memory.stack_low();
    const auto* base = m_base ? &m_base->chunks : nullptr;
    std::size_t at = 0;  // walks the base image alongside: both are in address order
    for (const auto& [first, end] : storage_ranges(m_memory)) {
        for (Addr chunk = first; chunk < end; chunk += kChunkBytes) {
            const std::size_t size = static_cast<std::size_t>(std::min<Addr>(kChunkBytes, end - chunk));
            while (base != nullptr && at < base->size() && (*base)[at].first < chunk) ++at;
            if (base != nullptr && at < base->size() && (*base)[at].first == chunk &&
                (*base)[at].second->size == size && !is_dirty(chunk)) {
                image->chunks.emplace_back(chunk, (*base)[at].second);
                continue;
            }
            auto copy = copy_chunk(chunk, size);
            image->new_bytes += copy->host_bytes();
            image->chunks.emplace_back(chunk, std::move(copy));
        }
    }
    clear_marks();
    m_base = image;
    return image;
}

void MemoryTracker::restore(const std::shared_ptr<const MemoryImage>& image) {
    m_memory.set_storage(image->brk, image->stack_low);
    const auto* base = m_base ? &m_base->chunks : nullptr;
    std::size_t at = 0;
    for (const auto& [chunk, content] : image->chunks) {
        while (base != nullptr && at < base->size() && (*base)[at].first < chunk) ++at;
        const bool same = base != nullptr && at < base->size() && (*base)[at].first == chunk &&
                          (*base)[at].second == content && !is_dirty(chunk);
        if (!same) put_chunk(chunk, *content);
    }
    clear_marks();
    m_base = image;
}

}  // namespace memviz::history
