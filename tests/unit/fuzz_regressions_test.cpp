// The inputs on which the fuzzers (fuzz/, docs/reliability.md) found a problem, kept in
// tests/fuzz-regressions/TARGET/ and run here through the entry point of their fuzz target, each
// with the clean outcome it must have now: a diagnostic at a line and column of the program, a
// run that stops with a reason, a replayed trace, a refused link. Every file there must have its
// expectation below, so an input cannot be added and forgotten.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>

#include "alloc/trace.h"
#include "alloc/trace_replay.h"
#include "corpus.h"
#include "lang/compile.h"
#include "lang/parse.h"
#include "permalink.h"
#include "run.h"
#include "vm/libc.h"

using namespace memviz;

namespace {

const std::filesystem::path kFuzzRegressionsDir = MEMVIZ_FUZZ_REGRESSIONS_DIR;

// The files of tests/fuzz-regressions/TARGET.
std::set<std::string> fuzz_regression_files(const std::string& target) {
    std::set<std::string> names;
    const std::filesystem::path dir = kFuzzRegressionsDir / target;
    if (!std::filesystem::exists(dir)) return names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) names.insert(entry.path().filename().string());
    return names;
}

// Front end: the source compiles to errors, every one at a line and column of the program
// itself, and one of them at `loc` says `message`.
struct FrontEndRegression {
    std::string_view file;
    SourceLoc loc;
    std::string_view message;
};
constexpr FrontEndRegression kFrontEndRegressions[] = {
    // A declaration left open before an #include: the header's declarations fail to parse, and
    // their errors were placed at the header's own lines, past the end of the program.
    {"header-after-broken-declaration.c", {2, 9}, "before 'size_t' (in <stdlib.h>)"},
    {"header-after-broken-declaration-found.c", {7, 10}, "before 'size_t' (in <stdio.h>)"},
};

std::uint32_t lines_in(std::string_view source) {
    std::uint32_t lines = 1;
    for (char c : source) lines += c == '\n' ? 1u : 0u;
    return lines;
}

Diagnostics compile_for_regression(const std::string& source, DataModel model) {
    Diagnostics diagnostics;
    const lang::Program ast = lang::parse_source(source, model, diagnostics);
    if (!diagnostics.has_errors()) (void)lang::compile(ast, model, vm::find_library_function, diagnostics);
    return diagnostics;
}

// Trace: the trace parses, and replaying it with every policy in both data models (heap_check
// after each operation) fails no check: its only errors are requests that return NULL, among
// them the one of `refused` bytes.
struct TraceRegression {
    std::string_view file;
    std::string_view refused;
};
constexpr TraceRegression kTraceRegressions[] = {
    // malloc of nearly 2^64 bytes: the heap's growth, cast to sbrk's signed increment, became
    // negative and shrank the heap; malloc returned a block outside it.
    {"malloc-near-size-max.rep", "a 0 18446744073709551560"},
    {"malloc-near-size-max-found.rep", "a 2 18446744073709551307"},
};

constexpr alloc::PolicyKind kRegressionPolicies[] = {
    alloc::PolicyKind::FirstFit,     alloc::PolicyKind::NextFit,         alloc::PolicyKind::BestFit,
    alloc::PolicyKind::ExplicitLifo, alloc::PolicyKind::ExplicitAddress, alloc::PolicyKind::Segregated,
    alloc::PolicyKind::Textbook,
};

// Permalink: the fragment decodes, with this autoplay speed, to a view that encodes and decodes
// again to itself, without warnings.
struct PermalinkRegression {
    std::string_view file;
    double autoplay;
};
constexpr PermalinkRegression kPermalinkRegressions[] = {
    // A speed of one step per second was written `autoplay=1`, which a link reads as "on, at the
    // default two per second".
    {"autoplay-one.txt", 1.0},
    {"autoplay-one-found.txt", 1.0},
};

}  // namespace

