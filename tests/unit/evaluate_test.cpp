// Session::evaluate: C expressions over a stopped program, with the compiler's types and
// conversions, read without side effects; bad reads and bad input are messages, not crashes.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "session.h"

using namespace memviz;

namespace {

const char* const kProgram = R"(#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
enum color { RED, GREEN = 5, BLUE };
struct node { int value; struct node *next; };
int counter = 3;
int level = 1;
const char *greeting = "hello";
typedef unsigned long word;
int twice(int n) { return 2 * n; }
int *dangle(void) {
    int local = 5;
    int *q = &local;
    return q;
}
int main(void) {
    int arr[5] = {10, 20, 30, 40, 50};
    int *p = arr;
    int i = 2;
    int level = 7;
    unsigned int big = 4000000000u;
    double half = 0.5;
    char c = 'A';
    enum color hue = BLUE;
    int never;
    struct node *head = malloc(sizeof(struct node));
    head->value = 1;
    head->next = malloc(sizeof(struct node));
    head->next->value = 2;
    head->next->next = NULL;
    int *gone = malloc(2 * sizeof(int));
    gone[0] = 9;
    free(gone);
    struct node *none = NULL;
    int *end = arr + 5;
    int *stale = dangle();
    {
        int i = 4;
        counter += i;
    }
    printf("%s %d\n", greeting, twice(i));
    return 0;
}
)";

// The 1-based line of the program holding `text`.
std::uint32_t line_of(std::string_view source, std::string_view text) {
    const std::size_t at = source.find(text);
    REQUIRE(at != std::string_view::npos);
    std::uint32_t line = 1;
    for (std::size_t i = 0; i < at; ++i) line += source[i] == '\n' ? 1 : 0;
    return line;
}

// A session stopped at the start of the line holding `text`.
void stop_at(Session& session, std::string_view text, DataModel model = DataModel::LP64) {
    REQUIRE(!session.load(kProgram, {.data_model = model}).has_errors());
    REQUIRE(session.run_to_line(line_of(kProgram, text)) == StopReason::Step);
}

// What print shows: "VALUE (TYPE)", or "error: MESSAGE".
std::string print(Session& session, std::string_view expression) {
    const Result<Evaluation> result = session.evaluate(expression);
    if (!result.ok()) return "error: " + result.error();
    return result.value().value.value + " (" + result.value().value.type + ")";
}

}  // namespace

TEST_CASE("evaluate: integer arithmetic follows C's conversions and the data model") {
    Session session;
    stop_at(session, "printf(");
    CHECK(print(session, "-1 < 1u") == "0 (int)");          // -1 converted to unsigned
    CHECK(print(session, "-1 < 1") == "1 (int)");
    CHECK(print(session, "7 / 2") == "3 (int)");
    CHECK(print(session, "-7 / 2") == "-3 (int)");          // truncation toward zero
    CHECK(print(session, "-7 % 2") == "-1 (int)");
    CHECK(print(session, "7.0 / 2") == "3.5 (double)");
    CHECK(print(session, "1 / 4.0f") == "0.25 (float)");
    CHECK(print(session, "sizeof(struct node)") == "16 (unsigned long)");
    CHECK(print(session, "sizeof arr / sizeof arr[0]") == "5 (unsigned long)");
    CHECK(print(session, "(char)300") == "44 ',' (char)");
    CHECK(print(session, "(unsigned char)-1") == "255 '\\xff' (unsigned char)");
    CHECK(print(session, "0u - 1") == "4294967295 (unsigned int)");  // unsigned wraps around
    CHECK(print(session, "big + big") == "3705032704 (unsigned int)");
    CHECK(print(session, "c + 1") == "66 (int)");           // char promoted to int
    CHECK(print(session, "(word)-1") == "18446744073709551615 (unsigned long)");
    CHECK(print(session, "-1L < 1u") == "1 (int)");         // long holds every unsigned int in LP64
    CHECK(print(session, "0x10 | 3 ^ 1") == "18 (int)");
    CHECK(print(session, "1 << 4 >> 2") == "4 (int)");
    CHECK(print(session, "~0u >> 28") == "15 (unsigned int)");
    CHECK(print(session, "'a' + 1") == "98 (int)");
    CHECK(print(session, "(int)2.9 + (int)-2.9") == "0 (int)");
    CHECK(print(session, "half * 3") == "1.5 (double)");
    CHECK(print(session, "INT_MAX") == "2147483647 (int)");   // the program's macros
    CHECK(print(session, "GREEN + 1") == "6 (int)");          // enum constants
    CHECK(print(session, "hue") == "BLUE (enum color)");
    CHECK(print(session, "hue == BLUE") == "1 (int)");
    CHECK(print(session, "(_Bool)0.25") == "1 (_Bool)");
}

