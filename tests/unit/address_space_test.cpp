#include <doctest/doctest.h>

#include <vector>

#include "mem/address_space.h"

using namespace memviz;

namespace {

AddressSpace make_space(LayoutConfig config = {}) { return AddressSpace(Layout::make(config).value()); }

struct RecordingObserver final : MemoryObserver {
    struct Change {
        Addr first;
        std::vector<std::uint8_t> old_bytes;
        std::vector<Shadow> old_shadow;
    };
    std::vector<Change> changes;
    std::vector<Addr> breaks;
    void before_change(Addr first, std::span<const std::uint8_t> bytes, std::span<const Shadow> shadow) override {
        changes.push_back({first, {bytes.begin(), bytes.end()}, {shadow.begin(), shadow.end()}});
    }
    void before_break_change(Addr old_break) override { breaks.push_back(old_break); }
};

}  // namespace

TEST_CASE("global data reads back what was written, little-endian") {
    AddressSpace memory = make_space();
    const Addr global = memory.layout().segment(SegmentKind::Data).first;
    REQUIRE_FALSE(memory.write_word(global, 4, 0x11223344));
    std::uint8_t raw[4];
    REQUIRE_FALSE(memory.read(global, raw));
    CHECK(raw[0] == 0x44);
    CHECK(raw[3] == 0x11);
    std::uint64_t value = 0;
    REQUIRE_FALSE(memory.read_word(global, 2, value));
    CHECK(value == 0x3344);
    CHECK(memory.shadow(global) == Shadow::Initialized);
}

TEST_CASE("each kind of bad access gives its own fault with the address and segment") {
    AddressSpace memory = make_space();
    const Layout& layout = memory.layout();
    std::uint8_t byte = 0;
    std::uint8_t buffer[8] = {};

    auto null_read = memory.read(8, {&byte, 1});
    REQUIRE(null_read);
    CHECK(null_read->kind == FaultKind::NullArea);
    CHECK(null_read->address == 8);
    CHECK(null_read->segment == SegmentKind::Reserved);
    CHECK(null_read->describe() == "read of 0x8 in the reserved area near address 0 (a NULL pointer?)");

    auto code_write = memory.write(layout.segment(SegmentKind::Code).first, {&byte, 1});
    REQUIRE(code_write);
    CHECK(code_write->kind == FaultKind::ReadOnly);
    CHECK(code_write->access == Access::Write);

    auto heap_read = memory.read(memory.heap_start(), {&byte, 1});
    REQUIRE(heap_read);
    CHECK(heap_read->kind == FaultKind::BeyondBreak);

    auto gap = memory.read(layout.segment(SegmentKind::Gap).first + 4096, {&byte, 1});
    REQUIRE(gap);
    CHECK(gap->kind == FaultKind::Unmapped);

    auto below_stack = memory.write(layout.segment(SegmentKind::Stack).first - 16, {buffer, 8});
    REQUIRE(below_stack);
    CHECK(below_stack->kind == FaultKind::BeyondStackLimit);

    auto os = memory.read(0xffff800000000000, {&byte, 1});
    REQUIRE(os);
    CHECK(os->kind == FaultKind::OsReserved);

    auto wrap = memory.read(0xfffffffffffffffc, {buffer, 8});
    REQUIRE(wrap);
    CHECK(wrap->kind == FaultKind::OsReserved);
}

TEST_CASE("ILP32 addresses above 4 GiB are outside the address space") {
    AddressSpace memory = make_space({.data_model = DataModel::ILP32});
    std::uint8_t byte = 0;
    auto fault = memory.read(0x1'0000'0000, {&byte, 1});
    REQUIRE(fault);
    CHECK(fault->kind == FaultKind::OutsideAddressSpace);
    CHECK_FALSE(fault->segment);
}

