// The address-space layout of a simulated process: seven segments that tile the whole address
// space from 0 to its highest address, at the addresses Linux gives a non-PIE program with
// address-space randomization off, so what students see matches gdb on their own machine.
//
//   LP64 (x86-64)                                      ILP32 (i386)
//   0xffffffffffffffff +------------------------+      0xffffffff
//                      | OS reserved            |  kernel and non-canonical addresses: no access
//   0x7ffffffff000     +------------------------+      0xc0000000   stack top
//                      | stack      (grows down)|  stack_limit bytes below the top
//                      +------------------------+
//                      | gap                    |  where large mappings go; no access
//                      +------------------------+  heap start + heap_limit
//                      | heap       (grows up)  |  brk moves inside it
//   0x405000           +------------------------+      (after data)
//                      | global data            |  .data + .bss
//                      +------------------------+
//                      | code                   |  .text + read-only data (string literals)
//   0x400000           +------------------------+      0x08048000
//                      | reserved (null area)   |  any access is a null / near-null dereference
//   0x0                +------------------------+      0x0
//
// Invariants (checked by Layout::make and the tests): segments are in address order, each
// non-empty except possibly the gap, segment[i+1].first == segment[i].last + 1, the first starts
// at 0 and the last ends at the data model's max_address; every boundary but 0 and the top is
// page-aligned.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "mem/data_model.h"
#include "support/result.h"

namespace memviz {

inline constexpr std::uint64_t kPageSize = 4096;

enum class SegmentKind : std::uint8_t { Reserved, Code, Data, Heap, Gap, Stack, OsReserved };
inline constexpr std::size_t kSegmentKindCount = 7;

// "reserved", "code", "global data", "heap", "gap", "stack", "OS reserved".
std::string_view name(SegmentKind kind);

// One or two sentences for a student: what lives in the segment and what touching it does.
std::string_view describe(SegmentKind kind);

enum class Access : std::uint8_t { Read, Write, Execute };

struct Permissions {
    bool read = false;
    bool write = false;
    bool execute = false;
};

struct Segment {
    SegmentKind kind{};
    Addr first = 0;  // lowest address in the segment
    Addr last = 0;   // highest address in the segment (inclusive, so the top one can end at 2^64-1)
    Permissions permissions;

    bool contains(Addr address) const { return address >= first && address <= last; }
    // Bytes spanned; the OS-reserved top of LP64 is 2^64 - 0x7ffffffff000, which fits.
    std::uint64_t size() const { return last - first + 1; }
    bool allows(Access access) const;
};

struct LayoutConfig {
    DataModel data_model = DataModel::LP64;
    std::uint64_t code_bytes = 3 * kPageSize;   // ELF headers, .text and .rodata, rounded up to pages
    std::uint64_t data_bytes = 2 * kPageSize;   // .data and .bss, rounded up to pages
    std::uint64_t heap_limit = 64ULL << 20;     // most the heap may grow to through brk
    std::uint64_t stack_limit = 8ULL << 20;     // ulimit -s: 8 MiB by default, at least one page
};

class Layout {
public:
    // Fails with a readable message when the segments would not fit the address space.
    static Result<Layout> make(const LayoutConfig& config);

    const LayoutConfig& config() const { return m_config; }
    DataModel data_model() const { return m_config.data_model; }
    std::span<const Segment> segments() const { return m_segments; }
    const Segment& segment(SegmentKind kind) const { return m_segments[static_cast<std::size_t>(kind)]; }

    // The segment holding `address`, or nullptr when it lies beyond the data model's addresses
    // (above 0xffffffff under ILP32).
    const Segment* segment_of(Addr address) const;

    // Whether a program may touch `address` this way at all. Heap and stack bytes are only
    // potentially accessible: whether they are in use is the address space's business.
    bool allows(Addr address, Access access) const;

private:
    Layout() = default;

    LayoutConfig m_config;
    std::array<Segment, kSegmentKindCount> m_segments{};
};

}  // namespace memviz
