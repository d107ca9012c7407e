// Allocator behaviour by name, for every policy, with heap_check after each step.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "alloc/allocator.h"
#include "alloc/block_format.h"

using namespace memviz;
using namespace memviz::alloc;

namespace {

struct Heap {
    explicit Heap(PolicyKind policy, LayoutConfig layout = {})
        : memory(Layout::make(layout).value()), allocator(memory, {.policy = policy}) {}
    AddressSpace memory;
    Allocator allocator;

    Addr malloc(std::uint64_t size) {
        auto payload = allocator.malloc(size);
        REQUIRE(payload);
        check();
        return *payload;
    }
    void free(Addr payload) {
        auto error = allocator.free(payload);
        REQUIRE_FALSE(error);
        check();
    }
    void check() const {
        const auto problems = allocator.heap_check();
        CHECK_MESSAGE(problems.empty(), (problems.empty() ? "" : problems.front()));
    }
    Block block(Addr payload) const { return *allocator.block_containing(payload); }
};

// Runs `body` once per policy, each as its own subcase named after the policy.
template <class Body>
void for_each_policy(Body&& body) {
    for (PolicyKind policy : all_policies()) {
        const std::string label(name(policy));
        SUBCASE(label.c_str()) { body(policy); }
    }
}

}  // namespace

TEST_CASE("malloc-zero returns a unique, aligned pointer (NULL for the textbook, as CS:APP)") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        if (policy == PolicyKind::Textbook) {
            const Addr before = heap.memory.brk();
            CHECK_FALSE(heap.allocator.malloc(0));
            CHECK(heap.memory.brk() == before);
            return;
        }
        const Addr a = heap.malloc(0);
        const Addr b = heap.malloc(0);
        CHECK(a != b);
        CHECK(a % heap.allocator.alignment() == 0);
        CHECK(heap.block(a).state == BlockState::Allocated);
    });
}

TEST_CASE("malloc-aligned: every payload is aligned and inside the heap") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        for (std::uint64_t size : {1, 7, 8, 9, 16, 17, 100, 1000, 5000}) {
            const Addr p = heap.malloc(size);
            CHECK(p % heap.allocator.alignment() == 0);
            CHECK(p >= heap.memory.heap_start());
            CHECK(p + size <= heap.memory.brk());
        }
    });
}

TEST_CASE("free-null does nothing") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        const Addr before = heap.memory.brk();
        CHECK_FALSE(heap.allocator.free(0));
        CHECK(heap.memory.brk() == before);
        heap.check();
    });
}

TEST_CASE("malloc marks the payload uninitialized and free marks it freed") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        const Addr p = heap.malloc(72);
        const Block block = heap.block(p);
        CHECK(heap.memory.shadow(block.header) == Shadow::Metadata);
        CHECK(heap.memory.find_shadow(p, 72, Shadow::Uninitialized) == p);
        CHECK_FALSE(heap.memory.find_shadow(p, 72, Shadow::Initialized));
        heap.malloc(24);  // keeps the block from merging with the end of the heap
        heap.free(p);
        // Free-list links and the footer take some of the bytes back as metadata.
        CHECK(heap.memory.find_shadow(p, 72, Shadow::Freed).has_value());
        CHECK_FALSE(heap.memory.find_shadow(p, 72, Shadow::Uninitialized));
    });
}

// Next fit is left out where a test needs the search to start at the heap start: its rover has
// moved past the hole to the free space at the end of the heap.
TEST_CASE("split-remainder: a large free block is split and the rest stays free") {
    for_each_policy([](PolicyKind policy) {
        if (policy == PolicyKind::NextFit) return;
        Heap heap(policy);
        const Addr big = heap.malloc(1000);
        heap.malloc(16);  // guard
        heap.free(big);
        const Addr small = heap.malloc(16);
        CHECK(small == big);  // every policy finds the only fitting hole
        const Block used = heap.block(small);
        const Block rest = *heap.allocator.block_containing(used.header + used.size);
        CHECK(rest.state == BlockState::Free);
        CHECK(used.size + rest.size >= 1000);
    });
}

