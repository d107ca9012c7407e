// PagedMap: the allocator's bookkeeping kept page by page, so that the history's copies share
// what did not change. A copy must never see a later write (copy on write), and a lookup must
// find the entry holding an address however far back it starts, within the given reach.
#include <doctest/doctest.h>

#include "alloc/paged_map.h"

namespace memviz::alloc {
namespace {

constexpr Addr kOrigin = 0x405000;

TEST_CASE("a copy keeps what the map held when copied, and shares the pages nobody wrote") {
    PagedMap<int> map(kOrigin);
    for (int i = 0; i < 1000; ++i) map.set(kOrigin + static_cast<Addr>(i) * 32, i);
    const PagedMap<int> saved = map;
    CHECK(map.unshared_bytes(&saved) == saved.unshared_bytes(&map));  // only the page table itself

    map.set(kOrigin + 64, -2);  // page 0
    map.erase(kOrigin + 32 * 500);  // another page
    map.set(kOrigin + 40000, 7);
    CHECK(map.size() == 1000);
    CHECK(saved.size() == 1000);
    CHECK(*saved.find(kOrigin + 64) == 2);
    CHECK(*map.find(kOrigin + 64) == -2);
    CHECK(saved.contains(kOrigin + 32 * 500));
    CHECK_FALSE(map.contains(kOrigin + 32 * 500));
    CHECK_FALSE(saved.contains(kOrigin + 40000));
    CHECK_FALSE(map == saved);

    // Three pages were written: the copy costs those three, not the other five.
    const std::uint64_t all = map.unshared_bytes(nullptr);
    const std::uint64_t changed = map.unshared_bytes(&saved);
    CHECK(changed < all / 2);
}

TEST_CASE("at_or_before finds the entry holding an address across pages, but not past the reach") {
    PagedMap<int> map(kOrigin);
    map.set(kOrigin + 100, 1);
    map.set(kOrigin + 3 * 4096 + 8, 2);
    REQUIRE(map.at_or_before(kOrigin + 3 * 4096, 1 << 20) != nullptr);
    CHECK(map.at_or_before(kOrigin + 3 * 4096, 1 << 20)->first == kOrigin + 100);
    CHECK(map.at_or_before(kOrigin + 3 * 4096 + 8, 1)->second == 2);
    CHECK(map.at_or_before(kOrigin + 3 * 4096, 4096) == nullptr);  // entry 1 is further back
    CHECK(map.at_or_before(kOrigin + 99, 1 << 20) == nullptr);
    CHECK(map.at_or_before(kOrigin - 1, 1 << 20) == nullptr);
}

TEST_CASE("erase_range removes exactly the keys in [first, end), across pages") {
    PagedMap<int> map(kOrigin);
    for (int i = 0; i < 64; ++i) map.set(kOrigin + static_cast<Addr>(i) * 512, i);
    const PagedMap<int> saved = map;
    map.erase_range(kOrigin + 512 * 3, kOrigin + 512 * 40);
    CHECK(map.size() == 64 - 37);
    CHECK(map.contains(kOrigin + 512 * 2));
    CHECK_FALSE(map.contains(kOrigin + 512 * 3));
    CHECK_FALSE(map.contains(kOrigin + 512 * 39));
    CHECK(map.contains(kOrigin + 512 * 40));
    CHECK(saved.size() == 64);
    std::vector<Addr> keys;
    map.for_each([&](Addr key, int) { keys.push_back(key); });
    CHECK(std::is_sorted(keys.begin(), keys.end()));
    CHECK(keys.size() == map.size());
}

}  // namespace
}  // namespace memviz::alloc
