#include <doctest/doctest.h>

#include "support/format.h"

using namespace memviz;

TEST_CASE("hex_address prints lowercase hex without leading zeros") {
    CHECK(hex_address(0) == "0x0");
    CHECK(hex_address(0x4052b0) == "0x4052b0");
    CHECK(hex_address(0x7ffffffff000) == "0x7ffffffff000");
    CHECK(hex_address(~0ULL) == "0xffffffffffffffff");
}

TEST_CASE("human_size is exact for whole units and rounds otherwise") {
    CHECK(human_size(0) == "0 bytes");
    CHECK(human_size(1) == "1 byte");
    CHECK(human_size(12) == "12 bytes");
    CHECK(human_size(4096) == "4 KiB");
    CHECK(human_size(8ULL << 20) == "8 MiB");
    CHECK(human_size(1536) == "1.5 KiB");
    CHECK(human_size(1025) == "1.0 KiB");
    CHECK(human_size(0x7ffffffff000ULL - 0x400000ULL) == "128.0 TiB");
    CHECK(human_size(~0ULL - 0x7ffffffff000ULL + 1) == "16.0 EiB");
}

TEST_CASE("parse_size accepts plain, hex and unit-suffixed sizes") {
    CHECK(parse_size("8388608") == 8388608u);
    CHECK(parse_size("0x800000") == 0x800000u);
    CHECK(parse_size("8M") == 8ULL << 20);
    CHECK(parse_size(" 8 MiB ") == 8ULL << 20);
    CHECK(parse_size("64k") == 65536u);
    CHECK(parse_size("1G") == 1ULL << 30);
    CHECK(parse_size("12b") == 12u);
}

TEST_CASE("parse_size rejects what is not a size") {
    CHECK_FALSE(parse_size(""));
    CHECK_FALSE(parse_size("MiB"));
    CHECK_FALSE(parse_size("-4"));
    CHECK_FALSE(parse_size("8 parsecs"));
    CHECK_FALSE(parse_size("0x10k"));
    CHECK_FALSE(parse_size("99999999999999999999"));
    CHECK_FALSE(parse_size("17179869184G"));  // 2^34 GiB overflows 64 bits
}
