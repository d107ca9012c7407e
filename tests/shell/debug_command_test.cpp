// `memviz debug` driven as a course author drives it: a script of commands piped in, the
// transcript checked command by command.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "run_command.h"

namespace {

// A program with a call, an array, a struct and a pointer to it, a global, malloc and free.
// The line numbers matter to the tests below.
constexpr const char* kDebugProgram = R"(#include <stdio.h>
#include <stdlib.h>

struct point {
    int x;
    int y;
};

int total;

int sum(int *values, int count) {
    int s = 0;
    for (int i = 0; i < count; i++)
        s += values[i];
    return s;
}

int main(void) {
    int scores[4] = {90, 85, 77, 64};
    struct point pt = {3, 4};
    struct point *pp = &pt;
    int *copy = malloc(4 * sizeof(int));
    for (int i = 0; i < 4; i++)
        copy[i] = scores[i];
    total = sum(copy, 4);
    pp->y = 10;
    free(copy);
    printf("%d %d\n", total, pt.y);
    return 0;
}
)";

// The transcript cut at the prompts: [0] is what comes before the first one, [i] the echoed
// i-th command and what it printed.
std::vector<std::string> replies(const std::string& transcript) {
    std::vector<std::string> out;
    const std::string prompt = "(memviz) ";
    std::size_t at = 0;
    while (true) {
        const std::size_t next = transcript.find(prompt, at);
        out.push_back(transcript.substr(at, next - at));
        if (next == std::string::npos) break;
        at = next + prompt.size();
    }
    return out;
}

struct Transcript {
    CommandResult result;
    std::vector<std::string> replies;
    const std::string& operator[](std::size_t i) const { return replies.at(i); }
};