TEST_CASE("split-remainder-too-small: a remainder below the minimum block stays in the block") {
    for_each_policy([](PolicyKind policy) {
        if (policy == PolicyKind::NextFit) return;
        Heap heap(policy);
        const BlockFormat format = format_for(policy, DataModel::LP64);
        const Addr hole = heap.malloc(200);
        heap.malloc(16);  // guard
        const std::uint64_t hole_size = heap.block(hole).size;
        heap.free(hole);
        // A request whose block leaves exactly one alignment unit over: too small to split off.
        const std::uint64_t request = hole_size - format.overhead() - format.alignment;
        const Addr p = heap.malloc(request);
        CHECK(p == hole);
        CHECK(heap.block(p).size == hole_size);
    });
}

TEST_CASE("coalesce-both-neighbours: freeing the middle block merges three into one") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        const Addr a = heap.malloc(40);
        const Addr b = heap.malloc(40);
        const Addr c = heap.malloc(40);
        heap.malloc(40);  // guard against the end of the heap
        const std::uint64_t total = heap.block(a).size + heap.block(b).size + heap.block(c).size;
        heap.free(a);
        heap.free(c);
        const auto free_before = heap.allocator.metrics().free_blocks;
        heap.free(b);
        const Block merged = heap.block(a);
        CHECK(merged.state == BlockState::Free);
        CHECK(merged.header == heap.block(a).header);
        CHECK(merged.size >= total);
        CHECK(heap.allocator.metrics().free_blocks == free_before - 1);
    });
}

TEST_CASE("coalesce-next and coalesce-prev merge with one free neighbour") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        const Addr a = heap.malloc(40);
        const Addr b = heap.malloc(40);
        heap.malloc(40);  // guard
        const std::uint64_t both = heap.block(a).size + heap.block(b).size;
        SUBCASE("next") {
            heap.free(b);
            heap.free(a);
        }
        SUBCASE("prev") {
            heap.free(a);
            heap.free(b);
        }
        CHECK(heap.block(a).size == both);
        CHECK(heap.block(b).header == heap.block(a).header);
    });
}

TEST_CASE("the heap grows through sbrk when nothing fits") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        const Addr before = heap.memory.brk();
        const Addr p = heap.malloc(10000);
        CHECK(heap.memory.brk() >= before + 10000);
        CHECK(p + 10000 <= heap.memory.brk());
    });
}

TEST_CASE("realloc-grow-in-place: a free neighbour or the end of the heap is used without moving") {
    for (PolicyKind policy : all_policies()) {
        if (policy == PolicyKind::Textbook) continue;  // the textbook always moves
        CAPTURE(name(policy));
        Heap heap(policy);
        const Addr p = heap.malloc(32);
        const Addr q = heap.malloc(200);
        heap.malloc(32);  // guard
        heap.free(q);
        auto grown = heap.allocator.realloc(p, 150);
        REQUIRE(grown.payload);
        CHECK(*grown.payload == p);
        heap.check();

        const Addr last = heap.malloc(1000);  // too big for the hole: from the end of the heap
        auto at_end = heap.allocator.realloc(last, 100000);
        REQUIRE(at_end.payload);
        CHECK(*at_end.payload == last);
        CHECK(heap.memory.brk() >= last + 100000);
        heap.check();
    }
}

TEST_CASE("realloc-grow-at-end by less than a minimum block keeps the heap sound") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        heap.malloc(16);
        const Addr last = heap.malloc(40);
        // The heap grows by exactly what is needed by default, so this block ends the heap and
        // needs only one more alignment unit.
        auto grown = heap.allocator.realloc(last, 56);
        REQUIRE(grown.payload);
        heap.check();
        CHECK(heap.allocator.free(*grown.payload) == std::nullopt);
        heap.check();
    });
}

TEST_CASE("realloc-move-keeps-bytes and their initialized state") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        const Addr p = heap.malloc(24);
        REQUIRE_FALSE(heap.memory.fill(p, 16, 0x5a));  // bytes 16..23 stay uninitialized
        heap.malloc(24);                              // blocks growth in place
        auto moved = heap.allocator.realloc(p, 4000);
        REQUIRE(moved.payload);
        CHECK(*moved.payload != p);
        heap.check();
        std::vector<std::uint8_t> bytes(16);
        REQUIRE_FALSE(heap.memory.read(*moved.payload, bytes));
        CHECK(std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t b) { return b == 0x5a; }));
        CHECK(heap.memory.find_shadow(*moved.payload, 24, Shadow::Uninitialized) == *moved.payload + 16);
        CHECK(heap.allocator.free(p)->kind == ErrorKind::DoubleFree);  // the old block was freed
    });
}

