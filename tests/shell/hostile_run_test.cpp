// `memviz run` on hostile programs (issue 9): each ends with a clear message at its line and
// column and the exit status docs/shell.md gives, never a crash or a hang. The Session's side of
// the same programs, and the host memory they take, is tests/unit/hostile_programs_test.cpp.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "run_command.h"

namespace {

bool hostile_has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Far past the front end's nesting limit; smaller where the memviz under test is the sanitized one.
#ifdef NDEBUG
constexpr std::size_t kHostileNesting = 100'000;
#else
constexpr std::size_t kHostileNesting = 20'000;
#endif

}  // namespace

TEST_CASE("memviz run: unbounded recursion is a stack overflow at the call, exit status 3") {
    const std::string path =
        c_file("hostile", "recursion", "int down(int n) {\n    return down(n + 1) + 1;\n}\nint main(void) { return down(0); }\n");
    CommandResult run = run_memviz("run " + path);
    CHECK(run.exit_status == 3);
    CHECK(hostile_has(run.err, path + ":2:16: runtime error: stack overflow: calling down needs 32 bytes more stack, past the 8 MiB limit"));
    CHECK(run.err.ends_with("See docs/errors.md#stack-overflow\n"));
}

TEST_CASE("memviz run: a 100 MB local array is a stack overflow at its declaration, exit status 3") {
    const std::string path =
        c_file("hostile", "big-array", "int main(void) {\n    char big[100000000];\n    big[0] = 1;\n    return big[0];\n}\n");
    CommandResult run = run_memviz("run " + path);
    CHECK(run.exit_status == 3);
    CHECK(hostile_has(run.err, path + ":2:10: runtime error: stack overflow: calling main needs 95.4 MiB more stack, past "
                                      "the 8 MiB limit (its local `big` alone takes 95.4 MiB)"));
    CHECK(hostile_has(run.err, "    char big[100000000];\n"));
}

TEST_CASE("memviz run: a 1 TB global array is a compile error at its declaration, exit status 2") {
    const std::string path = c_file("hostile", "big-global", "char big[1000000000000];\nint main(void) { return big[0]; }\n");
    CommandResult run = run_memviz("run " + path);
    CHECK(run.exit_status == 2);
    CHECK(hostile_has(run.err, path + ":1:6: error: the global variables take 931.3 GiB, more than the 64 MiB memviz gives global data"));
}

TEST_CASE("memviz run: printing in an endless loop stops at the 1 MiB output limit, exit status 3") {
    const std::string path =
        c_file("hostile", "printing", "#include <stdio.h>\nint main(void) {\n    for (;;) printf(\"all work and no play \");\n}\n");
    CommandResult run = run_memviz("run " + path);
    CHECK(run.exit_status == 3);
    CHECK(run.out.size() == 1 << 20);
    CHECK(hostile_has(run.err, path + ":3:20: runtime error: output limit exceeded: the program printed more than 1 MiB to stdout"));
}

TEST_CASE("memviz run: malloc until the heap is full gets NULL; writing through it is the error, exit status 3") {
    const std::string path = c_file("hostile", "malloc-null", R"(#include <stdlib.h>
int main(void) {
    for (;;) {
        char *block = malloc(1 << 20);
        block[0] = 1;
    }
}
)");
    CommandResult run = run_memviz("run " + path);
    CHECK(run.exit_status == 3);
    CHECK(hostile_has(run.err, path + ":5:14: runtime error: null pointer dereference: write of 1 byte at 0x0"));
}

TEST_CASE("memviz run: a memset in an endless loop stops at the step limit, exit status 4") {
    const std::string path = c_file("hostile", "memset", R"(#include <stdlib.h>
#include <string.h>
int main(void) {
    char *p = malloc(32 << 20);
    for (;;) memset(p, 1, 32 << 20);
}
)");
    CommandResult run = run_memviz("run " + path + " --max-steps 5000000");
    CHECK(run.exit_status == 4);
    CHECK(hostile_has(run.err, "stopped after 5"));
}

TEST_CASE("memviz run: nesting, size, garbage and a missing main are compile errors with a place, exit status 2") {
    SUBCASE("100000 parentheses") {
        const std::string path = c_file("hostile", "parentheses",
                                        "int main(void) {\n    return " + std::string(kHostileNesting, '(') + "1" + std::string(kHostileNesting, ')') + ";\n}\n");
        CommandResult run = run_memviz("run " + path);
        CHECK(run.exit_status == 2);
        CHECK(hostile_has(run.err, path + ":2:"));
        CHECK(hostile_has(run.err, ": error: nesting too deep: more than 200 levels of parentheses, blocks or declarators"));
        CHECK(run.err.size() < 4096);  // the long line is cut around the caret
    }
    SUBCASE("100000 braces") {
        const std::string path =
            c_file("hostile", "braces", "int main(void) {\n    " + std::string(kHostileNesting, '{') + std::string(kHostileNesting, '}') + "\n}\n");
        CommandResult run = run_memviz("run " + path);
        CHECK(run.exit_status == 2);
        CHECK(hostile_has(run.err, path + ":2:"));
        CHECK(hostile_has(run.err, "nesting too deep"));
    }
    SUBCASE("10 MB on one line") {
        std::string source = "int main(void) { int x = 0; ";
        while (source.size() < 10'000'000) source += "x = x + 1; ";
        source += "return x; }\n";
        const std::string path = c_file("hostile", "long-line", source);
        CommandResult run = run_memviz("run " + path);
        CHECK(run.exit_status == 2);
        CHECK(hostile_has(run.err, path + ":1:1: error: the program is too large"));
        CHECK(run.err.size() < 4096);
    }
    SUBCASE("binary garbage") {
        std::mt19937 random(9);
        std::string garbage(100'000, '\0');
        for (char& byte : garbage) byte = static_cast<char>(random() & 0xff);
        const std::string path = c_file("hostile", "garbage", garbage);
        CommandResult run = run_memviz("run " + path);
        CHECK(run.exit_status == 2);
        CHECK(hostile_has(run.err, path + ":1:"));
        CHECK(hostile_has(run.err, "too many errors; stopping here"));
    }
    SUBCASE("an empty file") {
        const std::string path = c_file("hostile", "empty", "");
        CommandResult run = run_memviz("run " + path);
        CHECK(run.exit_status == 2);
        CHECK(hostile_has(run.err, path + ":1:1: error: the program has no main function"));
    }
}
