// C source all the way through: preprocess, parse, compile, load and run on the VM. These check
// what a program computes and where it fails, not which instructions it became.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "lang/compile.h"
#include "lang/parse.h"
#include "run.h"

using namespace memviz;

namespace {

// Through the whole pipeline; a compile error fails the test with the compiler's own report.
RunResult run_source(const std::string& source, DataModel model = DataModel::LP64,
                     std::uint64_t stack_limit = 8ULL << 20) {
    RunOptions options;
    options.data_model = model;
    options.stack_limit = stack_limit;
    options.max_steps = 10'000'000;
    RunResult result = compile_and_run(source, options);
    REQUIRE_MESSAGE(result.outcome != RunResult::Outcome::CompileError, result.diagnostics.render("main.c", source));
    return result;
}

int run(const std::string& source, DataModel model = DataModel::LP64) {
    const RunResult result = run_source(source, model);
    REQUIRE_MESSAGE(result.outcome == RunResult::Outcome::Exited, (result.error ? result.error->message : "still running"));
    return result.exit_status;
}

}  // namespace

TEST_CASE("compiled programs compute what C says: arithmetic, locals, conversions") {
    CHECK(run("int main(void) { return 2 + 3 * 4; }") == 14);
    CHECK(run("int main(void) { int x = 5; x += 3; x *= 2; return x - 1; }") == 15);
    CHECK(run("int main(void) { unsigned char c = 250; c += 10; return c; }") == 4);
    CHECK(run("int main(void) { char c = 127; c++; return c == -128; }") == 1);
    CHECK(run("int main(void) { double d = 7; d /= 2; return (int)(d * 10); }") == 35);
    CHECK(run("int main(void) { float f = 0.1f; return f == 0.1f && f != 0.1; }") == 1);
    CHECK(run("int main(void) { int a = -7; return a / 2 + a % 2; }") == -4);
    CHECK(run("int main(void) { unsigned u = 0; u--; return u == 4294967295u; }") == 1);
    CHECK(run("int main(void) { long x = 1L << 40; return (int)(x >> 38); }") == 4);
    CHECK(run("int main(void) { int i = 0; int j = i++ + i++; return j * 10 + i; }") == 12);
    CHECK(run("int main(void) { _Bool b = 42; return b; }") == 1);
    CHECK(run("int main(void) { return (1 < 2) + (2 <= 1) * 10 + (3 == 3) * 100; }") == 101);
    CHECK(run("int main(void) { int x = 0; return (x != 0 && 10 / x > 1) || x == 0; }") == 1);
}

TEST_CASE("control flow: if, loops, break, continue, switch with fall-through, goto") {
    CHECK(run("int main(void) { int s = 0; for (int i = 1; i <= 10; i++) s += i; return s; }") == 55);
    CHECK(run("int main(void) { int n = 0; while (1) { n++; if (n == 7) break; } return n; }") == 7);
    CHECK(run("int main(void) { int s = 0; for (int i = 0; i < 10; i++) { if (i % 2) continue; s += i; } return s; }") == 20);
    CHECK(run("int main(void) { int i = 0; do { i += 3; } while (i < 10); return i; }") == 12);
    CHECK(run("int f(int x) { switch (x) { case 1: return 10; case 2: x += 5; case 3: return x; default: return -1; } }"
              "int main(void) { return f(1) + f(2) + f(3) + f(9); }") == 10 + 7 + 3 - 1);
    CHECK(run("int main(void) { int i = 0; again: i++; if (i < 5) goto again; return i; }") == 5);
    CHECK(run("int main(void) { int x = 3; return x > 2 ? x * 2 : -x; }") == 6);
}

TEST_CASE("functions, recursion, pointers, arrays, structs and globals") {
    CHECK(run("int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); } int main(void) { return fact(5); }") == 120);
    CHECK(run("int is_even(int); int is_odd(int n) { return n == 0 ? 0 : is_even(n - 1); }"
              "int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1); } int main(void) { return is_even(10); }") == 1);
    CHECK(run("void set(int *p, int v) { *p = v; } int main(void) { int x = 1; set(&x, 42); return x; }") == 42);
    CHECK(run("int main(void) { int a[5] = {1, 2, 3}; int s = 0; for (int i = 0; i < 5; i++) s += a[i]; return s + a[4]; }") == 6);
    CHECK(run("int main(void) { int a[3][4]; a[2][3] = 9; int *p = &a[0][0]; return p[11]; }") == 9);
    CHECK(run("struct point { int x; int y; }; int main(void) { struct point p = {3, 4}; struct point *q = &p;"
              " q->y = 10; return p.x * p.y; }") == 30);
    CHECK(run("struct pair { char c; double d; }; int main(void) { struct pair a = {'a', 2.5}, b; b = a;"
              " return b.c + (int)(b.d * 2); }") == 'a' + 5);
    CHECK(run("int counter = 40; int next(void) { static int calls; calls++; return counter + calls; }"
              "int main(void) { next(); return next(); }") == 42);
    CHECK(run("const char *s = \"hey\"; int main(void) { return s[1]; }") == 'e');
    CHECK(run("int main(void) { char buf[] = \"abc\"; buf[0] = 'x'; return buf[0] + buf[3]; }") == 'x');
    CHECK(run("int twice(int x) { return 2 * x; } int apply(int (*f)(int), int v) { return f(v); }"
              "int main(void) { return apply(twice, 21); }") == 42);
    CHECK(run("int main(void) { int a[4] = {0}; int *p = a + 3; int *q = &a[1]; return p - q; }") == 2);
    CHECK(run("int g[3] = {5, 6, 7}; int *gp = &g[2]; int main(void) { return *gp + sizeof g; }") == 7 + 12);
}