TEST_CASE("realloc-shrink keeps the pointer and the prefix") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        const Addr p = heap.malloc(500);
        REQUIRE_FALSE(heap.memory.fill(p, 500, 7));
        auto shrunk = heap.allocator.realloc(p, 10);
        REQUIRE(shrunk.payload);
        std::uint8_t first = 0;
        REQUIRE_FALSE(heap.memory.read(*shrunk.payload, {&first, 1}));
        CHECK(first == 7);
        heap.check();
    });
}

TEST_CASE("realloc of NULL mallocs, realloc to 0 frees") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        auto fresh = heap.allocator.realloc(0, 32);
        REQUIRE(fresh.payload);
        CHECK(heap.block(*fresh.payload).state == BlockState::Allocated);
        auto freed = heap.allocator.realloc(*fresh.payload, 0);
        CHECK_FALSE(freed.payload);
        CHECK_FALSE(freed.error);
        CHECK(heap.allocator.metrics().live_payload == 0);
        heap.check();
    });
}

TEST_CASE("double-free-detected with where the block came from, and the heap unharmed") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        const Addr p = *heap.allocator.malloc(16, /*site=*/7);
        heap.malloc(16);
        REQUIRE_FALSE(heap.allocator.free(p, /*site=*/9));
        const auto blocks_before = heap.allocator.blocks().size();
        auto error = heap.allocator.free(p, /*site=*/11);
        REQUIRE(error);
        CHECK(error->kind == ErrorKind::DoubleFree);
        CHECK(error->allocated_at == 7);
        CHECK(error->freed_at == 9);
        CHECK(error->message.find("already freed") != std::string::npos);
        CHECK(heap.allocator.blocks().size() == blocks_before);
        heap.check();
    });
}

TEST_CASE("freed blocks are remembered until their memory is handed out again") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        const Addr p = *heap.allocator.malloc(40, /*site=*/3);
        heap.malloc(16);
        CHECK_FALSE(heap.allocator.freed_block_containing(p));
        REQUIRE_FALSE(heap.allocator.free(p, /*site=*/5));
        auto freed = heap.allocator.freed_block_containing(p + 39);
        REQUIRE(freed);
        CHECK(freed->payload == p);
        CHECK(freed->requested == 40);
        CHECK(freed->allocated_at == 3);
        CHECK(freed->freed_at == 5);
        CHECK_FALSE(heap.allocator.freed_block_containing(p + 40));
        // Every policy but next fit reuses the hole for the same request.
        if (policy == PolicyKind::NextFit) return;
        CHECK(heap.malloc(40) == p);
        CHECK_FALSE(heap.allocator.freed_block_containing(p));
    });
}

TEST_CASE("invalid-free of interior, stack, global, code and wild pointers is refused") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        const Addr p = heap.malloc(64);
        const Layout& layout = heap.memory.layout();
        struct Case {
            Addr pointer;
            const char* says;
        };
        for (Case c : {Case{p + 8, "8 bytes into the block"},
                       Case{layout.segment(SegmentKind::Stack).last - 15, "on the stack"},
                       Case{layout.segment(SegmentKind::Data).first, "global or static"},
                       Case{layout.segment(SegmentKind::Code).first + 4, "code segment"},
                       Case{0xdeadbeef, "does not point to memory malloc returned"}}) {
            CAPTURE(c.says);
            auto error = heap.allocator.free(c.pointer);
            REQUIRE(error);
            CHECK(error->kind == ErrorKind::InvalidFree);
            CHECK(error->message.find(c.says) != std::string::npos);
            auto bad_realloc = heap.allocator.realloc(c.pointer, 8);
            REQUIRE(bad_realloc.error);
            CHECK(bad_realloc.error->kind == ErrorKind::InvalidRealloc);
        }
        CHECK(heap.block(p).state == BlockState::Allocated);
        heap.check();
    });
}

