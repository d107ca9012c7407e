// Hostile programs (issue 9): whatever a program does — loop forever, recurse without end,
// allocate or print without end, put 100 MB on the stack, nest a hundred thousand parentheses,
// be a 10 MB line or binary garbage — the Session (the path the web app and `memviz debug`
// take) ends it cleanly at a limit, with a message at its line and column, in bounded time and
// bounded host memory, and says what that memory is (Session::host_memory).
//
// The native optimized build runs the programs at the default limits (SessionOptions{}); the
// sanitized build and the wasm build under node run the same programs with smaller limits, which
// reach the same outcomes in a fraction of the time.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <unistd.h>

#include <fstream>
#endif

#include "lang/parse.h"
#include "session.h"

using namespace memviz;

namespace {

#if defined(__EMSCRIPTEN__) || !defined(NDEBUG)
constexpr bool kHostileDefaultLimits = false;
#else
constexpr bool kHostileDefaultLimits = true;
#endif

// The default options natively; elsewhere, limits that reach the same outcome sooner.
SessionOptions hostile_options() {
    SessionOptions options;
    if (!kHostileDefaultLimits) {
        options.max_steps = 2'000'000;
        options.stack_limit = 256 * 1024;
        options.heap_limit = 2 * 1024 * 1024;
        options.output_limit = 64 * 1024;
    }
    return options;
}

// The process's resident memory in bytes; 0 where it cannot be read (under node).
std::uint64_t hostile_resident_bytes() {
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
    std::ifstream statm("/proc/self/statm");
    std::uint64_t size = 0;
    std::uint64_t resident = 0;
    statm >> size >> resident;
    return resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
#else
    return 0;
#endif
}

bool hostile_contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The first error's message, line and column ("" when there is none).
struct HostileError {
    std::string message;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};
HostileError hostile_first_error(const Diagnostics& diagnostics) {
    for (const Diagnostic& d : diagnostics.all()) {
        if (d.severity == Severity::Error) return {d.message, d.loc.line, d.loc.column};
    }
    return {};
}

// Loads `source`, runs it to its end and returns the snapshot there, which holds an error.
const Snapshot& hostile_run_to_error(Session& session, const std::string& source, const SessionOptions& options) {
    REQUIRE(!session.load(source, options).has_errors());
    CHECK(session.continue_forward() == StopReason::End);
    const Snapshot& s = session.snapshot(SnapshotDetail::Outline);
    CHECK(s.state == Snapshot::State::Faulted);
    REQUIRE(s.error);
    return s;
}

// Checks each part of the session's figure against what docs/reliability.md states it can reach
// (host_memory_bound) and, natively, the process's growth in resident memory since
// `resident_before` against the figure: nothing big goes unaccounted for.
void check_host_memory(const Session& session, const SessionOptions& options, std::uint64_t resident_before) {
    const HostMemory memory = session.host_memory();
    const HostMemory bound = host_memory_bound(options);
    CHECK(memory.program <= bound.program);
    CHECK(memory.memory <= bound.memory);
    CHECK(memory.machine <= bound.machine);
    CHECK(memory.output <= bound.output);
    CHECK(memory.history <= bound.history);
    CHECK(memory.snapshot <= bound.snapshot);
    if (resident_before == 0) return;
    const std::uint64_t resident_after = hostile_resident_bytes();
    const std::uint64_t growth = resident_after > resident_before ? resident_after - resident_before : 0;
    INFO("resident growth " << growth << " bytes, accounted " << memory.total() << " bytes");
    CHECK(growth <= memory.total() + memory.total() / 2 + (48ULL << 20));
}

// All the values under `value`, itself included.
std::size_t hostile_value_count(const ValueView& value) {
    std::size_t count = 1;
    for (const ValueView& child : value.children) count += hostile_value_count(child);
    return count;
}

}  // namespace

