// The simulated address space: the bytes of a process, their shadow state, and a check on every
// access. Storage is sparse: only the code and data segments, the heap up to its break (brk) and
// the part of the stack the program has reached are backed by host memory.
//
// Every change to a byte or its shadow goes through one private function, which first tells the
// attached MemoryObserver what is about to be overwritten. The history layer hooks there, so
// stepping backwards restores exactly what was.
//
// Invariants: heap storage covers exactly [heap.first, brk); stack storage covers
// [stack_low, stack.last] with stack.first <= stack_low; code and data storage cover their
// whole segments. Bytes outside storage but inside the stack segment read as Unallocated zeros
// once touched (the OS maps stack pages on demand, as Linux does).
#pragma once

#include <bit>
#include <cstddef>
#include <cstring>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "mem/layout.h"
#include "mem/shadow.h"
#include "support/result.h"

namespace memviz {

enum class FaultKind : std::uint8_t {
    NullArea,            // the reserved low area: NULL or a small offset from it
    ReadOnly,            // a write to the code segment (string literals, functions)
    NotExecutable,       // executing outside the code segment
    BeyondBreak,         // inside the heap segment but above brk: never handed out by sbrk
    BeyondStackLimit,    // just below the stack: it would have to grow past its limit
    Unmapped,            // the gap between heap and stack
    OsReserved,          // the OS-reserved top
    OutsideAddressSpace, // above the data model's highest address (ILP32 only)
};

std::string_view name(FaultKind kind);

struct Fault {
    FaultKind kind{};
    Addr address = 0;        // the first byte of the access that is not allowed
    Access access{};
    std::optional<SegmentKind> segment;  // where that byte lies, if inside the address space

    // "write to 0x400010 in the code segment, which is read-only"
    std::string describe() const;
};

// Told about every change before it happens, with the bytes and shadow about to be replaced.
class MemoryObserver {
public:
    virtual ~MemoryObserver() = default;
    virtual void before_change(Addr first, std::span<const std::uint8_t> old_bytes,
                               std::span<const Shadow> old_shadow) = 0;
    virtual void before_break_change(Addr old_break) = 0;
};

class AddressSpace {
public:
    explicit AddressSpace(Layout layout);

    const Layout& layout() const { return m_layout; }
    DataModel data_model() const { return m_layout.data_model(); }
    void set_observer(MemoryObserver* observer) { m_observer = observer; }

    // --- checked access: a fault, or nothing when the access happened -------------------------
    // Reads and writes never partly happen: either every byte is accessible or nothing changes.
    std::optional<Fault> read(Addr address, std::span<std::uint8_t> out) const;
    std::optional<Fault> write(Addr address, std::span<const std::uint8_t> bytes,
                               Shadow state = Shadow::Initialized);
    std::optional<Fault> fill(Addr address, std::uint64_t count, std::uint8_t value,
                              Shadow state = Shadow::Initialized);
    std::optional<Fault> check(Addr address, std::uint64_t count, Access access) const;

    // Little-endian words of 1, 2, 4 or 8 bytes, as on x86. Inline, with a fast path for the
    // heap, the stack and global data: the allocator and the VM spend most of their time here.
    std::optional<Fault> read_word(Addr address, unsigned bytes, std::uint64_t& value) const {
        if (const Region* region = writable_region_holding(address, bytes)) {
            value = 0;
            std::memcpy(&value, region->bytes.data() + (address - region->first), bytes);
            return std::nullopt;
        }
        return read_word_slow(address, bytes, value);
    }
    std::optional<Fault> write_word(Addr address, unsigned bytes, std::uint64_t value,
                                    Shadow state = Shadow::Initialized) {
        if (const Region* region = writable_region_holding(address, bytes)) {
            change(*const_cast<Region*>(region), address, bytes,
                   {reinterpret_cast<const std::uint8_t*>(&value), std::nullopt}, state);
            return std::nullopt;
        }
        return write_word_slow(address, bytes, value, state);
    }

    // --- shadow state -------------------------------------------------------------------------
    // Precondition for these: the range is accessible for reading (check() returned nothing).
    Shadow shadow(Addr address) const;
    void set_shadow(Addr address, std::uint64_t count, Shadow state);
    // The first byte in the range whose shadow is `state`, if any.
    // Inline for a word in one of the writable regions: every load asks it.
    std::optional<Addr> find_shadow(Addr address, std::uint64_t count, Shadow state) const {
        if (count <= 8) {
            if (const Region* region = writable_region_holding(address, static_cast<unsigned>(count))) {
                m_work_bytes += count;
                const Shadow* shadow = region->shadow.data() + (address - region->first);
                for (unsigned i = 0; i < count; ++i) {
                    if (shadow[i] == state) return address + i;
                }
                return std::nullopt;
            }
        }
        return find_shadow_slow(address, count, state);
    }
    // The first byte in the range whose shadow is neither `one` nor `other`, if any.
    std::optional<Addr> find_shadow_other_than(Addr address, std::uint64_t count, Shadow one, Shadow other) const;