TEST_CASE("fuzz regressions: every kept input has its expectation") {
    std::set<std::string> expected;
    for (const FrontEndRegression& r : kFrontEndRegressions) expected.insert(std::string(r.file));
    CHECK(fuzz_regression_files("frontend") == expected);
    expected.clear();
    for (const TraceRegression& r : kTraceRegressions) expected.insert(std::string(r.file));
    CHECK(fuzz_regression_files("trace") == expected);
    expected.clear();
    for (const PermalinkRegression& r : kPermalinkRegressions) expected.insert(std::string(r.file));
    CHECK(fuzz_regression_files("permalink") == expected);
    CHECK(fuzz_regression_files("vm").empty());
}

TEST_CASE("fuzz regressions: front end errors are located in the program") {
    for (const FrontEndRegression& r : kFrontEndRegressions) {
        const std::string source = test::read_file(kFuzzRegressionsDir / "frontend" / r.file);
        for (DataModel model : {DataModel::LP64, DataModel::ILP32}) {
            INFO(r.file << " (" << test::model_name(model) << ")");
            const Diagnostics diagnostics = compile_for_regression(source, model);
            REQUIRE(diagnostics.has_errors());
            bool found = false;
            for (const Diagnostic& d : diagnostics.all()) {
                if (d.severity != Severity::Error) continue;
                INFO(d.loc.line << ":" << d.loc.column << ": " << d.message);
                CHECK(d.loc.valid());
                CHECK(d.loc.column >= 1);
                CHECK(d.loc.line <= lines_in(source));
                found = found || (d.loc == r.loc && d.message.find(r.message) != std::string::npos);
            }
            CHECK_MESSAGE(found, "no error at " << r.loc.line << ":" << r.loc.column << " saying " << r.message);
            CHECK(!diagnostics.render("main.c", source).empty());
        }
    }
}

TEST_CASE("fuzz regressions: traces replay with only out-of-memory errors") {
    for (const TraceRegression& r : kTraceRegressions) {
        const auto trace = alloc::parse_trace(test::read_file(kFuzzRegressionsDir / "trace" / r.file), std::string(r.file));
        REQUIRE_MESSAGE(trace.ok(), r.file);
        for (DataModel model : {DataModel::LP64, DataModel::ILP32}) {
            for (alloc::PolicyKind policy : kRegressionPolicies) {
                INFO(r.file << ", " << alloc::name(policy) << ", " << test::model_name(model));
                const alloc::ReplayResult result = alloc::replay(
                    trace.value(), {.policy = policy}, model, {.check = alloc::ReplayCheck::HeapCheck, .max_messages = 100});
                CHECK(result.errors == result.messages.size());
                bool refused = false;
                for (const std::string& message : result.messages) {
                    INFO(message);
                    CHECK(message.find("returned NULL: out of memory") != std::string::npos);
                    refused = refused || message.find(r.refused) != std::string::npos;
                }
                CHECK_MESSAGE(refused, r.refused << " did not return NULL");
            }
        }
    }
}

TEST_CASE("fuzz regressions: malloc of nearly SIZE_MAX bytes returns NULL in a program too") {
    // The trace finding above, as a student's program meets it.
    const std::string source = R"(#include <stdio.h>
#include <stdlib.h>
int main(void) {
    int *small = malloc(16);
    int *huge = malloc((size_t)-64);
    printf("%s\n", huge == NULL ? "NULL" : "a block");
    free(small);
    return 0;
}
)";
    for (alloc::PolicyKind policy : kRegressionPolicies) {
        INFO(alloc::name(policy));
        const RunResult result = compile_and_run(source, {.policy = policy});
        CHECK(result.outcome == RunResult::Outcome::Exited);
        CHECK(result.stdout_text == "NULL\n");
    }
}

TEST_CASE("fuzz regressions: decoded permalinks encode to themselves") {
    for (const PermalinkRegression& r : kPermalinkRegressions) {
        INFO(r.file);
        const auto decoded = web::decode_permalink(test::read_file(kFuzzRegressionsDir / "permalink" / r.file));
        REQUIRE(decoded.ok());
        CHECK(decoded.value().link.autoplay == r.autoplay);
        const auto again = web::decode_permalink(web::encode_permalink(decoded.value().link));
        REQUIRE(again.ok());
        CHECK(again.value().warnings.empty());
        CHECK(again.value().link == decoded.value().link);
    }
}