TEST_CASE("the data model decides sizes in compiled code") {
    CHECK(run("int main(void) { return sizeof(long) + sizeof(void *); }", DataModel::LP64) == 16);
    CHECK(run("int main(void) { return sizeof(long) + sizeof(void *); }", DataModel::ILP32) == 8);
    CHECK(run("int main(void) { long x = 2147483647; x++; return x < 0; }", DataModel::LP64) == 0);
}

TEST_CASE("compiled programs stop at their mistakes, on the right line") {
    SUBCASE("signed overflow") {
        const RunResult r = run_source("int main(void) {\n  int x = 2147483647;\n  x = x + 1;\n  return x;\n}\n");
        REQUIRE(r.error);
        CHECK(r.error->kind == vm::RuntimeErrorKind::SignedOverflow);
        CHECK(r.error->loc.line == 3);
    }
    SUBCASE("NULL dereference") {
        const RunResult r = run_source("int main(void) {\n  int *p = 0;\n  return *p;\n}\n");
        REQUIRE(r.error);
        CHECK(r.error->kind == vm::RuntimeErrorKind::NullDereference);
        CHECK(r.error->loc.line == 3);
    }
    SUBCASE("returning the address of a local") {
        const RunResult r = run_source("int *f(void) {\n  int x = 1;\n  return &x;\n}\nint main(void) {\n  int *p = f();\n  return *p;\n}\n");
        REQUIRE(r.error);
        CHECK(r.error->kind == vm::RuntimeErrorKind::DanglingStack);
        CHECK(r.error->loc.line == 7);
    }
    SUBCASE("infinite recursion") {
        const RunResult r = run_source("int down(int n) { return down(n + 1); }\nint main(void) { return down(0); }\n",
                                       DataModel::LP64, 64 * 1024);
        REQUIRE(r.error);
        CHECK(r.error->kind == vm::RuntimeErrorKind::StackOverflow);
    }
    SUBCASE("writing to a string literal") {
        const RunResult r = run_source("int main(void) {\n  char *s = \"hello\";\n  s[0] = 'J';\n  return 0;\n}\n");
        REQUIRE(r.error);
        CHECK(r.error->kind == vm::RuntimeErrorKind::ReadOnlyWrite);
        CHECK(r.error->loc.line == 3);
    }
}

TEST_CASE("a program without main is a compile error") {
    Diagnostics diagnostics;
    auto ast = lang::parse_source("int helper(void) { return 1; }", DataModel::LP64, diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    lang::compile(ast, DataModel::LP64, [](std::string_view) { return std::nullopt; }, diagnostics);
    REQUIRE(diagnostics.has_errors());
    CHECK(diagnostics.all().front().message.find("no main function") != std::string::npos);
}

TEST_CASE("structs are passed and returned by value, as copies") {
    CHECK(run(R"(
struct point { int x, y; };
struct point make(int x, int y) { struct point p = {x, y}; return p; }
struct point add(struct point a, struct point b) { a.x += b.x; a.y += b.y; return a; }
int main(void) {
    struct point a = make(1, 2);
    struct point b = add(a, make(10, 20));
    return b.x * 100 + b.y + a.x;   /* a is unchanged by add */
}
)") == 1122 + 1);
    CHECK(run(R"(
struct big { char name[20]; double weight; };
struct big heavier(struct big a, struct big b) { return a.weight > b.weight ? a : b; }
int main(void) {
    struct big x = {"x", 2.5}, y = {"y", 7.0};
    return heavier(x, y).name[0] + (int)heavier(y, x).weight;
}
)") == 'y' + 7);
}

TEST_CASE("chained designators continue into the inner aggregate, as gcc does") {
    // {[1][0] = 1, 2} sets m[1][0] and m[1][1]; a trailing comma or a new designator ends it.
    CHECK(run("int main(void) { int m[2][2] = {[1][0] = 1, 2}; return m[0][0] * 1000 + m[0][1] * 100 + m[1][0] * 10 + m[1][1]; }") == 12);
    CHECK(run("int main(void) { int n[2][3] = {[0][1] = 5, 6, [1][0] = 7, }; return n[0][2] * 10 + n[1][0]; }") == 67);
    CHECK(run("struct s { int a[2]; int b; }; int main(void) { struct s v = {.a[1] = 5, 6}; return v.a[1] * 10 + v.b; }") == 56);
}
