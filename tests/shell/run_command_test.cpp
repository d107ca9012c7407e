// `memviz run` as a user runs it: the program's output, the diagnostics, the exit statuses.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "run_command.h"

namespace {

// Writes `source` to a fresh file in /tmp and returns its path.
}  // namespace

TEST_CASE("memviz run prints the program's output and exits with its status") {
    const std::string path = c_file("run", "hello", R"(#include <stdio.h>
int main(int argc, char **argv) {
    printf("hello, %s! %d args\n", argc > 1 ? argv[1] : "world", argc);
    return 7;
}
)");
    CommandResult plain = run_memviz("run " + path);
    CHECK(plain.exit_status == 7);
    CHECK(plain.out == "hello, world! 1 args\n");
    CHECK(plain.err.empty());

    CommandResult with_args = run_memviz("run " + path + " -- student");
    CHECK(with_args.out == "hello, student! 2 args\n");
}

TEST_CASE("memviz run reads stdin from a file") {
    const std::string path = c_file("run", "sum", R"(#include <stdio.h>
int main(void) { int a, b; if (scanf("%d %d", &a, &b) != 2) return 1; printf("%d\n", a + b); return 0; }
)");
    std::ofstream("/tmp/memviz-run-test-input.txt") << "19 23\n";
    CommandResult run = run_memviz("run " + path + " --stdin /tmp/memviz-run-test-input.txt");
    CHECK(run.exit_status == 0);
    CHECK(run.out == "42\n");
}

TEST_CASE("memviz run reports compile errors like a compiler, exit status 2") {
    const std::string path = c_file("run", "broken", "int main(void) {\n    int x = y;\n    return x;\n}\n");
    CommandResult text = run_memviz("run " + path);
    CHECK(text.exit_status == 2);
    CHECK(text.out.empty());
    CHECK(text.err.find(path + ":2:13: error: 'y' undeclared") != std::string::npos);
    CHECK(text.err.find("        int x = y;\n") != std::string::npos);

    CommandResult json = run_memviz("run " + path + " --diagnostics json");
    CHECK(json.exit_status == 2);
    auto first = nlohmann::json::parse(json.err.substr(0, json.err.find('\n')));
    CHECK(first["kind"] == "compile");
    CHECK(first["severity"] == "error");
    CHECK(first["line"] == 2);
    CHECK(first["column"] == 13);
}

TEST_CASE("memviz run stops at a memory error with its line, exit status 3 or --error-exitcode") {
    const std::string path = c_file("run", "uaf", R"(#include <stdlib.h>
int main(void) {
    int *i_pt = malloc(sizeof(int));
    free(i_pt);
    return *i_pt;
}
)");
    CommandResult text = run_memviz("run " + path);
    CHECK(text.exit_status == 3);
    CHECK(text.err.find(path + ":5:12: runtime error: use after free: read of 4 bytes") != std::string::npos);
    CHECK(text.err.find("inside the 4-byte block at") != std::string::npos);
    // The last line names the section of the docs on the mistake.
    CHECK(text.err.ends_with("\n  See docs/errors.md#use-after-free\n"));

    CommandResult json = run_memviz("run " + path + " --diagnostics json --error-exitcode 9");
    CHECK(json.exit_status == 9);
    auto error = nlohmann::json::parse(json.err.substr(0, json.err.find('\n')));
    CHECK(error["kind"] == "use after free");
    CHECK(error["line"] == 5);
    CHECK(error["column"] == 12);
    CHECK(error["explanation"].get<std::string>().find("free()") != std::string::npos);
    CHECK(error["concept"] == "use-after-free");
}

TEST_CASE("memviz run stops an endless loop at the step limit, exit status 4") {
    const std::string path = c_file("run", "loop", "int main(void) { for (;;) {} }\n");
    CommandResult run = run_memviz("run " + path + " --max-steps 10000");
    CHECK(run.exit_status == 4);
    CHECK(run.err.find("stopped after 10000 steps") != std::string::npos);
}