TEST_CASE("an access that faults part-way changes nothing") {
    AddressSpace memory = make_space();
    REQUIRE(memory.sbrk(16).ok());
    const Addr last = memory.brk() - 4;
    REQUIRE_FALSE(memory.write_word(last, 4, 0xaabbccdd));
    const std::uint8_t bytes[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    auto fault = memory.write(last, bytes);
    REQUIRE(fault);
    CHECK(fault->address == memory.brk());
    CHECK(fault->kind == FaultKind::BeyondBreak);
    std::uint64_t kept = 0;
    REQUIRE_FALSE(memory.read_word(last, 4, kept));
    CHECK(kept == 0xaabbccdd);
}

TEST_CASE("accesses may span adjacent segments that both allow them") {
    AddressSpace memory = make_space();
    REQUIRE(memory.sbrk(4096).ok());
    const Addr data_end = memory.layout().segment(SegmentKind::Data).last;
    REQUIRE_FALSE(memory.write_word(data_end - 3, 8, 0x0102030405060708));
    std::uint64_t value = 0;
    REQUIRE_FALSE(memory.read_word(data_end - 3, 8, value));
    CHECK(value == 0x0102030405060708);
    CHECK(memory.check(memory.layout().segment(SegmentKind::Code).last - 1, 4, Access::Write)->kind ==
          FaultKind::ReadOnly);
}

TEST_CASE("sbrk grows the heap to its limit and refuses more") {
    AddressSpace memory = make_space({.heap_limit = 8192});
    const Addr start = memory.heap_start();
    auto first = memory.sbrk(4096);
    REQUIRE(first.ok());
    CHECK(first.value() == start);
    CHECK(memory.brk() == start + 4096);
    CHECK(memory.shadow(start) == Shadow::Unallocated);
    CHECK(memory.sbrk(4096).ok());
    auto refused = memory.sbrk(1);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error() == "the heap cannot grow by 1 byte: only 0 bytes of its 8 KiB limit are left");
    CHECK(memory.brk() == start + 8192);
    CHECK(memory.sbrk(-8192).ok());
    CHECK_FALSE(memory.sbrk(-1).ok());
}

TEST_CASE("the stack is backed on first touch, down to its limit and no further") {
    AddressSpace memory = make_space({.stack_limit = 16 * 1024});
    const Addr top = memory.stack_top();
    REQUIRE_FALSE(memory.write_word(top - 8, 8, 42));
    const Addr deepest = memory.layout().segment(SegmentKind::Stack).first;
    std::uint64_t value = 1;
    REQUIRE_FALSE(memory.read_word(deepest, 8, value));
    CHECK(value == 0);
    CHECK(memory.shadow(deepest) == Shadow::Unallocated);
    CHECK(memory.stack_low() == deepest);
    REQUIRE_FALSE(memory.read_word(top - 8, 8, value));
    CHECK(value == 42);
    CHECK(memory.check(deepest - 1, 1, Access::Read)->kind == FaultKind::BeyondStackLimit);
}

TEST_CASE("shadow state is set, found and reported through the observer") {
    AddressSpace memory = make_space();
    RecordingObserver observer;
    memory.set_observer(&observer);
    REQUIRE(memory.sbrk(64).ok());
    REQUIRE(observer.breaks == std::vector<Addr>{memory.heap_start()});
    const Addr block = memory.heap_start();
    memory.set_shadow(block, 32, Shadow::Uninitialized);
    REQUIRE_FALSE(memory.fill(block, 8, 0xab));
    CHECK(memory.find_shadow(block, 32, Shadow::Uninitialized) == block + 8);
    CHECK_FALSE(memory.find_shadow(block, 8, Shadow::Uninitialized));

    REQUIRE(observer.changes.size() == 2);
    CHECK(observer.changes[1].first == block);
    CHECK(observer.changes[1].old_bytes == std::vector<std::uint8_t>(8, 0));
    CHECK(observer.changes[1].old_shadow == std::vector<Shadow>(8, Shadow::Uninitialized));

    // A refused write tells the observer nothing.
    std::uint8_t byte = 1;
    CHECK(memory.write(0, {&byte, 1}));
    CHECK(observer.changes.size() == 2);
}