TEST_CASE("enomem-returns-null once the heap limit is reached, and the heap stays usable") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy, {.heap_limit = 64 * 1024});
        std::vector<Addr> blocks;
        while (auto p = heap.allocator.malloc(1000)) blocks.push_back(*p);
        CHECK(blocks.size() > 40);
        CHECK(heap.memory.brk() - heap.memory.heap_start() <= 64 * 1024);
        heap.check();
        CHECK_FALSE(heap.allocator.malloc(1u << 20));
        CHECK_FALSE(heap.allocator.calloc(~0ULL / 2, 4));  // count * size overflows
        heap.free(blocks[3]);
        CHECK(heap.allocator.malloc(1000) == blocks[3]);
        heap.check();
    });
}

TEST_CASE("calloc returns zeroed, initialized memory") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        const Addr p = heap.malloc(64);
        REQUIRE_FALSE(heap.memory.fill(p, 64, 0xff));
        heap.malloc(8);
        heap.free(p);
        auto zeroed = heap.allocator.calloc(8, 8);
        REQUIRE(zeroed);
        std::vector<std::uint8_t> bytes(64);
        REQUIRE_FALSE(heap.memory.read(*zeroed, bytes));
        CHECK(std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t b) { return b == 0; }));
        CHECK_FALSE(heap.memory.find_shadow(*zeroed, 64, Shadow::Uninitialized));
    });
}

TEST_CASE("heap_check finds a corrupted header") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy);
        const Addr p = heap.malloc(48);
        heap.malloc(48);
        const Block block = heap.block(p);
        // A buffer underflow writes over the header's size.
        REQUIRE_FALSE(heap.memory.write_word(block.header, 4, 0x41414141));
        CHECK_FALSE(heap.allocator.heap_check().empty());
    });
}

TEST_CASE("first fit takes the first hole, next fit the next one, best fit the tightest") {
    auto holes = [](Heap& heap) {
        // Holes of 200, 100, 200 bytes between allocated guards; returns their payloads.
        std::vector<Addr> hole;
        for (std::uint64_t size : {200, 100, 200}) {
            hole.push_back(heap.malloc(size));
            heap.malloc(16);
        }
        for (Addr p : hole) heap.free(p);
        return hole;
    };
    {
        Heap heap(PolicyKind::FirstFit);
        auto hole = holes(heap);
        CHECK(heap.malloc(80) == hole[0]);
        // The rest of the first hole still fits 80 bytes, so first fit stays there.
        const Addr second = heap.malloc(80);
        CHECK(second > hole[0]);
        CHECK(second < hole[1]);
    }
    {
        Heap heap(PolicyKind::NextFit);
        auto hole = holes(heap);
        const Addr first = heap.malloc(80);
        // The search resumes at the block it stopped in, not at the heap start.
        const Addr second = heap.malloc(80);
        CHECK(second > first);
    }
    {
        Heap heap(PolicyKind::BestFit);
        auto hole = holes(heap);
        CHECK(heap.malloc(80) == hole[1]);
    }
    {
        Heap heap(PolicyKind::Segregated);
        auto hole = holes(heap);
        CHECK(heap.malloc(80) == hole[1]);
    }
    {
        Heap heap(PolicyKind::ExplicitLifo);
        auto hole = holes(heap);
        CHECK(heap.malloc(80) == hole[2]);  // the most recently freed
    }
    {
        Heap heap(PolicyKind::ExplicitAddress);
        auto hole = holes(heap);
        CHECK(heap.malloc(80) == hole[0]);  // the lowest address
        CHECK(heap.allocator.free_lists().front().front() > hole[0]);
    }
}

TEST_CASE("the textbook allocator lays out the heap exactly as CS:APP 9.9.12") {
    Heap heap(PolicyKind::Textbook);
    const Addr start = heap.memory.heap_start();
    auto word = [&](Addr at) {
        std::uint64_t value = 0;
        REQUIRE_FALSE(heap.memory.read_word(at, 4, value));
        return value;
    };
    // mm_init: padding word, prologue header and footer (8 | allocated), then CHUNKSIZE of free
    // space and the epilogue header.
    CHECK(word(start) == 0);
    CHECK(word(start + 4) == 0x9);
    CHECK(word(start + 8) == 0x9);
    CHECK(word(start + 12) == 4096);
    CHECK(heap.memory.brk() == start + 16 + 4096);
    CHECK(word(heap.memory.brk() - 4) == 0x1);

    const Addr p = heap.malloc(1);  // asize = 2 * DSIZE
    CHECK(p == start + 16);
    CHECK(word(start + 12) == (16 | 1));
    CHECK(word(start + 24) == (16 | 1));  // the footer
    CHECK(word(start + 28) == 4096 - 16);  // the split-off remainder
    const Addr big = heap.malloc(5000);   // extend_heap(MAX(asize, CHUNKSIZE))
    CHECK(big % 8 == 0);
    CHECK(heap.block(big).size == 5008);
}