Transcript debug(const std::string& script, const std::string& options = "") {
    static const std::string path = c_file("debug", "program", kDebugProgram);
    Transcript session{run_memviz("debug " + path + " " + options, script), {}};
    session.replies = replies(session.result.out);
    return session;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("memviz debug starts at main and echoes piped commands after the prompt") {
    Transcript s = debug("step\nquit\nstep\n");
    CHECK(s.result.exit_status == 0);
    CHECK(has(s[0], "main () at "));
    CHECK(has(s[0], "19        int scores[4] = {90, 85, 77, 64};\n"));
    CHECK(s[1].starts_with("step\n"));
    CHECK(has(s[1], "20        struct point pt = {3, 4};"));
    REQUIRE(s.replies.size() == 3);  // nothing after quit
    CHECK(s[2] == "quit\n");
}

TEST_CASE("memviz debug: step moves the line, back returns to it with the locals as they were") {
    Transcript s = debug("step\nstep\nlocals\nback\nlocals\nback\nback\n");
    CHECK(has(s[1], "20        struct point pt"));
    CHECK(has(s[2], "21        struct point *pp = &pt;"));
    CHECK(has(s[3], "pt      struct point    {x = 3, y = 4}"));
    CHECK(has(s[3], "scores  int [4]         {90, 85, 77, 64}"));
    CHECK(has(s[4], "20        struct point pt"));
    // Back before line 20 ran: pt was never written.
    CHECK(has(s[5], "{x = ?, y = ?}"));
    CHECK(has(s[5], "{90, 85, 77, 64}"));
    CHECK(has(s[6], "19        int scores[4]"));
    CHECK(has(s[7], "Already at the start of the program"));
}

TEST_CASE("memviz debug: break and continue stop at the line, reverse-continue goes back to it") {
    Transcript s = debug("break 26\ncontinue\nnext\nreverse-continue\ninfo\ndelete 26\nreverse-continue\n");
    CHECK(has(s[1], "Breakpoint at line 26:\n26        pp->y = 10;"));
    CHECK(has(s[2], "Breakpoint at line 26.\n26        pp->y = 10;"));
    CHECK(has(s[3], "27        free(copy);"));
    CHECK(has(s[4], "Breakpoint at line 26.\n26        pp->y = 10;"));
    CHECK(has(s[5], "Breakpoints at lines 26."));
    CHECK(has(s[6], "Deleted the breakpoint at line 26."));
    CHECK(has(s[7], "Back at the start of the program."));
}

TEST_CASE("memviz debug: step enters a call, finish returns with its value") {
    Transcript s = debug("break 12\ncontinue\nframes\nfinish\nfinish\n");
    CHECK(has(s[2], "sum (values=0x"));
    CHECK(has(s[2], ", count=4) at "));
    CHECK(has(s[2], "12        int s = 0;"));
    CHECK(has(s[3], "+- #0 sum, line 12 "));
    CHECK(has(s[3], "+- #1 main, line 25 "));
    CHECK(has(s[3], "return address 0x"));
    CHECK(has(s[3], "(back into main, line 25)"));
    CHECK(has(s[4], "main () at "));
    CHECK(has(s[4], "25        total = sum(copy, 4);"));
    CHECK(has(s[4], "returned 316"));
    CHECK(has(s[5], "main is the outermost function"));
}

TEST_CASE("memviz debug: print reads locals, elements, members through pointers, and says what it cannot") {
    Transcript s = debug("break 26\ncontinue\nprint total\nprint scores[2]\nprint pp->y\nprint pt\nprint *pp\n"
                      "print copy[3]\nprint copy\nprint &pt\nprint scores[i]\nprint nosuch\nprint pp.x\n"
                      "print scores[7]\nprint total + 1\n");
    CHECK(has(s[3], "total = 316 (int)"));
    CHECK(has(s[4], "scores[2] = 77 (int)"));
    CHECK(has(s[5], "pp->y = 4 (int)"));
    CHECK(has(s[6], "pt = {x = 3, y = 4} (struct point)"));
    CHECK(has(s[7], "*pp = {x = 3, y = 4} (struct point)"));
    CHECK(has(s[8], "copy[3] = 64 (int)"));
    CHECK(has(s[9], "copy = 0x"));
    CHECK(has(s[9], "-> the start of the 16-byte block at 0x"));
    CHECK(has(s[10], "-> `pt` in main"));
    CHECK(has(s[11], "no variable `i` in main or the globals"));  // the loop's i is out of scope
    CHECK(has(s[12], "no variable `nosuch` in main or the globals"));
    CHECK(has(s[13], "column 3: 'pp' is a pointer; did you mean to use '->'?"));
    CHECK(has(s[14], "index 7 is outside `scores`, which has 4 elements"));
    CHECK(has(s[15], "total + 1 = 317 (int)"));
}

TEST_CASE("memviz debug: print, x and watch take C expressions and never run code") {
    Transcript s = debug("break 24\ncontinue\ncontinue\nprint scores[i] * 2 + 1\nprint (long)pp\nprint pp\n"
                         "watch total + 1\nwatch copy[i]\nx/2dw scores + 1\nprint total = 1\nprint sum(copy, 4)\n"
                         "print 1); system(\"echo hacked\")\nprint scores[1] > scores[2] && pt.x == 3\n"
                         "print sizeof scores / sizeof *scores\nprint (char)(scores[0] - 25)\ndelete 24\ncontinue\n"
                         "print total\n");
    CHECK(has(s[3], "24            copy[i] = scores[i];"));  // the second time round: i is 1
    CHECK(has(s[4], "scores[i] * 2 + 1 = 171 (int)\n"));
    // (long)pp is pp's address in decimal.
    const std::string& pointer = s[6];
    const std::size_t hex = pointer.find("pp = 0x");
    REQUIRE(hex != std::string::npos);
    const unsigned long address = std::stoul(pointer.substr(hex + 5), nullptr, 16);
    CHECK(has(s[5], "(long)pp = " + std::to_string(address) + " (long)\n"));
    CHECK(has(s[6], "-> `pt` in main"));
    // A computed value has no bytes to watch: the shell says what to watch instead.
    CHECK(has(s[7], "`total + 1` is a value, not memory: watch stops when memory changes"));
    CHECK(has(s[7], "This one reads `total`: watch that instead."));
    CHECK(has(s[8], "Watchpoint 1: copy[i] (4 bytes at 0x"));
    CHECK(has(s[8], "now ?."));
    CHECK(has(s[9], " <scores+4>:  85  77\n"));
    CHECK(has(s[10], "print does not run code: `total = 1` assigns"));
    CHECK(has(s[11], "print does not run code: `sum(copy, 4)` calls sum"));
    CHECK(has(s[12], "column 2: expected the end of the expression before ')'"));
    CHECK(!has(s.result.out, "hacked\n"));
    CHECK(has(s[13], "scores[1] > scores[2] && pt.x == 3 = 1 (int)"));
    CHECK(has(s[14], "sizeof scores / sizeof *scores = 4 (unsigned long)"));
    CHECK(has(s[15], "(char)(scores[0] - 25) = 65 'A' (char)"));
    // The watchpoint is on the element copy[i] named when it was set (copy[1]).
    CHECK(has(s[17], "Watchpoint 1: copy[i]\nOld value = ?\nNew value = 85\n"));
    CHECK(has(s[18], "total = 0 (int)"));  // print changed nothing
}

TEST_CASE("memviz debug: x dumps memory in gdb's formats") {
    Transcript s = debug("break 26\ncontinue\nx/4xb &pt\nx/4dw copy\nx/2xw scores\nx/s 0\nx/4qw &pt\n");
    CHECK(has(s[3], " <pt>:  0x03  0x00  0x00  0x00\n"));
    CHECK(has(s[4], " <block 0x"));
    CHECK(has(s[4], ">:  90  85  77  64\n"));
    CHECK(has(s[5], " <scores>:  0x0000005a  0x00000055\n"));
    CHECK(has(s[6], "cannot read memory at 0x0"));
    CHECK(has(s[7], "`q` is neither a format"));
}

TEST_CASE("memviz debug: heap shows a malloc'd block with its size and line, then freed") {
    Transcript s = debug("break 27\ncontinue\nheap\nnext\nheap\nfreelist\n");
    const std::string& before = s[3];
    const std::size_t row = before.find("allocated  allocated on line 22");
    REQUIRE(row != std::string::npos);
    const std::string line = before.substr(before.rfind('\n', row) + 1, before.find('\n', row) - before.rfind('\n', row));
    CHECK(has(line, " 16 "));  // the bytes asked for
    CHECK(has(s[5], "freed"));
    CHECK(has(s[5], "allocated on line 22; freed on line 27"));
    CHECK(has(s[5], "list "));
    CHECK(has(s[6], "-> NULL"));
}

TEST_CASE("memviz debug: watch stops when the variable changes and shows both values") {
    Transcript s = debug("watch total\ncontinue\ncontinue\nwatch nosuch\nreverse-continue\n");
    CHECK(has(s[1], "Watchpoint 1: total (4 bytes at 0x"));
    CHECK(has(s[1], "now 0."));
    CHECK(has(s[2], "Watchpoint 1: total\nOld value = 0\nNew value = 316\n"));
    CHECK(has(s[2], "25        total = sum(copy, 4);"));
    CHECK(has(s[3], "316 10\n"));  // the program's output on the way to the end
    CHECK(has(s[3], "The program exited with status 0."));
    CHECK(has(s[4], "no global variable `nosuch` (the program is not running"));
    // Going back, the stop is right after the change, and the old value is the one before it.
    CHECK(has(s[5], "Watchpoint 1: total\nOld value = 0\nNew value = 316\n"));
    CHECK(has(s[5], "25        total = sum(copy, 4);"));
}

TEST_CASE("memviz debug: a program with an error stops there with the error's kind") {
    const std::string path = c_file("debug", "uaf", R"(#include <stdlib.h>
int main(void) {
    int *p = malloc(sizeof(int));
    *p = 1;
    free(p);
    return *p;
}
)");
    CommandResult run = run_memviz("debug " + path, "continue\nexplain\nstep\nback\nprint p\n");
    const std::vector<std::string> r = replies(run.out);
    CHECK(run.exit_status == 0);
    CHECK(has(r[1], path + ":6:12: runtime error: use after free: read of 4 bytes"));
    CHECK(has(r[1], "  See docs/errors.md#use-after-free\n"));
    CHECK(has(r[2], "use after free at line 6, column 12"));
    CHECK(has(r[2], "  See docs/errors.md#use-after-free\n"));
    CHECK(has(r[3], "The program has ended"));
    CHECK(has(r[4], "6         return *p;"));
    CHECK(has(r[5], "-> the freed block at 0x"));
}

TEST_CASE("memviz debug reports leaks at the end as memviz run does") {
    const std::string path = c_file("debug", "leak", R"(#include <stdlib.h>
int main(void) {
    int *p = malloc(12);
    p = 0;
    return 0;
}
)");
    CommandResult run = run_memviz("debug " + path, "continue\n");
    CHECK(has(run.out, path + ":3: leak: 12 bytes in the block at 0x"));
    CHECK(has(run.out, "definitely lost"));
    CHECK(has(run.out, "  See docs/errors.md#memory-leak\n"));
}

TEST_CASE("memviz debug: unknown commands and bad arguments get a message and the session goes on") {
    Transcript s = debug("frobnicate\nbreak xyz\nbreak 99\nstep two\ngoto\nprint\nx/4xw\nhelp nope\nstep\n");
    CHECK(has(s[1], "Unknown command \"frobnicate\". Try \"help\"."));
    CHECK(has(s[2], "break needs a line number"));
    CHECK(has(s[3], "Line 99 is outside"));
    CHECK(has(s[4], "is not a count"));
    CHECK(has(s[5], "goto needs a number"));
    CHECK(has(s[6], "print what?"));
    CHECK(has(s[7], "x needs an address"));
    CHECK(has(s[8], "No command \"nope\""));
    CHECK(has(s[9], "20        struct point pt"));
}

TEST_CASE("memviz debug: an empty line repeats the last move; goto and tick jump") {
    Transcript s = debug("next\n\n\ngoto 1\ninfo\ngoto 0\n");
    CHECK(has(s[1], "20        struct point pt"));
    CHECK(has(s[2], "21        struct point *pp"));
    CHECK(has(s[3], "22        int *copy = malloc"));
    CHECK(has(s[4], "20        struct point pt"));
    CHECK(has(s[5], "Stop 1 of "));
    CHECK(has(s[6], "19        int scores[4]"));
}

TEST_CASE("memviz debug draws its views within --width") {
    Transcript s = debug("break 27\ncontinue\nframes\nlocals\nheap\nfreelist\nlayout\nlist\nhelp\n", "--width 60");
    CHECK(has(s[3], "+- #0 main, line 27 "));
    CHECK(has(s[7], "reserved"));
    CHECK(has(s[7], "heap"));
    CHECK(has(s[8], "=> 27"));
    std::istringstream lines(s.result.out);
    for (std::string line; std::getline(lines, line);) {
        INFO(line);
        CHECK(line.size() <= 60);
    }
}

TEST_CASE("memviz debug: compile errors print like memviz run and exit 2") {
    const std::string path = c_file("debug", "broken", "int main(void) {\n    return y;\n}\n");
    CommandResult run = run_memviz("debug " + path, "step\n");
    CHECK(run.exit_status == 2);
    CHECK(has(run.err, path + ":2:12: error: 'y' undeclared"));
    CHECK(run.out.empty());
}

TEST_CASE("memviz debug: print follows pointers into structs no variable holds, along a linked list") {
    const std::string path = c_file("debug", "list", R"(#include <stdlib.h>
struct node { int value; struct node *next; };
int main(void) {
    struct node *head = malloc(sizeof(struct node));
    head->value = 1;
    head->next = malloc(sizeof(struct node));
    head->next->value = 2;
    head->next->next = NULL;
    return 0;
}
)");
    const Transcript s{run_memviz("debug " + path, "until 9\nprint head->next->value\nprint *head->next\n"), {}};
    const std::vector<std::string> r = replies(s.result.out);
    REQUIRE(r.size() >= 4);
    CHECK(has(r[2], "head->next->value = 2 (int)"));
    CHECK(has(r[3], "*head->next = {value = 2, next = NULL} (struct node)"));
}

TEST_CASE("memviz debug: heap of very many blocks counts them all and says which are listed") {
    const std::string path = c_file("debug", "many_blocks", R"(#include <stdlib.h>
int main(void) {
    for (int i = 0; i < 20000; i++)
        malloc(8);
    return 0;
}
)");
    const CommandResult result = run_memviz("debug " + path, "break 5\ncontinue\nheap\n");
    const std::vector<std::string> s = replies(result.out);
    REQUIRE(s.size() > 3);
    CHECK(has(s[3], "20000 blocks"));
    CHECK(has(s[3], "(the first 10000 and last 2000 listed)"));
}
