// The malloc-lab trace tools: the .rep parser (good input, each kind of bad line with its line
// number, arbitrary bytes), the generator (valid, deterministic, round trip through .rep text),
// and the replayer (utilization by hand, C semantics of NULL, every shape with every policy and
// heap_check after every operation).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "alloc/trace.h"
#include "alloc/trace_gen.h"
#include "alloc/trace_replay.h"

using namespace memviz;
using namespace memviz::alloc;

namespace {

Trace parse_ok(std::string_view text) {
    auto trace = parse_trace(text, "test");
    REQUIRE_MESSAGE(trace.ok(), (trace.ok() ? "" : trace.error()));
    return trace.value();
}

std::string parse_error(std::string_view text) {
    auto trace = parse_trace(text, "test");
    REQUIRE_FALSE(trace.ok());
    return trace.error();
}

bool same_ops(const Trace& a, const Trace& b) {
    if (a.ops.size() != b.ops.size()) return false;
    for (std::size_t i = 0; i < a.ops.size(); ++i) {
        if (a.ops[i].kind != b.ops[i].kind || a.ops[i].id != b.ops[i].id || a.ops[i].bytes != b.ops[i].bytes) {
            return false;
        }
    }
    return true;
}

// Live requested bytes after each operation, computed independently of the replayer.
std::uint64_t peak_live_bytes(const Trace& trace) {
    std::vector<std::uint64_t> bytes(static_cast<std::size_t>(trace.id_count), 0);
    std::uint64_t live = 0;
    std::uint64_t peak = 0;
    for (const TraceOp& op : trace.ops) {
        live -= bytes[op.id];
        bytes[op.id] = op.kind == TraceOpKind::Free ? 0 : op.bytes;
        live += bytes[op.id];
        peak = std::max(peak, live);
    }
    return peak;
}

// A hand-written trace: live bytes go 100, 300, 200, 250, 50, 0, so the peak is 300.
constexpr std::string_view kSmallTrace =
    "20000\n"
    "3\n"
    "6\n"
    "1\n"
    "a 0 100\n"
    "a 1 200\n"
    "f 0\n"
    "a 2 50\n"
    "f 1\n"
    "f 2\n";

// A tiny deterministic generator for the parser's byte soup (xorshift64).
struct Bytes {
    std::uint64_t state;
    std::uint64_t next() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
};

}  // namespace

TEST_CASE("parse_trace reads the header and every operation, skipping blank lines and spaces") {
    const Trace trace = parse_ok("20000\n 3 \n\n5\n1\r\na 0 512\n\n  a 1 128\t\nr 0 640\r\nf 1\nf 0");
    CHECK(trace.name == "test");
    CHECK(trace.suggested_heap_bytes == 20000);
    CHECK(trace.id_count == 3);
    CHECK(trace.weight == 1);
    REQUIRE(trace.ops.size() == 5);
    CHECK(trace.ops[0].kind == TraceOpKind::Malloc);
    CHECK(trace.ops[0].id == 0);
    CHECK(trace.ops[0].bytes == 512);
    CHECK(trace.ops[0].line == 6);
    CHECK(trace.ops[1].line == 8);  // after a blank line
    CHECK(trace.ops[2].kind == TraceOpKind::Realloc);
    CHECK(trace.ops[2].bytes == 640);
    CHECK(trace.ops[3].kind == TraceOpKind::Free);
    CHECK(trace.ops[3].id == 1);
    CHECK(trace.ops[4].line == 11);  // the last line has no newline
    CHECK(to_rep(trace.ops[2]) == "r 0 640");
    CHECK(to_rep(trace.ops[3]) == "f 1");
}

TEST_CASE("parse_trace names the line and what it expected for each malformed line") {
    const std::string header = "100\n2\n3\n1\n";  // lines 1 to 4
    CHECK(parse_error(header + "a 0 10\na 1\nf 0\n") == "line 6: expected `a ID BYTES`, got `a 1`");
    CHECK(parse_error(header + "a 0 10\n\nr 0 ten\n") == "line 7: expected `r ID BYTES`, got `r 0 ten`");
    CHECK(parse_error(header + "a 0 10\nf 0 0\n") == "line 6: expected `f ID`, got `f 0 0`");
    CHECK(parse_error(header + "a 0 -5\n") == "line 5: expected `a ID BYTES`, got `a 0 -5`");
    CHECK(parse_error(header + "a 0 0x10\n") == "line 5: expected `a ID BYTES`, got `a 0 0x10`");
    CHECK(parse_error(header + "m 0 10\n") ==
          "line 5: expected `a ID BYTES`, `r ID BYTES` or `f ID`, got `m 0 10`");
    CHECK(parse_error(header + "alloc 0 10\n") ==
          "line 5: expected `a ID BYTES`, `r ID BYTES` or `f ID`, got `alloc 0 10`");
    CHECK(parse_error(header + "a 0 99999999999999999999\n") ==
          "line 5: size 99999999999999999999 does not fit in 64 bits");
    CHECK(parse_error(header + "a\x01 0 1\n") ==
          "line 5: expected `a ID BYTES`, `r ID BYTES` or `f ID`, got `a\\x01 0 1`");
}

