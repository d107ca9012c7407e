// malloc, free, calloc and realloc over the simulated heap. Every piece of the allocator's
// bookkeeping -- block headers, footers, free-list links, list heads, the next-fit rover -- is
// real bytes in the heap segment, written through the AddressSpace, so what the views draw is
// what a real malloc keeps. Policies (how a free block is found) are small classes of their own;
// block layout, splitting, coalescing and heap growth are shared. See docs/allocator.md for the
// block diagrams of every policy.
//
// What the C++ side keeps besides the bytes: per live block, the size the program asked for and
// the call site (facts about calls, not heap state), and the addresses of recently freed blocks,
// to tell a double free from an invalid one. heap_check() recomputes everything else from the
// bytes and compares.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mem/address_space.h"

namespace memviz::alloc {

enum class PolicyKind : std::uint8_t {
    FirstFit,         // implicit list, first block that fits, from the heap start
    NextFit,          // implicit list, first fit from where the last search stopped
    BestFit,          // implicit list, smallest block that fits
    ExplicitLifo,     // explicit doubly-linked free list, freed blocks pushed at the head
    ExplicitAddress,  // explicit free list kept in address order
    Segregated,       // segregated fits: one size-ordered explicit list per size class
    Textbook,         // exactly CS:APP 9.9.12's allocator (4-byte tags, 8-byte alignment)
};

// "first-fit", "next-fit", "best-fit", "explicit-lifo", "explicit-address", "segregated", "textbook".
std::string_view name(PolicyKind policy);
std::optional<PolicyKind> parse_policy(std::string_view text);
std::span<const PolicyKind> all_policies();

struct AllocatorConfig {
    PolicyKind policy = PolicyKind::Segregated;
    // The heap grows through sbrk by at least this much at a time; 0 grows it by just what the
    // request needs (best utilization, and the break moves visibly with each allocation). The
    // textbook policy always uses CS:APP's CHUNKSIZE of 4096.
    std::uint64_t grow_bytes = 0;
    // A free remainder is split off only if it is at least the minimum block size plus this.
    std::uint64_t split_threshold = 0;
};

// An opaque tag for where a call came from: a source location id from the VM, an operation
// index from a trace. 0 means unknown.
using Site = std::uint32_t;

enum class BlockState : std::uint8_t { Allocated, Free };

struct Block {
    Addr header = 0;                 // address of the block's header (its first byte)
    std::uint64_t size = 0;          // whole block: header, payload, padding, footer
    Addr payload = 0;                // address malloc returned
    std::uint64_t payload_bytes = 0; // usable bytes from payload to the end of the block's data
    std::uint64_t requested = 0;     // bytes the program asked for (allocated blocks)
    BlockState state = BlockState::Free;
    bool has_footer = false;
    Site allocated_at = 0;

    // Bytes of an allocated block's payload beyond what was requested (alignment and minimum size).
    std::uint64_t padding() const { return state == BlockState::Allocated ? payload_bytes - requested : 0; }
};

enum class ErrorKind : std::uint8_t { DoubleFree, InvalidFree, InvalidRealloc };
std::string_view name(ErrorKind kind);

// A call the allocator refused without touching the heap.
struct AllocError {
    ErrorKind kind{};
    Addr pointer = 0;
    std::string message;          // plain language: what was passed and why it is wrong
    std::optional<Block> block;   // the block involved: the one freed twice, or the one p points into
    Site allocated_at = 0;        // for a double free: where the block was allocated
    Site freed_at = 0;            // and where it was first freed
};

// What one call did, step by step, for the narration and the views. Recorded only while an
// event log is attached.
struct AllocEvent {
    enum class Kind : std::uint8_t {
        Examined,    // a free block looked at while searching (size: its size)
        Chosen,      // the block the request goes into
        Split,       // `block` kept `size` bytes, the remainder at `other` (other_size) became free
        Coalesced,   // the free `block` merged with its neighbour at `other` into `size` bytes
        Grew,        // the heap grew by `size` bytes (sbrk); `block` is the new free space
        Allocated,   // `block` of `size` bytes is now allocated
        Freed,       // `block` of `size` bytes is now free
        Copied,      // realloc copied `size` bytes from `other` to `block`
        InPlace,     // realloc resized `block` in place to `size` bytes
        OutOfMemory, // the heap could not grow by `size` bytes
    };
    Kind kind{};
    Addr block = 0;
    std::uint64_t size = 0;
    Addr other = 0;
    std::uint64_t other_size = 0;
};

struct Metrics {
    std::uint64_t heap_bytes = 0;        // brk - heap start
    std::uint64_t peak_heap_bytes = 0;
    std::uint64_t live_payload = 0;      // sum of requested bytes of allocated blocks
    std::uint64_t peak_payload = 0;      // most live_payload has been
    double utilization = 0;              // live_payload / heap_bytes
    double peak_utilization = 0;         // CS:APP: peak_payload / heap_bytes (at the end)
    std::uint64_t internal_fragmentation = 0;  // allocated block bytes beyond what was requested
    double external_fragmentation = 0;   // 1 - largest free block / all free bytes (0 if none free)
    std::uint64_t free_blocks = 0;
    std::uint64_t free_bytes = 0;
    std::uint64_t largest_free = 0;
    std::uint64_t calls = 0;             // malloc, calloc, realloc, free calls so far
    std::uint64_t blocks_examined = 0;   // free blocks looked at by every search so far
};

class Policy;

class Allocator {
public:
    Allocator(AddressSpace& memory, AllocatorConfig config = {});
    ~Allocator();
    Allocator(const Allocator&) = delete;
    Allocator& operator=(const Allocator&) = delete;

