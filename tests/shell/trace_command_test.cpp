#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alloc/allocator.h"
#include "alloc/trace.h"
#include "alloc/trace_gen.h"
#include "run_command.h"

using namespace memviz;

namespace {

// A fresh directory under /tmp, removed with everything in it at the end of the test.
struct TempDir {
    TempDir() {
        char pattern[] = "/tmp/memviz-trace-test-XXXXXX";
        REQUIRE(mkdtemp(pattern) != nullptr);
        path = pattern;
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
    std::filesystem::path path;
};

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_text(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("memviz trace-gen writes every shape and memviz trace --policy all --json replays them cleanly") {
    TempDir dir;
    CommandResult gen = run_memviz("trace-gen --out " + dir.path.string());
    REQUIRE(gen.exit_status == 0);
    std::set<std::string> shapes;
    for (alloc::TraceShape shape : alloc::all_trace_shapes()) {
        const std::string name(alloc::name(shape));
        shapes.insert(name);
        CHECK(gen.out.find("wrote " + dir.file(name + ".rep")) != std::string::npos);
        REQUIRE(std::filesystem::exists(dir.file(name + ".rep")));
    }
    std::set<std::string> policies;
    for (alloc::PolicyKind policy : alloc::all_policies()) policies.insert(std::string(alloc::name(policy)));

    CommandResult run = run_memviz("trace --policy all --json " + dir.path.string() + "/*.rep");
    CHECK(run.err.empty());
    REQUIRE(run.exit_status == 0);
    const std::vector<std::string> lines = lines_of(run.out);
    CHECK(lines.size() == shapes.size() * policies.size());
    std::set<std::pair<std::string, std::string>> seen;
    for (const std::string& line : lines) {
        const auto result = nlohmann::json::parse(line);
        const std::string trace = result.at("trace");
        const std::string policy = result.at("policy");
        CAPTURE(trace);
        CAPTURE(policy);
        CHECK(shapes.count(trace) == 1);
        CHECK(policies.count(policy) == 1);
        CHECK(seen.insert({trace, policy}).second);
        auto file = alloc::parse_trace(read_text(dir.file(trace + ".rep")));
        REQUIRE(file.ok());
        CHECK(result.at("ops") == file.value().ops.size());
        CHECK(result.at("errors") == 0);
        CHECK(result.at("messages").empty());
        CHECK(result.at("data_model") == "LP64");
        const double util = result.at("util");
        CHECK(util > 0);
        CHECK(util <= 1);
        CHECK(util == doctest::Approx(result.at("peak_payload").get<double>() / result.at("heap_bytes").get<double>()));
        CHECK(result.at("seconds").get<double>() >= 0);
        CHECK(result.at("ops_per_sec").get<double>() > 0);
    }
}

TEST_CASE("memviz trace prints a table row per trace and policy, util in percent") {
    TempDir dir;
    REQUIRE(run_memviz("trace-gen --shape binary --out " + dir.path.string()).exit_status == 0);
    CommandResult run = run_memviz("trace " + dir.file("binary.rep") + " --policy textbook --data-model ilp32 --check heap");
    REQUIRE(run.exit_status == 0);
    const std::vector<std::string> lines = lines_of(run.out);
    REQUIRE(lines.size() == 2);
    for (const char* column : {"trace", "policy", "ops", "util", "seconds", "ops/sec", "errors"}) {
        CHECK(lines[0].find(column) != std::string::npos);
    }
    std::istringstream row(lines[1]);
    std::string trace, policy, util;
    std::uint64_t ops = 0;
    double seconds = 0, ops_per_sec = 0;
    std::uint64_t errors = 99;
    row >> trace >> policy >> ops >> util >> seconds >> ops_per_sec >> errors;
    CHECK(trace == "binary");
    CHECK(policy == "textbook");
    CHECK(ops == alloc::generate_trace(alloc::TraceShape::Binary).ops.size());
    CHECK(util.back() == '%');
    CHECK(errors == 0);
}

TEST_CASE("memviz trace-gen --shape --seed --ops: one file, the budget kept, the same seed the same trace") {
    TempDir dir;
    REQUIRE(run_memviz("trace-gen --shape random --seed 7 --ops 100 --out " + dir.file("a")).exit_status == 0);
    REQUIRE(run_memviz("trace-gen --shape random --seed 7 --ops 100 --out " + dir.file("b")).exit_status == 0);
    REQUIRE(run_memviz("trace-gen --shape random --seed 8 --ops 100 --out " + dir.file("c")).exit_status == 0);
    CHECK(std::distance(std::filesystem::directory_iterator(dir.file("a")), {}) == 1);
    const std::string a = read_text(dir.file("a/random.rep"));
    CHECK(a == read_text(dir.file("b/random.rep")));
    CHECK(a != read_text(dir.file("c/random.rep")));
    auto trace = alloc::parse_trace(a);
    REQUIRE(trace.ok());
    CHECK(trace.value().ops.size() <= 100);
    CHECK(trace.value().ops.size() >= 90);

    CommandResult bad_shape = run_memviz("trace-gen --shape amptjp --out " + dir.file("d"));
    CHECK(bad_shape.exit_status != 0);
    CHECK(bad_shape.err.find("'amptjp' is not a trace shape") != std::string::npos);
}

TEST_CASE("memviz trace stops at a malformed file with its name and line, and a non-zero status") {
    TempDir dir;
    write_text(dir.file("good.rep"), "100\n2\n4\n1\na 0 10\na 1 20\nf 0\nf 1\n");
    write_text(dir.file("bad.rep"), "100\n2\n4\n1\na 0 10\n\na 1\nf 0\nf 1\n");
    CommandResult bad = run_memviz("trace " + dir.file("good.rep") + " " + dir.file("bad.rep"));
    CHECK(bad.exit_status == 2);
    CHECK(bad.out.empty());  // nothing runs before every file has been read
    CHECK(bad.err == dir.file("bad.rep") + ": line 7: expected `a ID BYTES`, got `a 1`\n");

    write_text(dir.file("freed.rep"), "100\n2\n3\n1\na 0 10\nf 0\nf 0\n");
    CommandResult freed = run_memviz("trace --json " + dir.file("freed.rep"));
    CHECK(freed.exit_status == 2);
    CHECK(freed.err.find("line 7: free of id 0, which was freed at line 6") != std::string::npos);

    std::string noise;
    for (int i = 0; i < 512; ++i) noise += static_cast<char>((i * 7919) % 256);
    write_text(dir.file("noise.rep"), noise);
    CommandResult garbage = run_memviz("trace " + dir.file("noise.rep"));
    CHECK(garbage.exit_status == 2);
    CHECK(garbage.err.find("noise.rep: line 1: expected the suggested heap size") != std::string::npos);

    CommandResult missing = run_memviz("trace " + dir.file("missing.rep"));
    CHECK(missing.exit_status == 2);
    CHECK(missing.err.find("missing.rep: cannot open the file") != std::string::npos);

    CommandResult bad_policy = run_memviz("trace --policy worst-fit " + dir.file("good.rep"));
    CHECK(bad_policy.exit_status != 0);
    CHECK(bad_policy.err.find("'worst-fit' is not a policy") != std::string::npos);
}