TEST_CASE("evaluate: ILP32 sizes and conversions") {
    Session session;
    stop_at(session, "printf(", DataModel::ILP32);
    CHECK(print(session, "sizeof(long)") == "4 (unsigned int)");
    CHECK(print(session, "sizeof(struct node)") == "8 (unsigned int)");
    CHECK(print(session, "-1L < 1u") == "0 (int)");  // unsigned long: -1L becomes ULONG_MAX
    CHECK(print(session, "&arr[2] - &arr[0]") == "2 (int)");
}

TEST_CASE("evaluate: pointers, indexing and members through -> on the heap") {
    Session session;
    stop_at(session, "printf(");
    CHECK(print(session, "p[i]") == "30 (int)");
    CHECK(print(session, "arr[i] * 2 + 1") == "61 (int)");
    CHECK(print(session, "*(p + 1)") == "20 (int)");
    CHECK(print(session, "*(arr + 4)") == "50 (int)");
    CHECK(print(session, "&arr[2] - &arr[0]") == "2 (long)");
    CHECK(print(session, "(long)(p + 1) - (long)p") == "4 (long)");
    CHECK(print(session, "p + 1 > p") == "1 (int)");
    CHECK(print(session, "head->value") == "1 (int)");
    CHECK(print(session, "head->next->value") == "2 (int)");
    CHECK(print(session, "*head->next") == "{value = 2, next = NULL} (struct node)");
    CHECK(print(session, "head->value + head->next->value") == "3 (int)");
    CHECK(print(session, "(*head).next->next") == "NULL (struct node *)");
    CHECK(print(session, "arr") == "{10, 20, 30, 40, 50} (int [5])");
    CHECK(print(session, "greeting[1]") == "101 'e' (const char)");
    CHECK(print(session, "*greeting") == "104 'h' (const char)");

    const Result<Evaluation> address = session.evaluate("&arr[1]");
    REQUIRE(address.ok());
    CHECK(!address.value().lvalue);
    REQUIRE(address.value().value.target);
    CHECK(address.value().value.target->description == "`arr[1]` in main");
    const Result<Evaluation> element = session.evaluate("arr[3]");
    REQUIRE(element.ok());
    CHECK(element.value().lvalue);
    CHECK(element.value().value.size == 4);
    CHECK(element.value().number == 40);
    CHECK(element.value().value.address == *address.value().number + 8);
}

TEST_CASE("evaluate: ?:, && and || read only what C evaluates") {
    Session session;
    stop_at(session, "printf(");
    CHECK(print(session, "i > 1 ? arr[0] : arr[1]") == "10 (int)");
    CHECK(print(session, "i > 5 ? half : arr[1]") == "20.0 (double)");  // converted to the common type
    CHECK(print(session, "none == 0 || none->value") == "1 (int)");    // none->value never read
    CHECK(print(session, "none && none->value") == "0 (int)");
    CHECK(print(session, "!none") == "1 (int)");
    CHECK(print(session, "i ? never : 0").starts_with("error: `never` was never written"));
    CHECK(print(session, "(i, level)") == "7 (int)");
    CHECK(print(session, "i > 1 ? *head->next : *head") == "{value = 2, next = NULL} (struct node)");
}