TEST_CASE("parse_trace checks the header: four numbers, present and in range") {
    CHECK(parse_error("") == "line 1: the file is empty: expected the suggested heap size");
    CHECK(parse_error("\n\n") == "line 3: the file has only blank lines: expected the suggested heap size");
    CHECK(parse_error("100\n2\n") == "line 3: the file ends inside the header: expected the number of operations");
    CHECK(parse_error("100\ntwo\n") == "line 2: expected the number of ids (a number), got `two`");
    CHECK(parse_error("100\n2 3\n") == "line 2: expected the number of ids (a number), got `2 3`");
    CHECK(parse_error("100\n2\n3\n") == "line 4: the file ends inside the header: expected the weight");
    CHECK(parse_error("100\n2\n123456789012345678901\n1\n") ==
          "line 3: the number of operations 123456789012345678901 does not fit in 64 bits");
}

TEST_CASE("parse_trace checks the operations against the header and each other") {
    const std::string header = "100\n2\n3\n1\n";
    SUBCASE("ids must be below the number of ids") {
        CHECK(parse_error(header + "a 0 10\na 2 10\n") ==
              "line 6: id 2 is out of range: the header declares 2 ids (0 to 1)");
        CHECK(parse_error("100\n0\n1\n1\na 0 1\n") == "line 5: id 0 is out of range: the header declares 0 ids");
    }
    SUBCASE("the number of operations must be the header's") {
        CHECK(parse_error(header + "a 0 10\nf 0\n") == "line 3: the header declares 3 operations but the file has 2");
        CHECK(parse_error(header + "a 0 10\nf 0\na 1 1\nf 1\n") ==
              "line 8: one operation more than the 3 the header declares (line 3)");
    }
    SUBCASE("free and realloc need a live id, malloc one that is not") {
        CHECK(parse_error(header + "a 0 10\nf 1\nf 0\n") == "line 6: free of id 1, which was never allocated");
        CHECK(parse_error(header + "a 0 10\nf 0\nf 0\n") == "line 7: free of id 0, which was freed at line 6");
        CHECK(parse_error(header + "a 0 10\nf 0\nr 0 5\n") == "line 7: realloc of id 0, which was freed at line 6");
        CHECK(parse_error(header + "r 1 5\na 0 1\nf 0\n") == "line 5: realloc of id 1, which was never allocated");
        CHECK(parse_error(header + "a 0 10\n\na 0 20\nf 0\n") ==
              "line 7: id 0 is allocated again without being freed (allocated at line 5)");
    }
    SUBCASE("an id may be allocated again once freed") {
        const Trace trace = parse_ok(header + "a 0 10\nf 0\na 0 20\n");
        CHECK(trace.ops.size() == 3);
    }
}

TEST_CASE("parse_trace gives a trace or a line-numbered error for any bytes") {
    const std::string good = to_rep(generate_trace(TraceShape::Realloc, {.seed = 1, .ops = 40}));
    Bytes bytes{0x9e3779b97f4a7c15ULL};
    for (int round = 0; round < 3000; ++round) {
        std::string text = good;
        const std::uint64_t edits = 1 + bytes.next() % 8;
        for (std::uint64_t e = 0; e < edits; ++e) {
            const std::size_t at = static_cast<std::size_t>(bytes.next() % text.size());
            switch (bytes.next() % 3) {
                case 0: text[at] = static_cast<char>(bytes.next()); break;
                case 1: text.erase(at, 1 + bytes.next() % 6); break;
                default: text.insert(at, 1, "0123456789 \nafr\r\t-"[bytes.next() % 18]); break;
            }
            if (text.empty()) text = "x";
        }
        auto trace = parse_trace(text);
        if (trace.ok()) {
            CHECK_FALSE(check_trace(trace.value()));
        } else {
            CHECK(trace.error().rfind("line ", 0) == 0);
        }
    }
}