TEST_CASE("memviz run reports leaks at exit: definitely lost is an error, reachable is a warning") {
    const std::string path = c_file("run", "leak", R"(#include <stdlib.h>
int *kept;
int main(void) {
    kept = malloc(8);
    int *lost = malloc(24);
    lost[0] = 1;
    return 0;
}
)");
    CommandResult text = run_memviz("run " + path);
    CHECK(text.exit_status == 3);
    CHECK(text.err.find(path + ":5: leak: 24 bytes in the block at") != std::string::npos);
    CHECK(text.err.find("definitely lost") != std::string::npos);
    CHECK(text.err.find(path + ":4: leak: 8 bytes") != std::string::npos);
    CHECK(text.err.find("still reachable from a global variable") != std::string::npos);
    CHECK(text.err.ends_with(")\n  See docs/errors.md#memory-leak\n"));  // once, after the leaks

    const std::string freed = c_file("run", "no-leak", R"(#include <stdlib.h>
int *kept;
int main(void) { kept = malloc(8); return 5; }
)");
    CommandResult reachable_only = run_memviz("run " + freed);
    CHECK(reachable_only.exit_status == 5);  // a reachable block alone does not fail the run
    CHECK(reachable_only.err.find("still reachable") != std::string::npos);
}

TEST_CASE("memviz run reports a loop's many lost blocks as one line, a few one by one") {
    const std::string path = c_file("run", "leak-loop", R"(#include <stdlib.h>
int main(void) {
    for (int i = 0; i < 200; i++)
        malloc(16);
    for (int i = 0; i < 3; i++)
        malloc(8);
    return 0;
}
)");
    CommandResult run = run_memviz("run " + path);
    CHECK(run.exit_status == 3);
    CHECK(run.err.find(path + ":4: leak: 200 blocks, 3200 bytes in all, were never freed (allocated on this line, "
                                 "the first at 0x") != std::string::npos);
    std::size_t lines_for_line6 = 0;
    for (std::size_t at = 0; (at = run.err.find(path + ":6: leak: 8 bytes in the block at", at)) != std::string::npos; ++at) {
        ++lines_for_line6;
    }
    CHECK(lines_for_line6 == 3);
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 5);  // 1 + 3 leak lines and the docs line
}

TEST_CASE("memviz run --keep-going shows the consequence of a heap overflow, then reports it") {
    // Writing one int past a 2-int block lands in the allocator's header of the next block (or its
    // padding): with --keep-going the program goes on, and the error is still reported, status 3.
    const std::string path = c_file("run", "keep-going", R"(#include <stdio.h>
#include <stdlib.h>
int main(void) {
    int *a = malloc(2 * sizeof(int));
    a[0] = 1; a[1] = 2;
    a[2] = 99;
    int x = 2147483647;
    x = x + 1;
    printf("%d %d\n", a[2], x);
    free(a);
    return 0;
}
)");
    CommandResult stop = run_memviz("run " + path);
    CHECK(stop.exit_status == 3);
    CHECK(stop.out.empty());
    CHECK(stop.err.find(":6:") != std::string::npos);

    CommandResult going = run_memviz("run --keep-going " + path);
    CHECK(going.exit_status == 3);
    CHECK(going.out == "99 -2147483648\n");
    const auto overflow = going.err.find(":6:");
    const auto wrapped = going.err.find(":8:");
    REQUIRE(overflow != std::string::npos);
    REQUIRE(wrapped != std::string::npos);
    CHECK(overflow < wrapped);
    CHECK(going.err.find("heap buffer overflow") != std::string::npos);
    CHECK(going.err.find("signed integer overflow") != std::string::npos);
}

TEST_CASE("memviz run --keep-going still stops at a NULL dereference") {
    const std::string path = c_file("run", "keep-going-null", "int main(void) {\n    int *p = 0;\n    return *p;\n}\n");
    CommandResult run = run_memviz("run --keep-going " + path);
    CHECK(run.exit_status == 3);
    CHECK(run.err.find(":3:") != std::string::npos);
    CHECK(run.err.find("null pointer dereference") != std::string::npos);
}