TEST_CASE("metrics follow utilization and fragmentation") {
    Heap heap(PolicyKind::Segregated);
    const Addr a = heap.malloc(100);
    heap.malloc(100);
    Metrics m = heap.allocator.metrics();
    CHECK(m.live_payload == 200);
    CHECK(m.peak_payload == 200);
    CHECK(m.utilization == doctest::Approx(200.0 / static_cast<double>(m.heap_bytes)));
    CHECK(m.internal_fragmentation == heap.block(a).size * 2 - 200);
    heap.free(a);
    m = heap.allocator.metrics();
    CHECK(m.live_payload == 100);
    CHECK(m.peak_payload == 200);
    CHECK(m.free_blocks >= 1);
    CHECK(m.largest_free >= 112);
    CHECK(m.calls == 3);
}

TEST_CASE("events tell what a call did") {
    Heap heap(PolicyKind::FirstFit);
    const Addr hole = heap.malloc(400);
    heap.malloc(16);
    heap.free(hole);
    std::vector<AllocEvent> events;
    heap.allocator.set_event_log(&events);
    heap.malloc(16);
    heap.allocator.set_event_log(nullptr);
    auto has = [&](AllocEvent::Kind kind) {
        return std::any_of(events.begin(), events.end(), [kind](const AllocEvent& e) { return e.kind == kind; });
    };
    CHECK(has(AllocEvent::Kind::Examined));
    CHECK(has(AllocEvent::Kind::Chosen));
    CHECK(has(AllocEvent::Kind::Split));
    CHECK(has(AllocEvent::Kind::Allocated));
}

TEST_CASE("stress: 100,000 seeded random operations per policy keep every invariant") {
    for_each_policy([](PolicyKind policy) {
        Heap heap(policy, {.heap_limit = 4u << 20});
        std::uint64_t state = 0x9e3779b97f4a7c15ULL ^ static_cast<std::uint64_t>(policy);
        auto next = [&state] {  // splitmix64: the same sequence on every platform
            std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            return z ^ (z >> 31);
        };
        std::vector<std::pair<Addr, std::uint64_t>> live;
        std::size_t failures = 0;
        for (int op = 0; op < 100000; ++op) {
            const std::uint64_t roll = next() % 100;
            const std::uint64_t size = next() % 4 == 0 ? next() % 4000 : next() % 120;
            if (live.empty() || (roll < 45 && live.size() < 48)) {
                if (auto p = heap.allocator.malloc(size)) live.emplace_back(*p, size);
            } else if (roll < 80) {
                const std::size_t pick = next() % live.size();
                if (heap.allocator.free(live[pick].first)) ++failures;
                live[pick] = live.back();
                live.pop_back();
            } else {
                const std::size_t pick = next() % live.size();
                auto result = heap.allocator.realloc(live[pick].first, size);
                if (result.error) ++failures;
                if (result.payload) live[pick] = {*result.payload, size};
                else if (size == 0) {
                    live[pick] = live.back();
                    live.pop_back();
                }
            }
            const auto problems = heap.allocator.heap_check();
            if (!problems.empty()) {
                FAIL("operation " << op << ": " << problems.front());
            }
            if (op % 1000 == 0) {  // live_payloads: the allocated blocks the heap walk finds
                std::vector<std::pair<Addr, std::uint64_t>> walked;
                for (const Block& block : heap.allocator.blocks()) {
                    if (block.state == BlockState::Allocated) walked.emplace_back(block.payload, block.requested);
                }
                std::vector<std::pair<Addr, std::uint64_t>> expected = live;
                std::sort(expected.begin(), expected.end());
                CHECK(heap.allocator.live_payloads() == walked);
                CHECK(heap.allocator.live_payloads() == expected);
            }
        }
        CHECK(failures == 0);
    });
}