TEST_CASE("every generated shape is valid, deterministic, and round-trips through .rep text") {
    for (TraceShape shape : all_trace_shapes()) {
        CAPTURE(name(shape));
        const TraceGenOptions defaults = default_gen_options(shape);
        const Trace trace = generate_trace(shape);
        CHECK(trace.name == name(shape));
        CHECK(parse_trace_shape(name(shape)) == shape);
        CHECK_FALSE(check_trace(trace));
        CHECK(trace.ops.size() <= defaults.ops);
        CHECK(trace.ops.size() + 10 >= defaults.ops);  // close to the budget
        CHECK(trace.suggested_heap_bytes == peak_live_bytes(trace));

        // Balanced: every id allocated is freed by the end.
        std::vector<int> live(static_cast<std::size_t>(trace.id_count), 0);
        for (const TraceOp& op : trace.ops) {
            if (op.kind == TraceOpKind::Malloc) ++live[op.id];
            if (op.kind == TraceOpKind::Free) --live[op.id];
        }
        CHECK(std::count(live.begin(), live.end(), 0) == static_cast<std::ptrdiff_t>(live.size()));

        CHECK(same_ops(generate_trace(shape, defaults), trace));
        const Trace parsed = parse_ok(to_rep(trace));
        CHECK(same_ops(parsed, trace));
        CHECK(parsed.id_count == trace.id_count);
        CHECK(parsed.suggested_heap_bytes == trace.suggested_heap_bytes);
        CHECK(to_rep(parsed) == to_rep(trace));
    }
    CHECK_FALSE(parse_trace_shape("amptjp"));
}

TEST_CASE("the seed changes the random shapes, and tiny budgets give small valid traces") {
    for (TraceShape shape : {TraceShape::Compiler, TraceShape::Expr, TraceShape::Coalescing, TraceShape::Random}) {
        CAPTURE(name(shape));
        TraceGenOptions options = default_gen_options(shape);
        const Trace first = generate_trace(shape, options);
        options.seed += 1;
        CHECK_FALSE(same_ops(generate_trace(shape, options), first));
    }
    for (TraceShape shape : all_trace_shapes()) {
        for (std::uint64_t ops : {0, 1, 5, 7, 13}) {
            CAPTURE(name(shape));
            CAPTURE(ops);
            const Trace trace = generate_trace(shape, {.seed = 3, .ops = ops});
            CHECK(trace.ops.size() <= ops);
            CHECK_FALSE(check_trace(trace));
        }
    }
}

TEST_CASE("the binary shape frees every large block, then asks for a size just above it") {
    const Trace trace = generate_trace(TraceShape::Binary, {.seed = 0, .ops = 60});
    REQUIRE(trace.ops.size() == 60);  // 10 pairs, 6 operations each
    CHECK(to_rep(trace.ops[0]) == "a 0 64");
    CHECK(to_rep(trace.ops[1]) == "a 1 448");
    CHECK(to_rep(trace.ops[20]) == "f 1");
    CHECK(to_rep(trace.ops[30]) == "a 20 512");
}

TEST_CASE("replay measures peak live bytes over the largest heap, for every policy") {
    const Trace trace = parse_ok(kSmallTrace);
    REQUIRE(peak_live_bytes(trace) == 300);
    for (PolicyKind policy : all_policies()) {
        CAPTURE(name(policy));
        const ReplayResult result = replay(trace, {.policy = policy}, DataModel::LP64,
                                           {.check = ReplayCheck::HeapCheck});
        CHECK(result.errors == 0);
        CHECK(result.messages.empty());
        CHECK(result.ops == 6);
        CHECK(result.peak_payload == 300);
        CHECK(result.heap_bytes > 300);
        CHECK(result.utilization == doctest::Approx(300.0 / static_cast<double>(result.heap_bytes)));
        // The allocator's own metrics agree with the replayer's count.
        CHECK(result.final_metrics.peak_payload == 300);
        CHECK(result.final_metrics.peak_heap_bytes == result.heap_bytes);
        CHECK(result.final_metrics.live_payload == 0);
        CHECK(result.seconds >= 0);
    }
}

TEST_CASE("the textbook allocator's utilization on the small trace, by hand") {
    // CS:APP 9.9.12: mm_init takes 4 words (padding, prologue header and footer, epilogue) and
    // then extends the heap by CHUNKSIZE = 4096 bytes. Blocks of 8*ceil((n + 8) / 8) bytes: 112,
    // 208 and 64 all fit in that first chunk, so the heap stays 16 + 4096 bytes.
    const ReplayResult result = replay(parse_ok(kSmallTrace), {.policy = PolicyKind::Textbook}, DataModel::ILP32);
    CHECK(result.errors == 0);
    CHECK(result.heap_bytes == 16 + 4096);
    CHECK(result.utilization == doctest::Approx(300.0 / 4112.0));
}