TEST_CASE("evaluate: names mean what they mean at the line: inner blocks and locals shadow") {
    Session session;
    stop_at(session, "counter += i;");
    CHECK(print(session, "i") == "4 (int)");        // the inner block's i
    CHECK(print(session, "level") == "7 (int)");    // main's level hides the global
    CHECK(print(session, "counter") == "3 (int)");
    CHECK(print(session, "arr[i]") == "50 (int)");
    CHECK(session.step(Granularity::Statement) == StopReason::Step);
    CHECK(print(session, "i") == "2 (int)");        // back in main's block
    CHECK(print(session, "counter") == "7 (int)");

    // Before `int level = 7;` runs at the start of main, `level` is still the global.
    Session start;
    REQUIRE(!start.load(kProgram).has_errors());
    CHECK(print(start, "level") == "1 (int)");
    CHECK(print(start, "i") == "error: no variable `i` in main or the globals");
}

TEST_CASE("evaluate: functions, string literals and the program's end") {
    Session session;
    stop_at(session, "printf(");
    const std::string twice = print(session, "twice");
    CHECK(twice.starts_with("0x"));
    CHECK(twice.ends_with(" (int (int))"));
    CHECK(session.evaluate("twice").value().value.target->description == "the function twice");
    CHECK(print(session, "\"hello\"") == "\"hello\" (char [6])");           // the program's literal
    CHECK(print(session, "\"hello\"[4]") == "111 'o' (char)");
    CHECK(print(session, "greeting == \"hello\"") == "1 (int)");
    CHECK(print(session, "\"bye\"") ==
          "error: the string literal \"bye\" is not in the program, so it has no address (only the program's own literals are in memory)");
    CHECK(print(session, "printf").starts_with("error: `printf` is a function of memviz's C library"));

    session.run_to_end();
    CHECK(print(session, "counter * 2") == "14 (int)");
    CHECK(print(session, "arr") == "error: no global variable `arr` (the program is not running, so there are no locals)");
}

TEST_CASE("evaluate: assignments, ++, --, calls and compound literals are refused by name") {
    Session session;
    stop_at(session, "printf(");
    CHECK(print(session, "i = 5") == "error: print does not run code: `i = 5` assigns");
    CHECK(print(session, "counter += 2") == "error: print does not run code: `counter += 2` assigns");
    CHECK(print(session, "arr[0]++") == "error: print does not run code: `arr[0]++` increments");
    CHECK(print(session, "--i") == "error: print does not run code: `--i` decrements");
    CHECK(print(session, "1 + twice(3)") == "error: print does not run code: `twice(3)` calls twice");
    CHECK(print(session, "*(int[]){1, 2}") == "error: print does not run code: `(int[]){1, 2}` makes an object (a compound literal)");
    CHECK(session.evaluate("p = 0", "watch").error() == "watch does not run code: `p = 0` assigns");
    // sizeof does not evaluate its operand, so nothing in it runs.
    CHECK(print(session, "sizeof(i++)") == "4 (unsigned long)");
    CHECK(print(session, "sizeof twice(1)") == "4 (unsigned long)");
    // Nothing changed.
    CHECK(print(session, "i") == "2 (int)");
    CHECK(print(session, "counter") == "7 (int)");
}

TEST_CASE("evaluate: malformed input is an error with its column in what was typed") {
    Session session;
    stop_at(session, "printf(");
    CHECK(print(session, "i +") == "error: column 4: expected expression before end of input");
    CHECK(print(session, "arr[1") == "error: column 6: expected ']' before end of input");
    CHECK(print(session, "i $ 2") == "error: column 3: stray '$' in program");
    CHECK(print(session, "nosuch + 1") == "error: no variable `nosuch` in main or the globals");
    CHECK(print(session, "levl") == "error: no variable `levl` in main or the globals; did you mean `level`?");
    CHECK(print(session, "head.value") == "error: column 5: 'head' is a pointer; did you mean to use '->'?");
    CHECK(print(session, "") == "error: expected an expression");
    CHECK(print(session, "   ") == "error: expected an expression");
    CHECK(print(session, "int x") == "error: column 1: expected expression before 'int'");
    CHECK(print(session, std::string(300, '(') + "1" + std::string(300, ')')).starts_with("error: column "));
}