    // --- the heap's break ---------------------------------------------------------------------
    Addr heap_start() const { return m_layout.segment(SegmentKind::Heap).first; }
    Addr brk() const { return m_break; }
    // Moves the break by `delta` bytes and returns the old break, as sbrk(2) does; fails when the
    // heap would pass its limit or shrink below its start (the C library then reports ENOMEM).
    Result<Addr> sbrk(std::int64_t delta);

    // --- the stack ----------------------------------------------------------------------------
    Addr stack_top() const { return m_layout.segment(SegmentKind::Stack).last + 1; }
    // Lowest stack address backed by storage so far (the deepest the program has reached).
    Addr stack_low() const { return m_stack.first; }

    // Bytes of host memory used for simulated bytes and their shadow.
    std::size_t host_bytes() const;
    // Bytes of memory work done so far: the bytes the range operations (read, write, fill,
    // set_shadow, find_shadow) went through, and what add_work adds (the allocator's walks of its
    // lists, word by word). The VM charges an instruction for the work it did from the difference
    // (Vm::charged_steps). A count, not state: restoring memory leaves it alone. Word accesses
    // are not counted by themselves: an instruction makes a few, and the VM's cached frame walks
    // make more or fewer of them depending on its caches, where a charge must depend on the
    // program alone.
    std::uint64_t work_bytes() const { return m_work_bytes; }
    void add_work(std::uint64_t bytes) const { m_work_bytes += bytes; }

    // --- for the history layer: storage as it is, without checks or the observer -------------
    // The program's writable storage is three ranges: global data (whole), the heap up to brk,
    // and the stack from stack_low() to its top. Code never changes after loading.
    // Precondition for both: the range lies inside one of those three.
    void copy_out(Addr first, std::span<std::uint8_t> bytes, std::span<Shadow> shadow) const;
    void copy_in(Addr first, std::span<const std::uint8_t> bytes, std::span<const Shadow> shadow);
    // Puts the break and the stack's storage where they were: storage added reads as zero bytes
    // that were never handed out; storage removed is simply gone. Precondition: both lie in
    // their segments, and `stack_low` on a page boundary.
    void set_storage(Addr brk, Addr stack_low);

    // The loader's way in: writes that ignore segment permissions, so the read-only code segment
    // can be filled. Changes still go through the observer, marked initialized.
    class LoaderAccess {
    public:
        explicit LoaderAccess(AddressSpace& memory) : m_memory(memory) {}
        // Precondition: the range lies inside the code or the data segment.
        void write(Addr address, std::span<const std::uint8_t> bytes);

    private:
        AddressSpace& m_memory;
    };

private:
    // A run of backed addresses: bytes and shadow for [first, first + bytes.size()).
    struct Region {
        Addr first = 0;
        std::vector<std::uint8_t> bytes;
        std::vector<Shadow> shadow;
        bool holds(Addr address, std::uint64_t count) const {
            return address >= first && count <= bytes.size() && address - first <= bytes.size() - count;
        }
    };

    static_assert(std::endian::native == std::endian::little,
                  "word access copies host words: x86-64 and wasm are little-endian like the targets");
    // The heap, stack or data region holding the whole range: where programs spend their time.
    const Region* writable_region_holding(Addr address, unsigned bytes) const {
        for (const Region* region : {&m_heap, static_cast<const Region*>(&m_stack), &m_data}) {
            const Addr offset = address - region->first;  // wraps to huge when below: no match
            if (offset < region->bytes.size() && bytes <= region->bytes.size() - offset) return region;
        }
        return nullptr;
    }
    std::optional<Fault> read_word_slow(Addr address, unsigned bytes, std::uint64_t& value) const;
    std::optional<Addr> find_shadow_slow(Addr address, std::uint64_t count, Shadow state) const;
    std::optional<Fault> write_word_slow(Addr address, unsigned bytes, std::uint64_t value, Shadow state);

    // The region holding `address`, growing the stack's storage when the address lies in the
    // stack segment; nullptr when no region does.
    const Region* region_at(Addr address) const;
    Region* region_at(Addr address) { return const_cast<Region*>(std::as_const(*this).region_at(address)); }
    // Visits the range piece by piece, one region at a time; stops at the first byte that may
    // not be accessed this way and returns why.
    template <class Visit>
    std::optional<Fault> for_each_piece(Addr address, std::uint64_t count, Access access, Visit&& visit) const;
    // Why a single byte may not be accessed this way, or nothing when it may.
    std::optional<Fault> fault_at(Addr address, Access access) const;
    void grow_stack_down_to(Addr address) const;
    // Gives the heap `size` bytes of storage (the break's offset from the heap's start).
    void resize_heap_storage(std::size_t size);
    // What a change does to the bytes: copy new ones, fill with one value, or keep them.
    struct NewBytes {
        const std::uint8_t* copy = nullptr;
        std::optional<std::uint8_t> fill;
    };
    // The one place where bytes and shadow change. Precondition: the region holds the range.
    void change(Region& region, Addr address, std::size_t count, NewBytes bytes, Shadow state);

    Layout m_layout;
    MemoryObserver* m_observer = nullptr;
    Region m_code;
    Region m_data;
    Region m_heap;
    mutable Region m_stack;  // grows on first touch, even by a read: storage, not state
    Addr m_break = 0;
    mutable std::uint64_t m_work_bytes = 0;
};

}  // namespace memviz