TEST_CASE("replay follows C for NULL: realloc(p, 0) frees, free(NULL) and realloc(NULL, n) work") {
    // r 0 0 frees block 0 and leaves NULL in it; f 0 is then free(NULL); r 1 0 then r 1 64 is
    // realloc(NULL, 64), a malloc.
    const Trace trace = parse_ok("0\n2\n7\n1\na 0 100\na 1 10\nr 0 0\nf 0\nr 1 0\nr 1 64\nf 1\n");
    for (PolicyKind policy : all_policies()) {
        CAPTURE(name(policy));
        const ReplayResult result = replay(trace, {.policy = policy}, DataModel::LP64, {.check = ReplayCheck::HeapCheck});
        CHECK(result.errors == 0);
        CHECK(result.peak_payload == 110);
        CHECK(result.final_metrics.live_payload == 0);
    }
}

TEST_CASE("replay counts the operations of an invalid trace as errors and goes on") {
    Trace trace;
    trace.name = "invalid";
    trace.id_count = 2;
    trace.ops = {{TraceOpKind::Free, 1, 0, 0},
                 {TraceOpKind::Malloc, 0, 8, 0},
                 {TraceOpKind::Malloc, 0, 8, 0},
                 {TraceOpKind::Realloc, 1, 8, 0},
                 {TraceOpKind::Free, 0, 0, 0}};
    REQUIRE(check_trace(trace) == "operation 1: free of id 1, which was never allocated");
    const ReplayResult result = replay(trace, {}, DataModel::LP64, {.max_messages = 2});
    CHECK(result.ops == 5);
    CHECK(result.errors == 3);
    REQUIRE(result.messages.size() == 2);
    CHECK(result.messages[0] == "operation 1 (f 1): id 1 is not allocated (the trace is invalid); skipped");
    CHECK(result.messages[1] == "operation 3 (a 0 8): id 0 is already allocated (the trace is invalid); skipped");
    CHECK(result.final_metrics.live_payload == 0);
}

TEST_CASE("replay reports malloc returning NULL once the heap limit is reached") {
    // 4 * 1 MiB suggested is below the 64 MiB floor, so the limit is 64 MiB and 80 MiB cannot fit.
    const Trace trace = parse_ok("1048576\n2\n4\n1\na 0 83886080\na 1 16\nf 0\nf 1\n");
    CHECK(replay_heap_limit(trace) == 64ULL << 20);
    const ReplayResult result = replay(trace, {.policy = PolicyKind::FirstFit}, DataModel::LP64);
    CHECK(result.errors == 1);
    REQUIRE(result.messages.size() == 1);
    CHECK(result.messages[0].rfind("operation 1 (line 5: a 0 83886080): malloc returned NULL", 0) == 0);
    CHECK(result.peak_payload == 16);
}

TEST_CASE("the replay heap limit: four times the suggestion, 64 MiB to 1 GiB, fitting ILP32") {
    Trace trace;
    CHECK(replay_heap_limit(trace) == 64ULL << 20);
    trace.suggested_heap_bytes = 100ULL << 20;
    CHECK(replay_heap_limit(trace) == 400ULL << 20);
    trace.suggested_heap_bytes = ~0ULL;
    CHECK(replay_heap_limit(trace) == 1ULL << 30);
    const ReplayResult result = replay(trace, {}, DataModel::ILP32);
    CHECK(result.errors == 0);
    CHECK(result.heap_limit == 1ULL << 30);
}

TEST_CASE("every generated shape replays with every policy without error, heap_check after each step") {
    for (TraceShape shape : all_trace_shapes()) {
        const Trace trace = generate_trace(shape);
        const std::uint64_t peak = peak_live_bytes(trace);
        for (PolicyKind policy : all_policies()) {
            for (DataModel model : {DataModel::LP64, DataModel::ILP32}) {
                CAPTURE(name(shape));
                CAPTURE(name(policy));
                CAPTURE(info(model).name);
                // heap_check after every step for LP64; ILP32 checks results only, to stay fast.
                const ReplayCheck check = model == DataModel::LP64 ? ReplayCheck::HeapCheck : ReplayCheck::Results;
                const ReplayResult result = replay(trace, {.policy = policy}, model, {.check = check});
                CHECK_MESSAGE(result.errors == 0, (result.messages.empty() ? "" : result.messages.front()));
                CHECK(result.ops == trace.ops.size());
                CHECK(result.peak_payload == peak);
                CHECK(result.utilization > 0);
                CHECK(result.utilization <= 1);
                CHECK(result.final_metrics.live_payload == 0);

                // With checking off the allocator makes the same choices, so the same heap.
                const ReplayResult unchecked = replay(trace, {.policy = policy}, model, {.check = ReplayCheck::Off});
                CHECK(unchecked.errors == 0);
                CHECK(unchecked.heap_bytes == result.heap_bytes);
                CHECK(unchecked.utilization == result.utilization);
            }
        }
    }
}
