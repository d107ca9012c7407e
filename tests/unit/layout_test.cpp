#include <doctest/doctest.h>

#include "mem/layout.h"

using namespace memviz;

namespace {

Layout make_layout(LayoutConfig config = {}) {
    auto layout = Layout::make(config);
    REQUIRE_MESSAGE(layout.ok(), (layout.ok() ? "" : layout.error()));
    return layout.value();
}

// The tiling invariant of layout.h, for any layout.
void check_tiles_address_space(const Layout& layout) {
    auto segments = layout.segments();
    REQUIRE(segments.size() == kSegmentKindCount);
    CHECK(segments.front().first == 0);
    CHECK(segments.back().last == info(layout.data_model()).max_address);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        CHECK(static_cast<std::size_t>(segments[i].kind) == i);
        if (segments[i].kind != SegmentKind::Gap) CHECK(segments[i].first <= segments[i].last);
        if (i + 1 < segments.size()) {
            CHECK(segments[i + 1].first == segments[i].last + 1);
            CHECK(segments[i + 1].first % kPageSize == 0);
        }
    }
}

}  // namespace

TEST_CASE("LP64 layout matches a non-PIE x86-64 Linux process") {
    Layout layout = make_layout();
    check_tiles_address_space(layout);
    CHECK(layout.segment(SegmentKind::Reserved).last == 0x3fffff);
    CHECK(layout.segment(SegmentKind::Code).first == 0x400000);
    CHECK(layout.segment(SegmentKind::Data).first == 0x403000);
    CHECK(layout.segment(SegmentKind::Heap).first == 0x405000);
    CHECK(layout.segment(SegmentKind::Heap).size() == 64ULL << 20);
    CHECK(layout.segment(SegmentKind::Stack).last == 0x7fffffffefff);
    CHECK(layout.segment(SegmentKind::Stack).size() == 8ULL << 20);
    CHECK(layout.segment(SegmentKind::OsReserved).first == 0x7ffffffff000);
    CHECK(layout.segment(SegmentKind::OsReserved).last == 0xffffffffffffffff);
}

TEST_CASE("ILP32 layout matches an i386 Linux process") {
    Layout layout = make_layout({.data_model = DataModel::ILP32});
    check_tiles_address_space(layout);
    CHECK(layout.segment(SegmentKind::Code).first == 0x08048000);
    CHECK(layout.segment(SegmentKind::Stack).last == 0xbfffffff);
    CHECK(layout.segment(SegmentKind::OsReserved).first == 0xc0000000);
    CHECK(layout.segment(SegmentKind::OsReserved).last == 0xffffffff);
    CHECK(layout.segment_of(0x1'0000'0000) == nullptr);
}

TEST_CASE("sizes are rounded up to whole pages and segments follow each other") {
    Layout layout = make_layout({.code_bytes = 5000, .data_bytes = 0, .heap_limit = 4097,
                                 .stack_limit = 6 * 1024});
    check_tiles_address_space(layout);
    CHECK(layout.segment(SegmentKind::Code).size() == 2 * kPageSize);
    CHECK(layout.segment(SegmentKind::Data).size() == kPageSize);  // never empty
    CHECK(layout.segment(SegmentKind::Heap).size() == 2 * kPageSize);
    CHECK(layout.segment(SegmentKind::Stack).size() == 2 * kPageSize);
}

TEST_CASE("a stack limit of a few KiB is allowed, less than a page is not") {
    CHECK(Layout::make({.stack_limit = 4096}).ok());
    auto too_small = Layout::make({.stack_limit = 100});
    REQUIRE_FALSE(too_small.ok());
    CHECK(too_small.error() == "stack limit must be at least 4 KiB, got 100 bytes");
}

TEST_CASE("segments that cannot fit are refused with a message") {
    auto huge_heap = Layout::make({.data_model = DataModel::ILP32, .heap_limit = 3ULL << 30});
    REQUIRE_FALSE(huge_heap.ok());
    CHECK(huge_heap.error() == "heap limit of 3 GiB does not fit the ILP32 address space");

    auto together = Layout::make({.data_model = DataModel::ILP32, .heap_limit = 2ULL << 30,
                                  .stack_limit = 1ULL << 30});
    REQUIRE_FALSE(together.ok());
    CHECK(together.error().find("do not fit between 0x8048000 and 0xc0000000") != std::string::npos);

    // Sizes near 2^64 must not wrap around into something that seems to fit.
    CHECK_FALSE(Layout::make({.stack_limit = ~0ULL}).ok());
    CHECK_FALSE(Layout::make({.code_bytes = ~0ULL - 10}).ok());
}

TEST_CASE("segment_of finds the segment of every boundary address") {
    for (DataModel model : {DataModel::LP64, DataModel::ILP32}) {
        Layout layout = make_layout({.data_model = model});
        for (const Segment& segment : layout.segments()) {
            if (segment.size() == 0) continue;
            CAPTURE(name(segment.kind));
            REQUIRE(layout.segment_of(segment.first) != nullptr);
            CHECK(layout.segment_of(segment.first)->kind == segment.kind);
            CHECK(layout.segment_of(segment.last)->kind == segment.kind);
            CHECK(layout.segment_of(segment.first + segment.size() / 2)->kind == segment.kind);
        }
    }
}

TEST_CASE("the null area, the gap and the OS-reserved top allow no access at all") {
    Layout layout = make_layout();
    for (Addr address : {Addr{0}, Addr{8}, Addr{0x3fffff}, Addr{0x7ffffffff000},
                         Addr{0xffff800000000000}, Addr{0xffffffffffffffff},
                         layout.segment(SegmentKind::Gap).first}) {
        CAPTURE(address);
        CHECK_FALSE(layout.allows(address, Access::Read));
        CHECK_FALSE(layout.allows(address, Access::Write));
        CHECK_FALSE(layout.allows(address, Access::Execute));
    }
}

TEST_CASE("code is read-only and executable; data, heap and stack are read-write, not executable") {
    Layout layout = make_layout();
    const Addr code = layout.segment(SegmentKind::Code).first;
    CHECK(layout.allows(code, Access::Read));
    CHECK(layout.allows(code, Access::Execute));
    CHECK_FALSE(layout.allows(code, Access::Write));
    for (SegmentKind kind : {SegmentKind::Data, SegmentKind::Heap, SegmentKind::Stack}) {
        CAPTURE(name(kind));
        const Addr address = layout.segment(kind).first;
        CHECK(layout.allows(address, Access::Read));
        CHECK(layout.allows(address, Access::Write));
        CHECK_FALSE(layout.allows(address, Access::Execute));
    }
}

TEST_CASE("data models report the target's sizes") {
    CHECK(info(DataModel::LP64).pointer_bytes == 8);
    CHECK(info(DataModel::LP64).malloc_alignment == 16);
    CHECK(info(DataModel::ILP32).pointer_bytes == 4);
    CHECK(info(DataModel::ILP32).malloc_alignment == 8);
    CHECK(parse_data_model("ILP32") == DataModel::ILP32);
    CHECK(parse_data_model("lp64") == DataModel::LP64);
    CHECK_FALSE(parse_data_model("lp32"));
}
