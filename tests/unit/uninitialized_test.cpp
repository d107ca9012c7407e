// Uninitialized values: copying one is allowed (as in C and Valgrind), using one is the error —
// in arithmetic, a branch, an address, a library call or main's exit status.
#include <doctest/doctest.h>

#include "run.h"

using namespace memviz;

namespace {

RunResult run(const char* source) { return compile_and_run(source, {}); }

}  // namespace

TEST_CASE("uninitialized: branching on a local never given a value names the variable") {
    const RunResult result = run("int main(void) {\n    int count;\n    if (count > 0) return 1;\n    return 0;\n}\n");
    REQUIRE(result.error);
    CHECK(result.error->kind == vm::RuntimeErrorKind::UninitializedValue);
    CHECK(result.error->loc.line == 3);
    CHECK(result.error->message.find("the local variable `count` of main") != std::string::npos);
}

TEST_CASE("uninitialized: printing malloc'ed memory names the block and where it was allocated") {
    const RunResult result = run(R"(#include <stdio.h>
#include <stdlib.h>
int main(void) {
    int *values = malloc(4 * sizeof(int));
    values[0] = 7;
    printf("%d %d\n", values[0], values[1]);
    return 0;
}
)");
    REQUIRE(result.error);
    CHECK(result.error->kind == vm::RuntimeErrorKind::UninitializedValue);
    CHECK(result.error->loc.line == 6);
    CHECK(result.error->message.find("passes to printf") != std::string::npos);
    CHECK(result.error->message.find("16-byte block") != std::string::npos);
    CHECK(result.error->message.find("allocated on line 4") != std::string::npos);
    CHECK(result.stdout_text.empty());
}

TEST_CASE("uninitialized: copies are fine until the copy is used; calloc and initializers count") {
    const RunResult copies = run(R"(
struct pair { int a; int b; };
int main(void) {
    int x;
    int y = x;            /* a copy: not yet an error */
    struct pair p;
    p.a = 1;
    struct pair q = p;    /* q.b is uninitialized too */
    return q.a;
}
)");
    CHECK(copies.outcome == RunResult::Outcome::Exited);
    CHECK(copies.exit_status == 1);

    const RunResult used = run(R"(
struct pair { int a; int b; };
int main(void) {
    struct pair p;
    p.a = 1;
    struct pair q = p;
    return q.a + q.b;
}
)");
    REQUIRE(used.error);
    CHECK(used.error->kind == vm::RuntimeErrorKind::UninitializedValue);
    CHECK(used.error->loc.line == 7);

    const RunResult cleared = run(R"(#include <stdlib.h>
int main(void) { int *v = calloc(3, sizeof(int)); int a[3] = {0}; int s = v[2] + a[2]; free(v); return s; }
)");
    CHECK(cleared.outcome == RunResult::Outcome::Exited);
    CHECK(cleared.exit_status == 0);
}

TEST_CASE("uninitialized: a parameter passed an uninitialized argument is uninitialized too") {
    const RunResult result = run("int twice(int n) {\n    return n * 2;\n}\nint main(void) {\n    int x;\n    return twice(x);\n}\n");
    REQUIRE(result.error);
    CHECK(result.error->loc.line == 2);
    CHECK(result.error->message.find("the parameter `n` of twice") != std::string::npos);
}

TEST_CASE("uninitialized: an uninitialized pointer cannot be dereferenced") {
    const RunResult result = run("int main(void) {\n    int *p;\n    *p = 5;\n    return 0;\n}\n");
    REQUIRE(result.error);
    CHECK(result.error->kind == vm::RuntimeErrorKind::UninitializedValue);
    CHECK(result.error->message.find("writes through a pointer") != std::string::npos);
    CHECK(result.error->loc.line == 3);
}
