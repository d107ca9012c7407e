#include "mem/address_space.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "support/format.h"

namespace memviz {

std::string_view name(Shadow shadow) {
    switch (shadow) {
        case Shadow::Unallocated: return "unallocated";
        case Shadow::Metadata: return "allocator metadata";
        case Shadow::Uninitialized: return "uninitialized";
        case Shadow::Initialized: return "initialized";
        case Shadow::Freed: return "freed";
        case Shadow::PoppedFrame: return "popped stack frame";
    }
    return "?";
}

std::string_view name(FaultKind kind) {
    switch (kind) {
        case FaultKind::NullArea: return "null area";
        case FaultKind::ReadOnly: return "read-only memory";
        case FaultKind::NotExecutable: return "not executable";
        case FaultKind::BeyondBreak: return "beyond the heap's break";
        case FaultKind::BeyondStackLimit: return "beyond the stack limit";
        case FaultKind::Unmapped: return "unmapped";
        case FaultKind::OsReserved: return "OS reserved";
        case FaultKind::OutsideAddressSpace: return "outside the address space";
    }
    return "?";
}

std::string Fault::describe() const {
    static constexpr const char* kVerbs[] = {"read of", "write to", "jump to"};
    std::string text = std::string(kVerbs[static_cast<int>(access)]) + " " + hex_address(address);
    switch (kind) {
        case FaultKind::NullArea: return text + " in the reserved area near address 0 (a NULL pointer?)";
        case FaultKind::ReadOnly: return text + " in the code segment, which is read-only";
        case FaultKind::NotExecutable: return text + ", which holds data, not code";
        case FaultKind::BeyondBreak: return text + " in the heap segment above the break: no block is there";
        case FaultKind::BeyondStackLimit: return text + " below the stack's limit (stack overflow)";
        case FaultKind::Unmapped: return text + " in the unmapped gap between heap and stack";
        case FaultKind::OsReserved: return text + " in memory reserved for the operating system";
        case FaultKind::OutsideAddressSpace: return text + ", beyond the highest address of this data model";
    }
    return text;
}

AddressSpace::AddressSpace(Layout layout) : m_layout(std::move(layout)) {
    auto whole = [](Region& region, const Segment& segment, Shadow state) {
        region.first = segment.first;
        region.bytes.assign(static_cast<std::size_t>(segment.size()), 0);
        region.shadow.assign(static_cast<std::size_t>(segment.size()), state);
    };
    // Code and data start zero-filled and initialized, like .bss; the loader writes them.
    whole(m_code, m_layout.segment(SegmentKind::Code), Shadow::Initialized);
    whole(m_data, m_layout.segment(SegmentKind::Data), Shadow::Initialized);
    m_heap.first = heap_start();
    m_break = heap_start();
    m_stack.first = stack_top();
}

const AddressSpace::Region* AddressSpace::region_at(Addr address) const {
    for (const Region* region : std::array<const Region*, 4>{&m_heap, &m_stack, &m_data, &m_code}) {
        if (address >= region->first && address - region->first < region->bytes.size()) return region;
    }
    const Segment& stack = m_layout.segment(SegmentKind::Stack);
    if (stack.contains(address)) {
        grow_stack_down_to(address);
        return &m_stack;
    }
    return nullptr;
}

void AddressSpace::grow_stack_down_to(Addr address) const {
    // Grow by at least the current size (and whole pages) so that a deepening recursion costs
    // amortized constant time per byte.
    const Addr lowest = m_layout.segment(SegmentKind::Stack).first;
    const std::uint64_t have = m_stack.bytes.size();
    const std::uint64_t need = m_stack.first - (address & ~(kPageSize - 1));
    const std::uint64_t grow_to = std::min<std::uint64_t>(std::max(need, have * 2), stack_top() - lowest);
    const std::size_t added = static_cast<std::size_t>(grow_to - have);
    // Exactly: insert's own growth could double past the stack's limit.
    m_stack.bytes.reserve(static_cast<std::size_t>(grow_to));
    m_stack.shadow.reserve(static_cast<std::size_t>(grow_to));
    m_stack.bytes.insert(m_stack.bytes.begin(), added, 0);
    m_stack.shadow.insert(m_stack.shadow.begin(), added, Shadow::Unallocated);
    m_stack.first -= added;
}

std::optional<Fault> AddressSpace::fault_at(Addr address, Access access) const {
    const Segment* segment = m_layout.segment_of(address);
    if (segment == nullptr) return Fault{FaultKind::OutsideAddressSpace, address, access, std::nullopt};
    auto fault = [&](FaultKind kind) { return Fault{kind, address, access, segment->kind}; };
    switch (segment->kind) {
        case SegmentKind::Reserved: return fault(FaultKind::NullArea);
        case SegmentKind::OsReserved: return fault(FaultKind::OsReserved);
        case SegmentKind::Gap: {
            // Just below the stack (within one more stack's worth) reads as a stack overflow.
            const Segment& stack = m_layout.segment(SegmentKind::Stack);
            return fault(stack.first - address <= stack.size() ? FaultKind::BeyondStackLimit
                                                                : FaultKind::Unmapped);
        }
        case SegmentKind::Heap:
            if (address >= m_break) return fault(FaultKind::BeyondBreak);
            break;
        case SegmentKind::Code:
        case SegmentKind::Data:
        case SegmentKind::Stack:
            break;
    }
    if (!segment->allows(access)) {
        return fault(access == Access::Write ? FaultKind::ReadOnly : FaultKind::NotExecutable);
    }
    return std::nullopt;
}

template <class Visit>
std::optional<Fault> AddressSpace::for_each_piece(Addr address, std::uint64_t count, Access access,
                                                  Visit&& visit) const {
    // First pass checks everything, so that a faulting access changes nothing.
    for (int pass = 0; pass < 2; ++pass) {
        Addr at = address;
        std::uint64_t left = count;
        while (left > 0) {
            if (auto fault = fault_at(at, access)) return fault;
            const Region* region = region_at(at);
            if (region == nullptr) return Fault{FaultKind::Unmapped, at, access, std::nullopt};
            const std::size_t offset = static_cast<std::size_t>(at - region->first);
            const std::size_t piece = static_cast<std::size_t>(std::min<std::uint64_t>(left, region->bytes.size() - offset));
            // Every byte of the piece lies in one segment: regions never straddle segments. A
            // piece's offset within the access fits size_t: it indexes the caller's buffer.
            if (pass == 1) visit(*const_cast<Region*>(region), offset, static_cast<std::size_t>(count - left), piece);
            at += piece;
            left -= piece;
            if (left > 0 && at == 0) return Fault{FaultKind::OutsideAddressSpace, at, access, std::nullopt};
        }
    }
    return std::nullopt;
}

std::optional<Fault> AddressSpace::check(Addr address, std::uint64_t count, Access access) const {
    // Fast path: one region holds it all; only the code segment refuses anything (writes).
    if (const Region* region = region_at(address); region != nullptr && region->holds(address, count)) {
        if (region != &m_code || access != Access::Write) {
            if (access != Access::Execute || region == &m_code) return std::nullopt;
        }
    }
    return for_each_piece(address, count, access, [](Region&, std::size_t, std::size_t, std::size_t) {});
}

std::optional<Fault> AddressSpace::read(Addr address, std::span<std::uint8_t> out) const {
    if (out.empty()) return std::nullopt;
    m_work_bytes += out.size();
    // Fast path: one region holds it all, and every region may be read.
    if (const Region* region = region_at(address); region != nullptr && region->holds(address, out.size())) {
        std::memcpy(out.data(), region->bytes.data() + (address - region->first), out.size());
        return std::nullopt;
    }
    return for_each_piece(address, out.size(), Access::Read,
                          [&](Region& region, std::size_t offset, std::size_t done, std::size_t piece) {
                              std::memcpy(out.data() + done, region.bytes.data() + offset, piece);
                          });
}

void AddressSpace::change(Region& region, Addr address, std::size_t count, NewBytes bytes, Shadow state) {
    const std::size_t offset = static_cast<std::size_t>(address - region.first);
    if (m_observer != nullptr) {
        m_observer->before_change(address, {region.bytes.data() + offset, count},
                                  {region.shadow.data() + offset, count});
    }
    if (bytes.copy != nullptr) std::memcpy(region.bytes.data() + offset, bytes.copy, count);
    else if (bytes.fill.has_value()) std::memset(region.bytes.data() + offset, *bytes.fill, count);
    std::fill_n(region.shadow.data() + offset, count, state);
}

std::optional<Fault> AddressSpace::write(Addr address, std::span<const std::uint8_t> bytes, Shadow state) {
    if (bytes.empty()) return std::nullopt;
    m_work_bytes += bytes.size();
    if (Region* region = region_at(address);
        region != nullptr && region != &m_code && region->holds(address, bytes.size())) {
        change(*region, address, bytes.size(), {bytes.data(), std::nullopt}, state);
        return std::nullopt;
    }
    return for_each_piece(address, bytes.size(), Access::Write,
                          [&](Region& region, std::size_t offset, std::size_t done, std::size_t piece) {
                              change(region, region.first + offset, piece, {bytes.data() + done, std::nullopt}, state);
                          });
}

std::optional<Fault> AddressSpace::fill(Addr address, std::uint64_t count, std::uint8_t value, Shadow state) {
    m_work_bytes += count;
    return for_each_piece(address, count, Access::Write,
                          [&](Region& region, std::size_t offset, std::size_t, std::size_t piece) {
                              change(region, region.first + offset, piece, {nullptr, value}, state);
                          });
}

std::optional<Fault> AddressSpace::read_word_slow(Addr address, unsigned bytes, std::uint64_t& value) const {
    std::uint8_t raw[8] = {};
    if (auto fault = read(address, {raw, bytes})) return fault;
    value = 0;
    for (unsigned i = bytes; i-- > 0;) value = (value << 8) | raw[i];
    return std::nullopt;
}

std::optional<Fault> AddressSpace::write_word_slow(Addr address, unsigned bytes, std::uint64_t value, Shadow state) {
    std::uint8_t raw[8];
    for (unsigned i = 0; i < bytes; ++i) raw[i] = static_cast<std::uint8_t>(value >> (8 * i));
    return write(address, {raw, bytes}, state);
}

Shadow AddressSpace::shadow(Addr address) const {
    const Region* region = region_at(address);
    return region == nullptr ? Shadow::Unallocated : region->shadow[static_cast<std::size_t>(address - region->first)];
}

void AddressSpace::set_shadow(Addr address, std::uint64_t count, Shadow state) {
    if (count == 0) return;
    m_work_bytes += count;
    if (Region* region = region_at(address); region != nullptr && region->holds(address, count)) {
        change(*region, address, static_cast<std::size_t>(count), {nullptr, std::nullopt}, state);
        return;
    }
    for_each_piece(address, count, Access::Read,
                   [&](Region& region, std::size_t offset, std::size_t, std::size_t piece) {
                       change(region, region.first + offset, piece, {nullptr, std::nullopt}, state);
                   });
}

std::optional<Addr> AddressSpace::find_shadow_slow(Addr address, std::uint64_t count, Shadow state) const {
    m_work_bytes += count;
    if (const Region* region = region_at(address); region != nullptr && region->holds(address, count)) {
        const Shadow* begin = region->shadow.data() + (address - region->first);
        const Shadow* end = begin + count;
        const Shadow* hit = std::find(begin, end, state);
        if (hit == end) return std::nullopt;
        return address + static_cast<Addr>(hit - begin);
    }
    std::optional<Addr> found;
    for_each_piece(address, count, Access::Read,
                   [&](Region& region, std::size_t offset, std::size_t, std::size_t piece) {
                       if (found) return;
                       const Shadow* begin = region.shadow.data() + offset;
                       const Shadow* hit = std::find(begin, begin + piece, state);
                       if (hit != begin + piece) found = region.first + offset + static_cast<Addr>(hit - begin);
                   });
    return found;
}

std::optional<Addr> AddressSpace::find_shadow_other_than(Addr address, std::uint64_t count, Shadow one, Shadow other) const {
    m_work_bytes += count;
    auto differs = [one, other](Shadow s) { return s != one && s != other; };
    if (const Region* region = region_at(address); region != nullptr && region->holds(address, count)) {
        const Shadow* begin = region->shadow.data() + (address - region->first);
        const Shadow* hit = std::find_if(begin, begin + count, differs);
        if (hit == begin + count) return std::nullopt;
        return address + static_cast<Addr>(hit - begin);
    }
    std::optional<Addr> found;
    for_each_piece(address, count, Access::Read, [&](Region& region, std::size_t offset, std::size_t, std::size_t piece) {
        if (found) return;
        const Shadow* begin = region.shadow.data() + offset;
        const Shadow* hit = std::find_if(begin, begin + piece, differs);
        if (hit != begin + piece) found = region.first + offset + static_cast<Addr>(hit - begin);
    });
    return found;
}

Result<Addr> AddressSpace::sbrk(std::int64_t delta) {
    const Addr old_break = m_break;
    const Segment& heap = m_layout.segment(SegmentKind::Heap);
    const std::size_t used = static_cast<std::size_t>(m_break - heap.first);
    if (delta > 0 && static_cast<std::uint64_t>(delta) > heap.size() - used) {
        return Error{"the heap cannot grow by " + human_size(static_cast<std::uint64_t>(delta)) +
                     ": only " + human_size(heap.size() - used) + " of its " + human_size(heap.size()) +
                     " limit are left"};
    }
    if (delta < 0 && static_cast<std::uint64_t>(-delta) > used) {
        return Error{"the heap cannot shrink below its start"};
    }
    if (delta == 0) return old_break;
    if (m_observer != nullptr) m_observer->before_break_change(old_break);
    const std::size_t new_size = static_cast<std::size_t>(static_cast<std::int64_t>(used) + delta);
    if (delta < 0 && m_observer != nullptr) {
        // What is given back is gone from the heap: let history keep it.
        m_observer->before_change(heap.first + new_size, {m_heap.bytes.data() + new_size, used - new_size},
                                  {m_heap.shadow.data() + new_size, used - new_size});
    }
    resize_heap_storage(new_size);
    m_break = heap.first + new_size;
    return old_break;
}

void AddressSpace::LoaderAccess::write(Addr address, std::span<const std::uint8_t> bytes) {
    if (bytes.empty()) return;
    Region* region = m_memory.region_at(address);
    if (region == nullptr || !region->holds(address, bytes.size()) || region == &m_memory.m_heap ||
        region == &m_memory.m_stack) {
        return;  // outside code and data: a loader bug, and nothing is written
    }
    m_memory.change(*region, address, bytes.size(), {bytes.data(), std::nullopt}, Shadow::Initialized);
}

void AddressSpace::copy_out(Addr first, std::span<std::uint8_t> bytes, std::span<Shadow> shadow) const {
    const Region* region = region_at(first);
    if (region == nullptr || !region->holds(first, bytes.size())) return;
    const std::size_t offset = static_cast<std::size_t>(first - region->first);
    std::memcpy(bytes.data(), region->bytes.data() + offset, bytes.size());
    std::copy_n(region->shadow.data() + offset, shadow.size(), shadow.data());
}

void AddressSpace::copy_in(Addr first, std::span<const std::uint8_t> bytes, std::span<const Shadow> shadow) {
    Region* region = region_at(first);
    if (region == nullptr || region == &m_code || !region->holds(first, bytes.size())) return;
    const std::size_t offset = static_cast<std::size_t>(first - region->first);
    std::memcpy(region->bytes.data() + offset, bytes.data(), bytes.size());
    std::copy_n(shadow.data(), shadow.size(), region->shadow.data() + offset);
}

void AddressSpace::set_storage(Addr brk, Addr stack_low) {
    resize_heap_storage(static_cast<std::size_t>(brk - heap_start()));
    m_break = brk;
    if (stack_low < m_stack.first) {
        const auto added = static_cast<std::size_t>(m_stack.first - stack_low);
        m_stack.bytes.reserve(m_stack.bytes.size() + added);
        m_stack.shadow.reserve(m_stack.shadow.size() + added);
        m_stack.bytes.insert(m_stack.bytes.begin(), added, 0);
        m_stack.shadow.insert(m_stack.shadow.begin(), added, Shadow::Unallocated);
    } else if (stack_low > m_stack.first) {
        const auto removed = static_cast<std::ptrdiff_t>(stack_low - m_stack.first);
        m_stack.bytes.erase(m_stack.bytes.begin(), m_stack.bytes.begin() + removed);
        m_stack.shadow.erase(m_stack.shadow.begin(), m_stack.shadow.begin() + removed);
    }
    m_stack.first = stack_low;
}

void AddressSpace::resize_heap_storage(std::size_t size) {
    // Doubling (so a break moved a little at a time costs amortized constant time per byte),
    // but never past the heap's limit: capacity beyond it would be host memory (in wasm, linear
    // memory, never given back) that the program can never use.
    if (size > m_heap.bytes.capacity()) {
        const std::size_t limit = static_cast<std::size_t>(m_layout.segment(SegmentKind::Heap).size());
        const std::size_t reserved = std::max(size, std::min(2 * m_heap.bytes.capacity(), limit));
        m_heap.bytes.reserve(reserved);
        m_heap.shadow.reserve(reserved);
    }
    m_heap.bytes.resize(size, 0);
    m_heap.shadow.resize(size, Shadow::Unallocated);
}

std::size_t AddressSpace::host_bytes() const {
    std::size_t total = 0;
    for (const Region* region : std::array<const Region*, 4>{&m_code, &m_data, &m_heap, &m_stack}) {
        total += region->bytes.capacity() + region->shadow.capacity() * sizeof(Shadow);
    }
    return total;
}

}  // namespace memviz