TEST_CASE("hostile: an endless loop pauses at the step budget, and each continue goes on to the next one") {
    const std::uint64_t resident = hostile_resident_bytes();
    const SessionOptions options = hostile_options();
    Session session;
    REQUIRE(!session.load("int main(void) {\n    unsigned long n = 0;\n    for (;;) n++;\n}\n", options).has_errors());
    CHECK(session.continue_forward() == StopReason::Budget);
    Snapshot s = session.snapshot(SnapshotDetail::Outline);
    CHECK(s.state == Snapshot::State::Budget);
    CHECK(name(s.state) == "budget");
    CHECK(s.tick == options.max_steps);
    CHECK(s.line == 3);
    CHECK(!s.error);
    // Paused, not ended: more budget, and continue goes on to the next pause.
    session.extend_budget(100'000);
    CHECK(session.continue_forward() == StopReason::Budget);
    CHECK(session.position().tick == options.max_steps + 100'000);
    session.extend_budget(100'000);
    CHECK(session.continue_forward_for(10'000) == StopReason::Slice);
    CHECK(session.continue_forward() == StopReason::Budget);
    CHECK(session.position().tick == options.max_steps + 200'000);
    // And the whole run is there to go back through.
    CHECK(session.step_back(Granularity::Statement) == StopReason::Step);
    CHECK(session.snapshot(SnapshotDetail::Outline).state == Snapshot::State::Paused);
    CHECK(session.seek_tick(options.max_steps / 2) == StopReason::Step);
    check_host_memory(session, options, resident);
}

TEST_CASE("hostile: unbounded recursion stops with a stack overflow at the recursive call") {
    const std::uint64_t resident = hostile_resident_bytes();
    const SessionOptions options = hostile_options();
    Session session;
    const Snapshot& s = hostile_run_to_error(
        session, "int down(int n) {\n    return down(n + 1) + 1;\n}\nint main(void) { return down(0); }\n", options);
    CHECK(s.error->kind == vm::RuntimeErrorKind::StackOverflow);
    CHECK(hostile_contains(s.error->message, "calling down needs 32 bytes more stack"));
    CHECK(s.error->loc.line == 2);
    CHECK(s.error->loc.column == 16);
    CHECK(s.line == 2);
    // The stack view lists the innermost and outermost frames of the thousands.
    CHECK(s.frames_omitted > 0);
    CHECK(s.frames.size() == Snapshot::kInnermostFrames + Snapshot::kOutermostFrames);
    check_host_memory(session, options, resident);
}

TEST_CASE("hostile: a recursion inside a long expression overflows the stack with the values it keeps waiting") {
    // Each level leaves 60 values of the unfinished sum waiting for the call: in a real program
    // they are in the frame, here on the VM's operand stack, which the stack limit bounds too.
    std::string sum = "n";
    for (int i = 0; i < 60; ++i) sum = "(n + " + sum;
    sum += " + up(n + 1)" + std::string(60, ')');
    const SessionOptions options = hostile_options();
    Session session;
    const Snapshot& s = hostile_run_to_error(
        session, "int up(int n) {\n    return " + sum + ";\n}\nint main(void) { return up(0); }\n", options);
    CHECK(s.error->kind == vm::RuntimeErrorKind::StackOverflow);
    CHECK(s.error->loc.line == 2);
    CHECK(hostile_contains(s.error->message, "values of unfinished expressions"));
    CHECK(session.host_memory().machine <= host_memory_bound(options).machine);
}

TEST_CASE("hostile: malloc in an endless loop gets NULL and ENOMEM at the heap limit; host memory stays bounded by it") {
    const std::uint64_t resident = hostile_resident_bytes();
    const SessionOptions options = hostile_options();
    SUBCASE("the program checks for NULL") {
        Session session;
        REQUIRE(!session.load(R"(#include <errno.h>
#include <stdlib.h>
int main(void) {
    long blocks = 0;
    for (int failures = 0; failures < 1000;) {
        if (malloc(1000) == NULL) failures++;
        else blocks++;
    }
    return errno == ENOMEM && blocks > 0 ? 42 : 1;
}
)", options).has_errors());
        CHECK(session.continue_forward() == StopReason::End);
        const Snapshot& s = session.snapshot(SnapshotDetail::Outline);
        CHECK(s.state == Snapshot::State::Exited);
        CHECK(s.exit_status == 42);
        // Every block is lost, and the heap is at its limit.
        CHECK(s.leaked_blocks * 1000 > options.heap_limit * 9 / 10);
        CHECK(s.allocator.metrics.heap_bytes > options.heap_limit - 4096);
        CHECK(s.allocator.metrics.heap_bytes <= options.heap_limit);
        check_host_memory(session, options, resident);
    }
    SUBCASE("the program does not check, and writes to the blocks") {
        SessionOptions smaller = options;
        smaller.heap_limit = std::min<std::uint64_t>(options.heap_limit, 16ULL << 20);
        Session session;
        const Snapshot& s = hostile_run_to_error(session, R"(#include <stdlib.h>
#include <string.h>
int main(void) {
    for (;;) {
        char *block = malloc(100000);
        memset(block, 1, 100000);
    }
}
)", smaller);
        CHECK(s.error->kind == vm::RuntimeErrorKind::NullDereference);
        CHECK(s.error->loc.line == 6);
        CHECK(s.error->loc.column == 15);
        CHECK(hostile_contains(s.error->message, "memset"));
        check_host_memory(session, smaller, resident);
    }
    SUBCASE("the program does not check, and loops on") {
        SessionOptions shorter = options;
        shorter.heap_limit = std::min<std::uint64_t>(options.heap_limit, 8ULL << 20);
        shorter.max_steps = 1'000'000;
        Session session;
        REQUIRE(!session.load(R"(#include <stdlib.h>
int main(void) {
    for (;;) {
        char *block = malloc(1000);
        (void)block;
    }
}
)", shorter).has_errors());
        CHECK(session.continue_forward() == StopReason::Budget);
        const Snapshot& s = session.snapshot(SnapshotDetail::Outline);
        CHECK(s.state == Snapshot::State::Budget);
        CHECK(s.allocator.metrics.heap_bytes <= shorter.heap_limit);
        check_host_memory(session, shorter, resident);
    }
}

TEST_CASE("hostile: memory work in an endless loop counts against the step budget, so it pauses in bounded time") {
    // Each of these instructions goes through megabytes: a memset, a strlen, a free inserting
    // into a free list hundreds of thousands long. Counted as one step each they would take
    // hours to spend the budget; charged a step per 64 bytes, they pause as soon as a plain loop.
    SessionOptions options;
    options.max_steps = 2'000'000;
    struct Case {
        std::string what;
        const char* source;
    };
    const Case cases[] = {
        {"memset", R"(#include <stdlib.h>
#include <string.h>
int main(void) {
    char *p = malloc(1 << 20);
    for (;;) memset(p, 1, 1 << 20);
}
)"},
        {"strlen in a loop's condition", R"(#include <stdlib.h>
#include <string.h>
int main(void) {
    char *s = malloc(1 << 20);
    memset(s, 'a', (1 << 20) - 1);
    s[(1 << 20) - 1] = 0;
    long sum = 0;
    for (size_t i = 0; i < strlen(s); i++) sum += s[i];
    return (int)(sum % 256);
}
)"},
        {"freeing into a long free list", R"(#include <stdlib.h>
int main(void) {
    static char *blocks[20000];
    for (int i = 0; i < 20000; i++) blocks[i] = malloc(16);
    for (int i = 0; i < 20000; i += 2) free(blocks[i]);
    for (int i = 1; i < 20000; i += 2) free(blocks[i]);
    return 0;
}
)"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        Session session;
        REQUIRE(!session.load(c.source, options).has_errors());
        CHECK(session.continue_forward() == StopReason::Budget);
        CHECK(session.snapshot(SnapshotDetail::Outline).state == Snapshot::State::Budget);
        // The instructions are few: the charged steps spent the budget.
        CHECK(session.position().tick < options.max_steps / 2);
        CHECK(session.step_back(Granularity::Statement) == StopReason::Step);
    }
}

TEST_CASE("hostile: a heap of very many blocks lists its first and last blocks, and counts every leak") {
    SessionOptions options;
    options.heap_limit = 1ULL << 20;  // 32,768 blocks of 32 bytes
    Session session;
    REQUIRE(!session.load(R"(#include <stdlib.h>
int main(void) {
    while (malloc(1) != NULL) {}
    return 0;
}
)", options).has_errors());
    CHECK(session.continue_forward() == StopReason::End);
    const Snapshot& s = session.snapshot(SnapshotDetail::Outline);
    CHECK(s.state == Snapshot::State::Exited);
    REQUIRE(s.heap.size() == Snapshot::kFirstHeapBlocks + Snapshot::kLastHeapBlocks);
    CHECK(s.heap_omitted > 10'000);
    // In address order across the gap.
    CHECK(s.heap[Snapshot::kFirstHeapBlocks - 1].payload < s.heap[Snapshot::kFirstHeapBlocks].payload);
    // Every block is lost (the heap's last block may be a free remainder).
    CHECK(s.leaked_blocks + 1 >= s.heap.size() + s.heap_omitted);
    CHECK(s.leaked_blocks > 30'000);
    // A block left out is still described as a heap block.
    const Addr stride = s.heap[1].payload - s.heap[0].payload;
    const Addr left_out = s.heap[Snapshot::kFirstHeapBlocks - 1].payload + stride;
    CHECK(left_out < s.heap[Snapshot::kFirstHeapBlocks].payload);
    CHECK(session.describe_pointer(left_out).kind == PointerTarget::Kind::HeapBlock);
    CHECK(session.snapshot(SnapshotDetail::Full).heap.size() == Snapshot::kFirstHeapBlocks + Snapshot::kLastHeapBlocks);
}

TEST_CASE("hostile: a giant local array overflows the stack at its declaration; one that fits runs") {
    const SessionOptions options = hostile_options();
    SUBCASE("in main, which has no call to point at: the declaration") {
        Session session;
        REQUIRE(!session.load("int main(void) {\n    char big[100000000];\n    big[0] = 1;\n    return big[0];\n}\n", options)
                     .has_errors());
        const Snapshot& start = session.snapshot(SnapshotDetail::Outline);
        CHECK(start.state == Snapshot::State::Faulted);  // main's frame cannot even be pushed
        CHECK(session.continue_forward() == StopReason::End);
        const Snapshot& s = session.snapshot(SnapshotDetail::Outline);
        REQUIRE(s.error);
        CHECK(s.error->kind == vm::RuntimeErrorKind::StackOverflow);
        CHECK(s.error->loc.line == 2);
        CHECK(s.error->loc.column == 10);
        CHECK(hostile_contains(s.error->message, "calling main needs 95.4 MiB more stack"));
        CHECK(hostile_contains(s.error->message, "its local `big` alone takes 95.4 MiB"));
        CHECK(s.line == 2);
        CHECK(session.host_memory().total() < (32ULL << 20));  // nothing of the 100 MB was allocated
    }
    SUBCASE("in a function: the call, naming the array") {
        Session session;
        const Snapshot& s = hostile_run_to_error(session,
                                                 "void fill(void) {\n    char big[100000000];\n    big[0] = 1;\n}\n"
                                                 "int main(void) {\n    fill();\n    return 0;\n}\n",
                                                 options);
        CHECK(s.error->kind == vm::RuntimeErrorKind::StackOverflow);
        CHECK(s.error->loc.line == 6);
        CHECK(hostile_contains(s.error->message, "calling fill needs 95.4 MiB more stack"));
        CHECK(hostile_contains(s.error->message, "its local `big` alone takes 95.4 MiB"));
    }
    SUBCASE("just past the limit") {
        const std::string size = std::to_string(options.stack_limit + 1);
        Session session;
        const Snapshot& s = hostile_run_to_error(
            session, "int main(void) {\n    int x = 1;\n    char big[" + size + "];\n    big[0] = 1;\n    return big[0] + x;\n}\n",
            options);
        CHECK(s.error->kind == vm::RuntimeErrorKind::StackOverflow);
        CHECK(s.error->loc.line == 3);
    }
    SUBCASE("half the stack fits, and its ends can be written") {
        const std::string size = std::to_string(options.stack_limit / 2);
        Session session;
        REQUIRE(!session.load("int main(void) {\n    char big[" + size + "];\n    big[0] = 1;\n    big[" + size +
                                  " - 1] = 2;\n    return big[0] + big[" + size + " - 1];\n}\n",
                              options)
                     .has_errors());
        CHECK(session.continue_forward() == StopReason::End);
        const Snapshot& s = session.snapshot(SnapshotDetail::Outline);
        CHECK(s.state == Snapshot::State::Exited);
        CHECK(s.exit_status == 3);
    }
}

TEST_CASE("hostile: giant global arrays are refused at their declaration; ones that fit run") {
    for (const char* size : {"1000000000000", "100000000"}) {
        CAPTURE(size);
        Session session;
        const HostileError first = hostile_first_error(session.load(
            "int counts[10];\nchar big[" + std::string(size) + "];\nint main(void) {\n    big[5] = 1;\n    return big[5];\n}\n",
            hostile_options()));
        CHECK(!session.loaded());
        CHECK(hostile_contains(first.message, "more than the 64 MiB memviz gives global data (`big` alone takes"));
        CHECK(first.line == 2);
        CHECK(first.column == 6);
    }
    const std::string fits = std::to_string(kHostileDefaultLimits ? 8 << 20 : 1 << 20);
    Session session;
    REQUIRE(!session.load("char big[" + fits + "];\nint main(void) {\n    big[" + fits + " - 1] = 7;\n    return big[" + fits +
                              " - 1];\n}\n",
                          hostile_options())
                 .has_errors());
    CHECK(session.continue_forward() == StopReason::End);
    CHECK(session.snapshot(SnapshotDetail::Outline).exit_status == 7);
    // The bytes and their shadow, not a copy of the zeros in the program too.
    CHECK(session.host_memory().program < (4ULL << 20));
}

TEST_CASE("hostile: printing in an endless loop stops at the output limit, keeping what fit") {
    const std::uint64_t resident = hostile_resident_bytes();
    const SessionOptions options = hostile_options();
    Session session;
    const Snapshot& s = hostile_run_to_error(
        session, "#include <stdio.h>\nint main(void) {\n    for (;;) printf(\"all work and no play \");\n}\n", options);
    CHECK(s.error->kind == vm::RuntimeErrorKind::OutputLimit);
    CHECK(s.error->loc.line == 3);
    CHECK(s.error->loc.column == 20);
    CHECK(s.stdout_text.size() == options.output_limit);
    CHECK(s.stdout_text.starts_with("all work and no play all work"));
    // Going back shows the output as it was then: a prefix.
    CHECK(session.step_back(Granularity::Statement) == StopReason::Step);
    const std::string before = session.snapshot(SnapshotDetail::Outline).stdout_text;
    CHECK(before.size() < options.output_limit);
    CHECK(before.size() > options.output_limit - 64);
    check_host_memory(session, options, resident);
}

TEST_CASE("hostile: deeply nested source gives the front end's nesting diagnostic at its line and column") {
    // Far past the limit: the host's stack (smaller under the sanitizer and in wasm) is never
    // what stops it. The parentheses and braces a hundred thousand deep natively, the rest (and
    // everything in the slower builds) fewer: a long source takes its time to cut into tokens.
    const std::size_t deep = kHostileDefaultLimits ? 100'000 : 20'000;
    const std::size_t n = deep / 10;
    struct Case {
        std::string what;
        std::string source;
        std::string message;
    };
    const std::string open(deep, '(');
    const std::string close(deep, ')');
    std::string assignments = "int main(void) {\n    int x = 0;\n    x";
    for (std::size_t i = 0; i < n; ++i) assignments += " = x";
    assignments += ";\n    return x;\n}\n";
    std::string dimensions = "int grid";
    for (std::size_t i = 0; i < n; ++i) dimensions += "[1]";
    dimensions += ";\nint main(void) { return 0; }\n";
    std::string structs = "struct a ";
    for (std::size_t i = 0; i < n; ++i) structs += "{ struct ";
    structs += "{ int x; } y; ";
    for (std::size_t i = 0; i < n; ++i) structs += "} y; ";
    structs += ";\nint main(void) { return 0; }\n";
    const Case cases[] = {
        {"parentheses", "int main(void) {\n    return " + open + "1" + close + ";\n}\n", "nesting too deep"},
        {"blocks", "int main(void) {\n    " + std::string(deep, '{') + std::string(deep, '}') + "\n}\n", "nesting too deep"},
        {"unary operators", "int main(void) {\n    int x = 1;\n    return " + std::string(n, '-') + "x;\n}\n", "nesting too deep"},
        {"a chain of assignments", assignments, "nesting too deep"},
        {"array dimensions", dimensions, "nesting too deep"},
        {"struct definitions", structs, "nesting too deep"},
        {"declarators", "int " + std::string(n, '(') + "x" + std::string(n, ')') + ";\nint main(void) { return 0; }\n",
         "nesting too deep"},
        {"initializer braces", "int x = " + std::string(n, '{') + "1" + std::string(n, '}') + ";\nint main(void) { return 0; }\n",
         "nesting too deep"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        Session session;
        const Diagnostics& diagnostics = session.load(c.source, hostile_options());
        CHECK(!session.loaded());
        const HostileError first = hostile_first_error(diagnostics);
        CHECK(hostile_contains(first.message, c.message));
        CHECK(first.line >= 1);
        CHECK(first.line <= 3);
        CHECK(first.column > 1);
        CHECK(first.column < 16 + 10 * lang::kMaxNesting);
        CHECK(session.continue_forward() == StopReason::NotLoaded);
    }
    // A long sum is not nested by parentheses, but its tree is as deep: its own limit.
    std::string sum = "int main(void) {\n    return 1";
    for (std::size_t i = 0; i < n; ++i) sum += " + 1";
    sum += ";\n}\n";
    Session session;
    const HostileError first = hostile_first_error(session.load(sum, hostile_options()));
    CHECK(hostile_contains(first.message, "expression too deeply nested"));
    CHECK(first.line == 2);
}

TEST_CASE("hostile: a 10 MB line, a 1 MB identifier, binary garbage, an empty file and no main give clear diagnostics") {
    const SessionOptions options = hostile_options();
    SUBCASE("10 MB on one line") {
        std::string source = "int main(void) { int x = 0; ";
        while (source.size() < 10'000'000) source += "x = x + 1; ";
        source += "return x; }\n";
        Session session;
        const HostileError first = hostile_first_error(session.load(std::move(source), options));
        CHECK(hostile_contains(first.message, "the program is too large"));
        CHECK(hostile_contains(first.message, "memviz accepts at most 4 MiB"));
        CHECK(first.line == 1);
        CHECK(first.column == 1);
    }
    SUBCASE("a 1 MB string literal on one line runs") {
        const std::string source = "#include <string.h>\nint main(void) {\n    const char *s = \"" + std::string(1'000'000, 'a') +
                                   "\";\n    return (int)(strlen(s) % 256);\n}\n";
        Session session;
        REQUIRE(!session.load(source, options).has_errors());
        CHECK(session.continue_forward() == StopReason::End);
        CHECK(session.snapshot(SnapshotDetail::Outline).exit_status == 1'000'000 % 256);
    }
    SUBCASE("a 1 MB identifier") {
        Session session;
        const HostileError first =
            hostile_first_error(session.load("int " + std::string(1 << 20, 'a') + " = 1;\nint main(void) { return 0; }\n", options));
        CHECK(hostile_contains(first.message, "identifier is too long (1048576 characters"));
        CHECK(first.line == 1);
        CHECK(first.column == 5);
    }
    SUBCASE("binary garbage, NULs included") {
        std::mt19937 random(9);
        std::string garbage(200'000, '\0');
        for (char& byte : garbage) byte = static_cast<char>(random() & 0xff);
        Session session;
        const Diagnostics& diagnostics = session.load(garbage, options);
        CHECK(diagnostics.has_errors());
        CHECK(!session.loaded());
        // It gives up after a screenful of errors.
        CHECK(diagnostics.full());
        CHECK(diagnostics.all().size() <= Diagnostics::kMaxErrors + 1);
        const HostileError first = hostile_first_error(diagnostics);
        CHECK(!first.message.empty());
        CHECK(first.line >= 1);
    }
    SUBCASE("a pointer declarator with 100000 stars is a type like any other") {
        // Not nested (`*` after `*` is a loop, not a recursion), so no limit: it loads, runs,
        // and its type is written out.
        const std::string stars(kHostileDefaultLimits ? 100'000 : 20'000, '*');
        Session session;
        REQUIRE(!session.load("int " + stars + "p;\nint " + stars + "q;\nint main(void) {\n    p = q;\n    return p == q;\n}\n",
                              options)
                     .has_errors());
        CHECK(session.continue_forward() == StopReason::End);
        const Snapshot& s = session.snapshot(SnapshotDetail::Full);
        CHECK(s.exit_status == 1);
        REQUIRE(!s.globals.empty());
        CHECK(s.globals[0].type == "int " + stars);
    }
    SUBCASE("an empty file, and a program without main") {
        for (const char* source : {"", "int twice(int x) { return 2 * x; }\n"}) {
            Session session;
            const HostileError first = hostile_first_error(session.load(source, options));
            CHECK(hostile_contains(first.message, "the program has no main function"));
            CHECK(first.line == 1);
            CHECK(first.column == 1);
            CHECK(session.step(Granularity::Statement) == StopReason::NotLoaded);
            CHECK(session.snapshot().frames.empty());
        }
    }
}

TEST_CASE("hostile: arrays of structs of arrays are described up to a snapshot's share of values") {
    // Each global is 4,225 values (a struct of 64 structs of 64 ints); sixty of them would make a
    // snapshot of a quarter of a million values, and a program can declare far bigger ones.
    std::string globals;
    for (int i = 0; i < 60; ++i) globals += (i == 0 ? "struct outer g" : ", g") + std::to_string(i);
    const std::string source = "struct inner { int a[64]; };\nstruct outer { struct inner s[64]; };\n" + globals +
                               ";\nint main(void) {\n    g0.s[1].a[2] = 3;\n    return g59.s[63].a[63];\n}\n";
    const SessionOptions options = hostile_options();
    Session session;
    REQUIRE(!session.load(source, options).has_errors());
    const Snapshot& s = session.snapshot(SnapshotDetail::Full);
    REQUIRE(s.globals.size() > 1);
    // One variable takes at most its share, the first ones in full up to it...
    CHECK(hostile_value_count(s.globals[0]) == Snapshot::kMaxValuesPerObject);
    REQUIRE(s.globals[0].children.size() == 1);
    // (in order: the first elements whole, the rest left out)
    CHECK(s.globals[0].children[0].children.size() == 63);
    CHECK(s.globals[0].children[0].children[0].children[0].children.size() == 64);
    CHECK(s.globals[0].children[0].children.back().children[0].children.size() < 64);
    // ...and the snapshot at most its budget: the globals past it are left out, and counted.
    std::size_t values = 0;
    for (const ValueView& global : s.globals) values += hostile_value_count(global);
    CHECK(values <= Snapshot::kMaxValues);
    CHECK(values > Snapshot::kMaxValues - Snapshot::kMaxValuesPerObject);
    CHECK(s.globals.size() < 60);
    CHECK(s.values_omitted >= 60 - s.globals.size());
    CHECK(session.host_memory().snapshot <= host_memory_bound(options).snapshot);
    // A program of ordinary size is described whole.
    Session small;
    REQUIRE(!small.load("struct inner { int a[64]; };\nstruct inner g[4];\nint main(void) { return g[3].a[63]; }\n",
                        options).has_errors());
    const Snapshot& whole = small.snapshot(SnapshotDetail::Full);
    CHECK(whole.values_omitted == 0);
    CHECK(hostile_value_count(whole.globals[0]) == 1 + 4 * 66);
}
