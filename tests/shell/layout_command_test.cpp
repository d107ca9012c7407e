#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "run_command.h"

TEST_CASE("memviz layout prints every segment, low addresses first") {
    CommandResult run = run_memviz("layout");
    REQUIRE(run.exit_status == 0);
    CHECK(run.out.find("Address space (LP64), low addresses first") != std::string::npos);
    const auto reserved = run.out.find("reserved");
    const auto code = run.out.find("code");
    const auto stack = run.out.find("stack");
    const auto os = run.out.find("OS reserved");
    CHECK(reserved < code);
    CHECK(code < stack);
    CHECK(stack < os);
    CHECK(run.out.find("0x400000") != std::string::npos);
    CHECK(run.out.find("r-x") != std::string::npos);
}

TEST_CASE("memviz layout --high-first lists the OS-reserved top first") {
    CommandResult run = run_memviz("layout --high-first");
    REQUIRE(run.exit_status == 0);
    CHECK(run.out.find("OS reserved") < run.out.find("code"));
}

TEST_CASE("memviz layout --json gives the ILP32 segments with sizes and settings applied") {
    CommandResult run = run_memviz("layout --json --data-model ILP32 --stack-limit 16K --heap-limit 1M");
    REQUIRE(run.exit_status == 0);
    auto layout = nlohmann::json::parse(run.out);
    CHECK(layout["data_model"] == "ILP32");
    auto& segments = layout["segments"];
    REQUIRE(segments.size() == 7);
    CHECK(segments[1]["name"] == "code");
    CHECK(segments[1]["first"] == "0x8048000");
    CHECK(segments[3]["name"] == "heap");
    CHECK(segments[3]["size"] == 1 << 20);
    CHECK(segments[5]["name"] == "stack");
    CHECK(segments[5]["size"] == 16 * 1024);
    CHECK(segments[5]["last"] == "0xbfffffff");
    CHECK(segments[6]["permissions"] == "---");
}

TEST_CASE("memviz layout explains a bad size or a layout that does not fit, with exit status 1+") {
    CommandResult bad_size = run_memviz("layout --stack-limit lots");
    CHECK(bad_size.exit_status != 0);
    CHECK(bad_size.err.find("'lots' is not a size") != std::string::npos);

    CommandResult too_big = run_memviz("layout --data-model ilp32 --heap-limit 3G");
    CHECK(too_big.exit_status != 0);
    CHECK(too_big.err.find("heap limit of 3 GiB does not fit the ILP32 address space") != std::string::npos);

    CommandResult unknown_model = run_memviz("layout --data-model lp32");
    CHECK(unknown_model.exit_status != 0);
    CHECK(unknown_model.out.empty());
}
