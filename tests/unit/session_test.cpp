// The Session as the views use it: moves in both directions land where a debugger would, and
// snapshots tell the truth about frames, variables, pointers, the heap and what the last step did.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "session.h"
#include "session/annotations.h"

using namespace memviz;

namespace {

const char* const kSquares = R"(#include <stdio.h>
#include <stdlib.h>
int total = 0;
int square(int x) {
    int result = x * x;
    return result;
}
int main(void) {
    int *p = malloc(4 * sizeof(int));
    for (int i = 0; i < 4; i++)
        p[i] = square(i);
    total = p[3];
    free(p);
    printf("%d\n", total);
    return 0;
}
)";

const ValueView* variable(const Snapshot& s, const std::string& name) {
    for (const FrameView& frame : s.frames) {
        for (const ValueView& v : frame.variables) if (v.name == name) return &v;
    }
    for (const ValueView& v : s.globals) if (v.name == name) return &v;
    return nullptr;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("session: load positions at main; stepping a malloc shows the block, the pointer and the allocator's choice") {
    Session session;
    REQUIRE(!session.load(kSquares).has_errors());
    Snapshot s = session.snapshot();
    CHECK(s.state == Snapshot::State::Paused);
    REQUIRE(s.frames.size() == 1);
    CHECK(s.frames[0].function == "main");
    CHECK(s.tick == 0);

    CHECK(s.line == 9);  // the start is main's first statement
    CHECK(session.step(Granularity::Statement) == StopReason::Step);  // malloc done
    s = session.snapshot();
    CHECK(s.line == 10);
    REQUIRE(s.changes.allocated.size() == 1);
    const Addr payload = s.changes.allocated[0];
    REQUIRE(s.heap.size() >= 1);
    bool found = false;
    for (const HeapBlockView& block : s.heap) {
        if (block.payload != payload) continue;
        found = true;
        CHECK(block.allocated);
        CHECK(block.requested == 16);
        CHECK(block.allocated_at == 9);
    }
    CHECK(found);
    const ValueView* p = variable(s, "p");
    REQUIRE(p != nullptr);
    CHECK(p->changed);
    REQUIRE(p->target.has_value());
    CHECK(p->target->kind == PointerTarget::Kind::HeapBlock);
    CHECK(p->target->object == payload);
    CHECK(contains(s.narration, "for a 16-byte request"));
    CHECK(contains(s.narration, "`p` now points to the start of the 16-byte block"));
}

TEST_CASE("session: breakpoints, finish, and reverse-continue back to the previous hit") {
    Session session;
    REQUIRE(!session.load(kSquares).has_errors());
    session.set_breakpoint(5);
    CHECK(session.continue_forward() == StopReason::Breakpoint);
    Snapshot s = session.snapshot();
    REQUIRE(s.frames.size() == 2);
    CHECK(s.frames[0].function == "square");
    CHECK(s.frames[1].function == "main");
    CHECK(s.frames[1].line == 11);  // the caller is at its call
    REQUIRE(variable(s, "x") != nullptr);
    CHECK(variable(s, "x")->value == "0");
    CHECK(contains(s.narration, "Called `square`"));

    CHECK(session.continue_forward() == StopReason::Breakpoint);
    CHECK(variable(session.snapshot(), "x")->value == "1");
    CHECK(session.finish() == StopReason::Step);
    s = session.snapshot();
    REQUIRE(s.returned.has_value());
    CHECK(*s.returned == "square returned 1");
    CHECK(s.frames.size() == 1);
    CHECK(contains(s.narration, "`square` returned 1; its frame is gone"));

    CHECK(session.continue_back() == StopReason::Breakpoint);
    s = session.snapshot();
    CHECK(s.line == 5);
    CHECK(variable(s, "x")->value == "1");
    CHECK(session.continue_back() == StopReason::Breakpoint);
    CHECK(variable(session.snapshot(), "x")->value == "0");
    CHECK(session.continue_back() == StopReason::Start);
    CHECK(session.position().tick == 0);
}

TEST_CASE("session: next steps over calls, finish_back returns to the call, next_back stays in the frame") {
    Session session;
    REQUIRE(!session.load(kSquares).has_errors());
    CHECK(session.run_to_line(11) == StopReason::Step);
    CHECK(session.next(Granularity::Statement) == StopReason::Step);
    Snapshot s = session.snapshot();
    CHECK(s.frames.size() == 1);  // square ran and returned inside the step
    CHECK(s.line == 10);

    CHECK(session.step(Granularity::Statement) == StopReason::Step);  // i < 4
    CHECK(session.step(Granularity::Statement) == StopReason::Step);  // into p[i] = square(i)
    CHECK(session.step(Granularity::Statement) == StopReason::Step);  // into square
    s = session.snapshot();
    REQUIRE(s.frames.size() == 2);
    CHECK(session.finish_back() == StopReason::Step);
    s = session.snapshot();
    CHECK(s.frames.size() == 1);
    CHECK(s.line == 11);
    CHECK(session.next_back(Granularity::Statement) == StopReason::Step);
    CHECK(session.snapshot().frames.size() == 1);
}

TEST_CASE("session: a watchpoint stops after the write, forward and backward") {
    Session session;
    REQUIRE(!session.load(kSquares).has_errors());
    const Snapshot start = session.snapshot();
    const ValueView* total = variable(start, "total");
    REQUIRE(total != nullptr);
    session.add_watchpoint(total->address, total->size, "total");
    CHECK(session.continue_forward() == StopReason::Watchpoint);
    Snapshot s = session.snapshot();
    CHECK(variable(s, "total")->value == "9");
    const std::uint64_t changed_at = s.tick;
    CHECK(session.run_to_end() == StopReason::End);
    CHECK(session.snapshot().stdout_text == "9\n");
    CHECK(session.continue_back() == StopReason::Watchpoint);
    CHECK(session.position().tick == changed_at);
}

TEST_CASE("session: free marks the block freed and still referenced; the end shows the output") {
    Session session;
    REQUIRE(!session.load(kSquares).has_errors());
    CHECK(session.run_to_line(14) == StopReason::Step);
    Snapshot s = session.snapshot();
    REQUIRE(s.changes.freed.size() == 1);
    bool freed = false;
    for (const HeapBlockView& block : s.heap) {
        if (block.payload != s.changes.freed[0]) continue;
        freed = true;
        CHECK_FALSE(block.allocated);
        CHECK(block.freed_by_program);
        CHECK(block.referenced);  // p still holds its address
        CHECK(block.freed_at == 13);
    }
    CHECK(freed);
    CHECK(contains(s.narration, "`free` gave the 32-byte block"));
    REQUIRE(variable(s, "p") != nullptr);
    CHECK(variable(s, "p")->target->kind == PointerTarget::Kind::FreedBlock);

    CHECK(session.run_to_end() == StopReason::End);
    s = session.snapshot();
    CHECK(s.state == Snapshot::State::Exited);
    CHECK(s.exit_status == 0);
    CHECK(s.finished);
}

TEST_CASE("session: a returned local's address is dangling, and the narration says so") {
    Session session;
    REQUIRE(!session.load(R"(int *make(void) {
    int local = 7;
    return &local;
}
int main(void) {
    int *q = make();
    return 0;
}
)").has_errors());
    CHECK(session.run_to_line(7) == StopReason::Step);
    const Snapshot s = session.snapshot();
    const ValueView* q = variable(s, "q");
    REQUIRE(q != nullptr);
    REQUIRE(q->target.has_value());
    CHECK(q->target->kind == PointerTarget::Kind::Dangling);
}

TEST_CASE("session: a runtime error ends the run at its line, and stepping back from it works") {
    Session session;
    REQUIRE(!session.load("int main(void) {\n    int *p = 0;\n    *p = 1;\n    return 0;\n}\n").has_errors());
    CHECK(session.run_to_end() == StopReason::End);
    Snapshot s = session.snapshot();
    CHECK(s.state == Snapshot::State::Faulted);
    REQUIRE(s.error.has_value());
    CHECK(s.line == 3);
    CHECK(contains(s.narration, "Stopped:"));
    CHECK(session.step_back(Granularity::Statement) == StopReason::Step);
    s = session.snapshot();
    CHECK(s.state == Snapshot::State::Paused);
    CHECK(s.line == 3);
}

TEST_CASE("session: an endless loop pauses at the step budget and can be resumed") {
    Session session;
    SessionOptions options;
    options.max_steps = 10'000;
    REQUIRE(!session.load("int main(void) {\n    for (;;) {}\n}\n", options).has_errors());
    CHECK(session.continue_forward() == StopReason::Budget);
    CHECK(session.snapshot().state == Snapshot::State::Budget);
    const std::uint64_t paused = session.position().tick;
    session.extend_budget(5'000);
    CHECK(session.continue_forward() == StopReason::Budget);
    CHECK(session.position().tick > paused);
}

TEST_CASE("session: continuing in slices pauses between them and ends where one whole continue ends") {
    const std::string source =
        "#include <stdio.h>\n"
        "int main(void) {\n"
        "    long total = 0;\n"
        "    for (int i = 0; i < 20000; i++)\n"
        "        total += i;\n"
        "    printf(\"%ld\\n\", total);\n"
        "    return 0;\n"
        "}\n";
    Session whole;
    REQUIRE(!whole.load(source).has_errors());
    CHECK(whole.continue_forward() == StopReason::End);

    Session sliced;
    REQUIRE(!sliced.load(source).has_errors());
    int slices = 0;
    std::uint64_t last = 0;
    StopReason reason = StopReason::Slice;
    while ((reason = sliced.continue_forward_for(10'000)) == StopReason::Slice) {
        ++slices;
        const std::uint64_t now = sliced.position().tick;
        CHECK(now >= last + 10'000);
        CHECK(now < last + 10'100);  // paused at the first line stop past the slice
        last = now;
    }
    CHECK(reason == StopReason::End);
    CHECK(slices > 5);
    CHECK(sliced.position().tick == whole.position().tick);
    CHECK(sliced.snapshot().stdout_text == "199990000\n");

    // A breakpoint inside a slice stops the slice there.
    Session stopped;
    REQUIRE(!stopped.load(source).has_errors());
    stopped.set_breakpoint(6);
    CHECK(stopped.continue_forward_for(1'000'000) == StopReason::Breakpoint);
    CHECK(stopped.snapshot().line == 6);

    // A deadline ends a slice however many instructions it had left: here one already past, read
    // at the 16th line stop (the loop's body and condition are a line stop each).
    Session timed;
    REQUIRE(!timed.load(source).has_errors());
    const std::uint64_t start = timed.position().tick;
    CHECK(timed.continue_forward_for(1'000'000, std::chrono::steady_clock::now()) == StopReason::Slice);
    CHECK(timed.position().tick > start);
    CHECK(timed.position().tick < start + 200);
    CHECK(timed.continue_forward() == StopReason::End);
    CHECK(timed.snapshot().stdout_text == "199990000\n");
}

TEST_CASE("session: compile errors load nothing and every move says so") {
    Session session;
    CHECK(session.load("int main(void) { return x; }\n").has_errors());
    CHECK_FALSE(session.loaded());
    CHECK(session.step(Granularity::Statement) == StopReason::NotLoaded);
    CHECK(session.step_back(Granularity::Statement) == StopReason::NotLoaded);
    CHECK(session.snapshot().frames.empty());
}

TEST_CASE("session: heap blocks are read as the type of the pointers to them, along a linked list") {
    Session session;
    REQUIRE(!session.load(R"(#include <stdlib.h>
struct node { int value; struct node *next; };
int main(void) {
    struct node *head = malloc(sizeof(struct node));
    head->value = 1;
    head->next = malloc(sizeof(struct node));
    head->next->value = 2;
    head->next->next = NULL;
    int *counts = calloc(3, sizeof(int));
    counts[1] = 5;
    return 0;
}
)").has_errors());
    CHECK(session.run_to_line(11) == StopReason::Step);
    const Snapshot s = session.snapshot();
    int nodes = 0;
    for (const HeapBlockView& block : s.heap) {
        if (!block.allocated || !block.contents) continue;
        if (block.typed_by == "head") {
            ++nodes;
            REQUIRE(block.contents->children.size() == 2);
            CHECK(block.contents->children[0].value == "1");
        } else if (block.typed_by == "(*head).next") {
            ++nodes;
            CHECK(block.contents->children[0].value == "2");
            CHECK(block.contents->children[1].value == "NULL");
        } else if (block.typed_by == "counts") {
            CHECK(block.contents->type == "int [3]");
            REQUIRE(block.contents->children.size() == 3);
            CHECK(block.contents->children[1].value == "5");
            CHECK(block.contents->children[1].changed);
        }
    }
    CHECK(nodes == 2);
}

TEST_CASE("session: an outline snapshot leaves the blocks' contents out, and heap_block reads one as a full snapshot does") {
    Session session;
    REQUIRE(!session.load(R"(#include <stdlib.h>
struct node { int value; struct node *next; };
int main(void) {
    struct node *head = malloc(sizeof(struct node));
    head->value = 1;
    head->next = malloc(sizeof(struct node));
    head->next->value = 2;
    head->next->next = NULL;
    int *gone = malloc(4 * sizeof(int));
    free(gone);
    return 0;
}
)").has_errors());
    CHECK(session.run_to_line(10) == StopReason::Step);
    const Snapshot outline = session.snapshot(SnapshotDetail::Outline);
    REQUIRE(outline.heap.size() >= 3);
    for (const HeapBlockView& block : outline.heap) {
        CHECK_FALSE(block.contents);
        CHECK(block.typed_by.empty());
    }
    const std::optional<HeapBlockView> second = session.heap_block(outline.heap[1].payload);
    REQUIRE(second);
    CHECK(second->typed_by == "(*head).next");
    REQUIRE(second->contents);
    CHECK(second->contents->children[0].value == "2");
    CHECK_FALSE(session.heap_block(outline.heap[1].payload + 1));  // not a payload's start

    // Asking for the full snapshot of the same moment fills in every block as heap_block does.
    const Snapshot full = session.snapshot();
    REQUIRE(full.heap.size() == outline.heap.size());
    for (std::size_t i = 0; i < full.heap.size(); ++i) {
        const std::optional<HeapBlockView> one = session.heap_block(full.heap[i].payload);
        REQUIRE(one);
        CHECK(one->typed_by == full.heap[i].typed_by);
        CHECK(one->contents.has_value() == full.heap[i].contents.has_value());
        CHECK(full.heap[i].allocated == outline.heap[i].allocated);
        CHECK(full.heap[i].freed_by_program == outline.heap[i].freed_by_program);
    }
    CHECK(full.heap[0].contents);

    // The step that frees `gone` reports it freed (and nothing allocated).
    CHECK(session.step(Granularity::Statement) == StopReason::Step);
    const Snapshot after = session.snapshot(SnapshotDetail::Outline);
    REQUIRE(after.changes.freed.size() == 1);
    CHECK(after.changes.freed[0] == outline.heap[2].payload);
    CHECK(after.changes.allocated.empty());
}

TEST_CASE("session: past the history limit recording stops and says so; dropping the oldest part lets it go on") {
    Session session;
    SessionOptions options;
    options.history_limit = 64 * 1024;  // a few checkpoints' worth
    options.checkpoint_interval = 200;
    REQUIRE(!session.load(R"(int main(void) {
    long total = 0;
    for (int i = 0; i < 20000; i++) total += i;
    return (int)(total & 1);
}
)", options).has_errors());
    CHECK(session.run_to_end() == StopReason::End);
    Snapshot s = session.snapshot();
    CHECK(s.history.limit_reached);
    const std::uint64_t checkpoints = s.history.checkpoints;
    session.history()->drop_oldest();
    CHECK(session.history()->checkpoints() < checkpoints);
    CHECK(session.history()->earliest_tick() > 0);
    // The start is gone: going back as far as possible lands on the earliest moment kept.
    CHECK(session.seek_tick(0) == StopReason::Start);
    CHECK(session.position().tick == session.history()->earliest_tick());
    CHECK(session.step_back(Granularity::Statement) == StopReason::Start);
    CHECK(session.run_to_end() == StopReason::End);
    CHECK(session.snapshot().exit_status == 0);
}

TEST_CASE("session: after the program exits, the position is the statement that ended it") {
    Session session;
    REQUIRE(!session.load("int main(void) {\n    int x = 1;\n    return x - 1;\n}\n").has_errors());
    CHECK(session.run_to_end() == StopReason::End);
    const Snapshot s = session.snapshot();
    CHECK(s.state == Snapshot::State::Exited);
    CHECK(s.line == 3);
}

TEST_CASE("session: a pointer to a struct names the struct, a pointer to its first member names the member") {
    Session session;
    REQUIRE(!session.load(R"(struct vector { int data[4]; int length; };
int main(void) {
    struct vector v = {{1, 2, 3, 4}, 4};
    struct vector *whole = &v;
    int *first = &v.data[0];
    int *third = &v.data[2];
    return whole->length + *first + *third - 9;
}
)").has_errors());
    CHECK(session.run_to_line(7) == StopReason::Step);
    const Snapshot s = session.snapshot();
    CHECK(variable(s, "whole")->target->description == "`v` in main");
    CHECK(variable(s, "first")->target->description == "`v.data[0]` in main");
    CHECK(variable(s, "third")->target->description == "`v.data[2]` in main");
}

TEST_CASE("session: //! notes are a lesson's narration, shown when their line has run") {
    const char* program = R"(#include <stdlib.h>
int main(void) {
    //! A pointer to an int on the heap:
    //! malloc returns its address.
    int *i_pt = malloc(sizeof(int));
    *i_pt = 5;  //! The int is 5 now.
    char *s = "//! not a note";  // nor this: //! it is a plain comment's text
    /* //! inside a block comment */ free(i_pt);
    return 0;
}
)";
    const auto notes = session::lesson_annotations(program);
    REQUIRE(notes.size() == 2);
    CHECK(notes.at(5) == "A pointer to an int on the heap: malloc returns its address.");
    CHECK(notes.at(6) == "The int is 5 now.");

    Session session;
    REQUIRE(!session.load(program).has_errors());
    CHECK(session.snapshot().annotation.empty());  // nothing has run yet
    CHECK(session.step(Granularity::Statement) == StopReason::Step);  // ran line 5
    CHECK(session.snapshot().annotation == "A pointer to an int on the heap: malloc returns its address.");
    CHECK_FALSE(session.snapshot().narration.empty());  // memviz's own narration stays
    CHECK(session.step(Granularity::Statement) == StopReason::Step);  // ran line 6
    CHECK(session.snapshot().annotation == "The int is 5 now.");
    CHECK(session.step(Granularity::Statement) == StopReason::Step);  // ran line 7
    CHECK(session.snapshot().annotation.empty());
    CHECK(session.step_back(Granularity::Statement) == StopReason::Step);  // back after line 6
    CHECK(session.snapshot().annotation == "The int is 5 now.");
}
