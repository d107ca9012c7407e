#include "mem/layout.h"

#include <algorithm>
#include <string>

#include "support/format.h"

namespace memviz {
namespace {

// Where Linux starts a non-PIE executable and where it puts the top of the stack with ASLR off.
struct Anchors {
    Addr code_base;
    Addr stack_top;  // one past the highest stack byte
};

Anchors anchors(DataModel model) {
    if (model == DataModel::LP64) return {0x400000, 0x7ffffffff000};
    return {0x08048000, 0xc0000000};
}

std::uint64_t round_up_to_page(std::uint64_t bytes) {
    return (bytes + kPageSize - 1) / kPageSize * kPageSize;
}

}  // namespace

std::string_view name(SegmentKind kind) {
    switch (kind) {
        case SegmentKind::Reserved: return "reserved";
        case SegmentKind::Code: return "code";
        case SegmentKind::Data: return "global data";
        case SegmentKind::Heap: return "heap";
        case SegmentKind::Gap: return "gap";
        case SegmentKind::Stack: return "stack";
        case SegmentKind::OsReserved: return "OS reserved";
    }
    return "?";
}

std::string_view describe(SegmentKind kind) {
    switch (kind) {
        case SegmentKind::Reserved:
            return "Never mapped, so that using NULL, or a small offset from it such as p->next when "
                   "p is NULL, stops the program with a segmentation fault.";
        case SegmentKind::Code:
            return "The compiled functions and read-only data such as string literals. It can be read "
                   "and executed but not written: writing here is a segmentation fault.";
        case SegmentKind::Data:
            return "Global and static variables, initialized (.data) or zero-filled (.bss). They exist "
                   "for the whole run of the program.";
        case SegmentKind::Heap:
            return "Memory handed out by malloc and kept until free. It starts after the global data "
                   "and grows toward higher addresses; past its limit malloc returns NULL (ENOMEM).";
        case SegmentKind::Gap:
            return "Unmapped space between heap and stack, where the OS places other mappings such as "
                   "very large allocations. Touching it is a segmentation fault.";
        case SegmentKind::Stack:
            return "One frame per active function call, holding its arguments and local variables. It "
                   "grows toward lower addresses; past its limit the program overflows the stack.";
        case SegmentKind::OsReserved:
            return "The highest addresses belong to the operating system. A program that touches them "
                   "gets a segmentation fault.";
    }
    return "";
}

bool Segment::allows(Access access) const {
    switch (access) {
        case Access::Read: return permissions.read;
        case Access::Write: return permissions.write;
        case Access::Execute: return permissions.execute;
    }
    return false;
}

Result<Layout> Layout::make(const LayoutConfig& config) {
    const DataModelInfo& model = info(config.data_model);
    const Anchors at = anchors(config.data_model);

    // Guard each size before rounding so that an absurd request cannot wrap around.
    const std::uint64_t room = at.stack_top - at.code_base;
    for (auto [what, bytes] : {std::pair{"code size", config.code_bytes},
                               std::pair{"global data size", config.data_bytes},
                               std::pair{"heap limit", config.heap_limit},
                               std::pair{"stack limit", config.stack_limit}}) {
        if (bytes > room) {
            return Error{std::string(what) + " of " + human_size(bytes) + " does not fit the " +
                         std::string(model.name) + " address space"};
        }
    }
    for (auto [what, bytes] : {std::pair{"heap limit", config.heap_limit},
                               std::pair{"stack limit", config.stack_limit}}) {
        if (bytes < kPageSize) {
            return Error{std::string(what) + " must be at least " + human_size(kPageSize) + ", got " +
                         human_size(bytes)};
        }
    }

    // Every program has some code and some data (crt's own), so neither segment is ever empty.
    const std::uint64_t code = round_up_to_page(std::max<std::uint64_t>(config.code_bytes, 1));
    const std::uint64_t data = round_up_to_page(std::max<std::uint64_t>(config.data_bytes, 1));
    const std::uint64_t heap = round_up_to_page(config.heap_limit);
    const std::uint64_t stack = round_up_to_page(config.stack_limit);
    if (code + data + heap + stack > room) {
        return Error{"code, global data, a " + human_size(heap) + " heap and a " + human_size(stack) +
                     " stack do not fit between " + hex_address(at.code_base) + " and " +
                     hex_address(at.stack_top) + " (" + std::string(model.name) + ")"};
    }

    Layout layout;
    layout.m_config = config;
    const Permissions none{};
    const Permissions read_execute{true, false, true};
    const Permissions read_write{true, true, false};
    const Addr data_first = at.code_base + code;
    const Addr heap_first = data_first + data;
    const Addr stack_first = at.stack_top - stack;
    layout.m_segments = {{
        {SegmentKind::Reserved, 0, at.code_base - 1, none},
        {SegmentKind::Code, at.code_base, data_first - 1, read_execute},
        {SegmentKind::Data, data_first, heap_first - 1, read_write},
        {SegmentKind::Heap, heap_first, heap_first + heap - 1, read_write},
        // The gap may be empty only in the degenerate case heap end == stack start; it then has
        // first == last + 1 and size() == 0, and segment_of never returns it.
        {SegmentKind::Gap, heap_first + heap, stack_first - 1, none},
        {SegmentKind::Stack, stack_first, at.stack_top - 1, read_write},
        {SegmentKind::OsReserved, at.stack_top, model.max_address, none},
    }};
    return layout;
}

const Segment* Layout::segment_of(Addr address) const {
    if (address > info(data_model()).max_address) return nullptr;
    for (const Segment& segment : m_segments) {
        if (segment.contains(address)) return &segment;
    }
    return nullptr;  // unreachable: the segments tile the address space
}

bool Layout::allows(Addr address, Access access) const {
    const Segment* segment = segment_of(address);
    return segment != nullptr && segment->allows(access);
}

}  // namespace memviz