    PolicyKind policy() const { return m_config.policy; }
    const AllocatorConfig& config() const { return m_config; }
    unsigned alignment() const;

    // nullopt is C's NULL, returned when the heap cannot grow (the C library then sets errno to
    // ENOMEM). malloc(0) returns a unique pointer to a minimum-size block, as glibc does, except
    // under the textbook policy, whose mm_malloc returns NULL for it (without ENOMEM).
    std::optional<Addr> malloc(std::uint64_t size, Site site = 0);
    std::optional<Addr> calloc(std::uint64_t count, std::uint64_t size, Site site = 0);
    // free(NULL) does nothing; an invalid pointer is refused with an error and changes nothing.
    std::optional<AllocError> free(Addr payload, Site site = 0);

    struct ReallocResult {
        std::optional<Addr> payload;    // the new pointer; nullopt when NULL was returned
        std::optional<AllocError> error;
    };
    // realloc(NULL, n) is malloc(n); realloc(p, 0) frees p and returns NULL; on out of memory
    // NULL is returned and p stays valid.
    ReallocResult realloc(Addr payload, std::uint64_t size, Site site = 0);

    // Every invariant of docs/allocator.md, recomputed from the heap bytes; one line per problem,
    // empty when the heap is sound.
    std::vector<std::string> heap_check() const;

    std::vector<Block> blocks() const;          // every block in address order
    // Each allocated payload and the size the program asked for, in address order: what
    // blocks() tells of them, without walking the heap.
    std::vector<std::pair<Addr, std::uint64_t>> live_payloads() const;
    std::vector<std::vector<Addr>> free_lists() const;  // per list, block headers in list order
    std::optional<Block> block_containing(Addr address) const;
    Metrics metrics() const;

    // A block the program freed whose payload held `address`, while none of it has been handed
    // out again: how a use after free is told from an access to never-used heap memory.
    struct FreedBlock {
        Addr payload = 0;
        std::uint64_t requested = 0;
        Site allocated_at = 0;
        Site freed_at = 0;
    };
    std::optional<FreedBlock> freed_block_containing(Addr address) const;

    // While attached, every call appends what it did; nullptr detaches.
    void set_event_log(std::vector<AllocEvent>* log) { m_events = log; }

    // For the history layer: what the allocator knows besides the heap's bytes (the requested
    // sizes and sites of live blocks, the freed payloads, the counters). The policy's own
    // fields are fixed once the heap is initialized: its lists live in the heap bytes.
    struct Saved;
    std::shared_ptr<const Saved> save() const;
    // Precondition: `saved` came from this allocator, and the heap bytes are restored with it.
    void restore(const std::shared_ptr<const Saved>& saved);
    static bool same(const Saved& a, const Saved& b);
    // Host bytes `saved` added to the saves before it (for the history's memory figure), and
    // the host bytes it holds in all.
    static std::uint64_t host_bytes(const Saved& saved);
    static std::uint64_t whole_host_bytes(const Saved& saved);
    // Host bytes of the bookkeeping as it is now that the last save does not share (all of it
    // when nothing was saved): what the allocator keeps beyond the history's saves.
    std::uint64_t unsaved_host_bytes() const;

    struct State;  // defined in allocator_state.h, for the allocator's own files

private:
    // Why `payload` cannot be freed or reallocated, or nothing when it is a live block.
    std::optional<AllocError> validate(Addr payload, ErrorKind kind) const;

    AddressSpace& m_memory;
    AllocatorConfig m_config;
    std::unique_ptr<State> m_state;
    std::vector<AllocEvent>* m_events = nullptr;
};

}  // namespace memviz::alloc
