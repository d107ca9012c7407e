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
    for (Marks* marks : {&m_stack, &m_heap, &m_data}) {
        if (address >= marks->first && (address - marks->first) / kChunkBytes < marks->dirty.size()) return marks;
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
                (*base)[at].second->bytes.size() == size && !is_dirty(chunk)) {
                image->chunks.emplace_back(chunk, (*base)[at].second);
                continue;
            }
            auto copy = std::make_shared<Chunk>();
            copy->bytes.resize(size);
            copy->shadow.resize(size);
            m_memory.copy_out(chunk, copy->bytes, copy->shadow);
            image->new_bytes += size * (1 + sizeof(Shadow)) + sizeof(Chunk);
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
        if (!same) m_memory.copy_in(chunk, content->bytes, content->shadow);
    }
    clear_marks();
    m_base = image;
}

}  // namespace memviz::history