TEST_CASE("evaluate: the expression cannot break out of itself") {
    Session session;
    stop_at(session, "printf(");
    CHECK(print(session, "1); system(\"ls\"") == "error: column 2: expected the end of the expression before ')'");
    CHECK(print(session, "i; }") == "error: column 2: expected the end of the expression before ';'");
    CHECK(print(session, "i } int main(void) { return 1;") == "error: column 3: expected the end of the expression before '}'");
    CHECK(print(session, "i /* ") == "error: column 3: unterminated comment");
    CHECK(print(session, "\"abc") == "error: column 1: unterminated string literal (missing closing \")");
    CHECK(print(session, "#include <stdio.h>").starts_with("error: column 1: "));
    CHECK(print(session, "({ counter = 1; })").starts_with("error: column 1: "));
    CHECK(print(session, "i\n+ 1") == "error: the expression must be one line of text");
    CHECK(print(session, "i // the rest is a comment") == "2 (int)");
    CHECK(print(session, "counter") == "7 (int)");  // nothing ran
}

TEST_CASE("evaluate: reads of uninitialized, freed, out-of-bounds and unmapped memory say so") {
    Session session;
    stop_at(session, "printf(");
    const Result<Evaluation> never = session.evaluate("never");
    REQUIRE(never.ok());
    CHECK(never.value().value.value == "?");
    CHECK(!never.value().value.initialized);
    CHECK(!never.value().number);
    CHECK(print(session, "never + 1") == "error: `never` was never written (uninitialized): its value is unknown");
    CHECK(print(session, "*gone").starts_with("error: `*gone` reads freed memory at 0x"));
    CHECK(print(session, "gone[1] + 1").starts_with("error: `gone[1]` reads freed memory at 0x"));
    CHECK(print(session, "arr[5]") == "error: `arr[5]` is out of bounds: index 5 is outside `arr`, which has 5 elements (0 to 4)");
    CHECK(print(session, "arr[-1]") == "error: `arr[-1]` is out of bounds: index -1 is outside `arr`, which has 5 elements (0 to 4)");
    const std::string past = print(session, "head[1].value");
    CHECK(past.starts_with("error: `head[1].value` is out of bounds: index 1 is outside the 16-byte block at 0x"));
    CHECK(past.ends_with(", which has 1 element (index 0)"));
    CHECK(print(session, "none->value") == "error: `none->value` reads through a NULL pointer: `none` is NULL");
    CHECK(print(session, "*(int *)16") == "error: `*(int *)16` reads 0x10: an address in reserved that holds no variable");
    CHECK(print(session, "i / (level - 7)") == "error: `i / (level - 7)` divides by zero: `level - 7` is 0");
    CHECK(print(session, "i % 0") == "error: `i % 0` takes a remainder by zero: `0` is 0");
    CHECK(print(session, "INT_MAX + 1").starts_with("error: `INT_MAX + 1` overflows int"));
    CHECK(print(session, "1 << 32") == "error: `1 << 32` shifts a 32-bit int by 32 bits: the count must be 0 to 31");
    CHECK(print(session, "half / 0") == "inf (double)");  // IEEE, as the VM computes it
    CHECK(print(session, "*stale").starts_with("error: `*stale` reads 0x"));
    CHECK(print(session, "*stale").ends_with(", in a stack frame that has returned: the pointer is dangling"));
    // A pointer just past an array reads the array backwards, and nothing forwards.
    CHECK(print(session, "end[-1]") == "50 (int)");
    CHECK(print(session, "end[0]") == "error: `end[0]` is out of bounds: index 5 is outside `arr`, which has 5 elements (0 to 4)");
    // Addresses alone read nothing.
    CHECK(print(session, "&arr[5] - arr") == "5 (long)");
}

TEST_CASE("evaluate: what an expression read, for a watch on a computed value") {
    Session session;
    stop_at(session, "printf(");
    const Result<Evaluation> sum = session.evaluate("arr[i] + counter");
    REQUIRE(sum.ok());
    CHECK(!sum.value().lvalue);
    CHECK(sum.value().number == 37);
    CHECK(sum.value().reads == std::vector<std::string>{"i", "arr[i]", "counter"});
}

TEST_CASE("evaluate: in a called function, its parameters and the globals") {
    Session session;
    stop_at(session, "int twice(int n)");
    CHECK(print(session, "n * 3") == "6 (int)");
    CHECK(print(session, "counter") == "7 (int)");
    CHECK(print(session, "level") == "1 (int)");  // main's level is not in scope here
    CHECK(print(session, "arr") == "error: no variable `arr` in twice or the globals");
}
