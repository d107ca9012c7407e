// `memviz export` as a user runs it: the trace is parsed back and its steps, values, heap deltas
// and errors checked against what the program does, in both formats.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "run_command.h"

using nlohmann::json;

namespace {

// Writes `source` to a fresh file in /tmp and returns its path.
json export_json(const std::string& arguments) {
    const CommandResult result = run_memviz("export " + arguments);
    INFO(result.err);
    REQUIRE(result.exit_status == 0);
    return json::parse(result.out);
}

// Each step's whole snapshot, rebuilt as docs/trace-format.md says: merge the steps in order.
std::vector<json> rebuild(const json& trace) {
    std::vector<json> out;
    json full = json::object();
    for (const json& step : trace.at("steps")) {
        for (const auto& [key, value] : step.items()) full[key] = value;
        out.push_back(full);
    }
    return out;
}

// The variable `name` of the frame of `function` (innermost such frame), or null.
json variable(const json& snapshot, const std::string& function, const std::string& name) {
    for (const json& frame : snapshot.at("frames")) {
        if (frame.at("function") != function) continue;
        for (const json& v : frame.at("variables")) {
            if (v.at("name") == name) return v;
        }
    }
    return nullptr;
}

// Lines 9 to 14 run in main, 4 and 5 in square: eight statements, then the exit.
const char* const kExportProgram = R"(#include <stdlib.h>

int square(int n) {
    int result = n * n;
    return result;
}

int main(void) {
    int x = 3;
    int *p = malloc(2 * sizeof(int));
    p[0] = square(x);
    x = p[0] + 1;
    free(p);
    return x - 10;
}
)";

}  // namespace

TEST_CASE("memviz export writes one step per statement, the first complete and the rest as deltas") {
    const std::string path = c_file("export", "program", kExportProgram);
    const json trace = export_json(path);
    CHECK(trace.at("format") == "memviz-trace");
    CHECK(trace.at("version") == 1);
    CHECK(trace.at("source") == kExportProgram);
    CHECK(trace.at("granularity") == "statement");
    CHECK(trace.at("options").at("policy") == "segregated");
    CHECK(trace.at("options").at("data_model") == "LP64");
    CHECK(trace.at("truncated") == false);

    // The start, the eight statements' stops after it, and the end.
    const json& steps = trace.at("steps");
    REQUIRE(steps.size() == 9);
    const std::vector<int> lines = {9, 10, 11, 4, 5, 12, 13, 14};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(steps[i].at("step") == i);
        CHECK(steps[i].at("line") == lines[i]);
        for (const char* key : {"tick", "column", "narration", "changes"}) CHECK(steps[i].contains(key));
    }

    // Step 0 has everything; step 1 only assigned x, so the heap, the globals, the segments and
    // the output are not repeated.
    for (const char* key : {"state", "frames", "globals", "heap", "segments", "allocator", "stdout", "stderr", "returned",
                            "error", "reported", "exit_status", "leaked_blocks", "history"}) {
        CHECK(steps[0].contains(key));
    }
    CHECK(steps[1].contains("frames"));
    for (const char* key : {"heap", "globals", "segments", "allocator", "stdout", "state", "error"}) {
        CHECK_FALSE(steps[1].contains(key));
    }

    const std::vector<json> full = rebuild(trace);
    CHECK(variable(full[0], "main", "x").at("value") == "?");
    CHECK(variable(full[0], "main", "x").at("initialized") == false);
    CHECK(variable(full[1], "main", "x").at("value") == "3");
    CHECK(variable(full[4], "square", "result").at("value") == "9");
    CHECK(variable(full[4], "square", "n").at("is_parameter") == true);
    CHECK(full[4].at("frames").size() == 2);
    CHECK(full[4].at("frames")[0].at("function") == "square");  // innermost first
    CHECK(variable(full[6], "main", "x").at("value") == "10");

    // malloc on line 10: the block shows up in the delta of the step after it, and the free on
    // line 13 leaves it in the heap as a freed block in the delta of the step after that. The
    // heap is repeated only in the steps where some block, or what it holds, changed.
    CHECK(full[1].at("heap").empty());
    REQUIRE(steps[2].contains("heap"));
    const json& block = steps[2].at("heap").at(0);
    CHECK(block.at("allocated") == true);
    CHECK(block.at("requested") == 8);
    CHECK(block.at("allocated_at") == 10);
    CHECK(variable(full[2], "main", "p").at("value") == block.at("payload"));
    CHECK(variable(full[2], "main", "p").at("target").at("kind") == "heap block");
    CHECK_FALSE(steps[4].contains("heap"));  // square's own statement touched no block
    // The block's contents, typed by `p`: p[0] = square(x) shows in the step after it.
    CHECK(block.at("typed_by") == "p");
    CHECK(block.at("contents").at("type") == "int [2]");
    CHECK(block.at("contents").at("children").at(0).at("initialized") == false);
    REQUIRE(steps[5].contains("heap"));
    CHECK(steps[5].at("heap").at(0).at("contents").at("children").at(0).at("value") == "9");
    CHECK(steps[5].at("heap").at(0).at("contents").at("children").at(0).at("changed") == true);
    REQUIRE(steps[7].contains("heap"));
    CHECK(steps[7].at("heap").at(0).at("payload") == block.at("payload"));
    CHECK(steps[7].at("heap").at(0).at("allocated") == false);
    CHECK(steps[7].at("heap").at(0).at("freed_by_program") == true);
    CHECK(steps[7].at("heap").at(0).at("freed_at") == 13);
    CHECK(steps[7].at("heap").at(0).at("contents").is_null());
    // Each step says what it did: the core's changes and narration, passed through.
    CHECK(steps[2].at("changes").at("allocated") == json::array({block.at("payload")}));
    CHECK(steps[7].at("changes").at("freed") == json::array({block.at("payload")}));
    CHECK(steps[4].at("changes").at("frames_pushed").empty());
    CHECK(steps[3].at("changes").at("frames_pushed") == json::array({"square"}));
    CHECK_FALSE(steps[2].at("narration").get<std::string>().empty());

    // The last step is the exit, and merging every step gives the final snapshot exactly.
    CHECK(steps[8].at("state") == "exited");
    CHECK(trace.at("final").at("state") == "exited");
    CHECK(trace.at("final").at("exit_status") == 0);
    CHECK(full.back() == trace.at("final"));
}

TEST_CASE("memviz export: addresses are hex strings and sizes numbers") {
    const json trace = export_json(c_file("export", "program", kExportProgram));
    const json& first = trace.at("steps").at(0);
    const json& main_frame = first.at("frames").at(0);
    CHECK(main_frame.at("frame_pointer").get<std::string>().starts_with("0x"));
    CHECK(variable(first, "main", "x").at("size") == 4);
    CHECK(variable(first, "main", "x").at("type") == "int");
    const json& stack = first.at("segments").at(5);
    CHECK(stack.at("name") == "stack");
    CHECK(stack.at("first") == "0x7fffff7ff000");
    CHECK(stack.at("size") == 8 * 1024 * 1024);
    CHECK(first.at("allocator").at("policy") == "segregated");
    CHECK(first.at("allocator").at("metrics").at("calls") == 0);
}

TEST_CASE("memviz export ends an error program's trace at the error, with its kind and line") {
    const std::string path = c_file("export", "uaf", R"(#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int *p = malloc(sizeof(int));
    *p = 5;
    free(p);
    printf("%d\n", *p);
    return 0;
}
)");
    const json trace = export_json(path);
    const json& final = trace.at("final");
    CHECK(final.at("state") == "faulted");
    REQUIRE(final.at("error").is_object());
    CHECK(final.at("error").at("kind") == "use after free");
    CHECK(final.at("error").at("line") == 8);
    CHECK(final.at("error").at("address").get<std::string>().starts_with("0x"));
    CHECK(trace.at("truncated") == false);
    // The error appears in the delta of the last step, and in no step before it.
    const json& steps = trace.at("steps");
    CHECK(steps.back().at("error") == final.at("error"));
    CHECK(steps.front().at("error").is_null());
}

TEST_CASE("memviz export stops at --max-steps-exported and still reports how the run ended") {
    const std::string path = c_file("export", "loop", "int main(void) {\n    int x = 0;\n    while (1) {\n        x++;\n    }\n    return x;\n}\n");
    const json trace = export_json(path + " --max-steps-exported 10 --max-steps 5000");
    CHECK(trace.at("steps").size() == 10);
    CHECK(trace.at("truncated") == true);
    CHECK(trace.at("max_steps_exported") == 10);
    CHECK(trace.at("final").at("state") == "budget");
    CHECK(trace.at("final").at("tick") == 5000);

    // The step budget ending the run inside the export cap is not a truncation.
    const json short_run = export_json(path + " --max-steps 50");
    CHECK(short_run.at("truncated") == false);
    CHECK(short_run.at("steps").back().at("state") == "budget");
}

TEST_CASE("memviz export --granularity line counts lines, and --json writes to a file") {
    const std::string path = c_file("export", "program", kExportProgram);
    const std::string out = "/tmp/memviz-export-test-program.json";
    std::remove(out.c_str());
    const CommandResult result = run_memviz("export " + path + " --granularity line --json " + out);
    CHECK(result.exit_status == 0);
    CHECK(result.out.empty());
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    const json trace = json::parse(text.str());
    CHECK(trace.at("granularity") == "line");
    CHECK(trace.at("steps").size() == 9);
    std::remove(out.c_str());
}

TEST_CASE("memviz export --format pytutor writes Python Tutor's trace with C values as its C backend does") {
    const std::string path = c_file("export", "program", kExportProgram);
    const json trace = export_json(path + " --format pytutor");
    CHECK(trace.at("code") == kExportProgram);
    const json& points = trace.at("trace");
    // Line granularity: lines 9, 10, 11, 4, 5, 12, 13, 14, and the exit folded into line 14.
    REQUIRE(points.size() == 8);
    for (const json& point : points) {
        for (const char* key : {"line", "event", "func_name", "globals", "ordered_globals", "stack_to_render", "heap", "stdout"}) {
            CHECK(point.contains(key));
        }
        for (const json& frame : point.at("stack_to_render")) {
            for (const char* key : {"func_name", "frame_id", "unique_hash", "is_highlighted", "is_parent", "is_zombie",
                                    "parent_frame_id_list", "encoded_locals", "ordered_varnames"}) {
                CHECK(frame.contains(key));
            }
        }
    }

    CHECK(points[0].at("event") == "step_line");
    CHECK(points[0].at("stack_to_render")[0].at("encoded_locals").at("x") == json::array({"C_DATA",
        points[0].at("stack_to_render")[0].at("encoded_locals").at("x")[1], "int", "<UNINITIALIZED>"}));
    CHECK(points[1].at("stack_to_render")[0].at("encoded_locals").at("x")[3] == 3);

    // Entering square: main stays first and unhighlighted, square is last and highlighted.
    const json& call = points[3];
    CHECK(call.at("event") == "call");
    CHECK(call.at("func_name") == "square");
    REQUIRE(call.at("stack_to_render").size() == 2);
    const json& caller = call.at("stack_to_render")[0];
    const json& callee = call.at("stack_to_render")[1];
    CHECK(caller.at("func_name") == "main");
    CHECK(caller.at("is_highlighted") == false);
    CHECK(callee.at("is_highlighted") == true);
    CHECK(callee.at("unique_hash") == "square_" + callee.at("frame_id").get<std::string>());
    CHECK(callee.at("ordered_varnames") == json::array({"n", "result"}));
    CHECK(callee.at("encoded_locals").at("n")[0] == "C_DATA");
    CHECK(callee.at("encoded_locals").at("n")[2] == "int");
    CHECK(callee.at("encoded_locals").at("n")[3] == 3);
    CHECK(points[4].at("event") == "return");
    CHECK(points[4].at("stack_to_render")[1].at("encoded_locals").at("result")[3] == 9);

    // p points at the malloc'd block, drawn in the heap as an array of int keyed by its address.
    const json& p = points[2].at("stack_to_render")[0].at("encoded_locals").at("p");
    CHECK(p[2] == "pointer");
    const std::string payload = p[3].get<std::string>();
    REQUIRE(points[2].at("heap").contains(payload));
    const json& block = points[2].at("heap").at(payload);
    CHECK(block.at(0) == "C_ARRAY");
    CHECK(block.at(1) == payload);
    CHECK(block.size() == 4);  // tag, address, two ints
    CHECK(block.at(2).at(2) == "int");
    CHECK(points[5].at("heap").at(payload).at(2).at(3) == 9);  // p[0] = square(x)
    CHECK(points[7].at("heap").empty());                      // freed: nothing to draw
    CHECK(points[7].at("event") == "return");
}

TEST_CASE("memviz export --format pytutor: structs, chars, globals, NULL and an error") {
    const std::string path = c_file("export", "structs", R"(#include <stdlib.h>
struct node {
    int value;
    struct node *next;
};
int count = 7;
int main(void) {
    struct node first = {1, NULL};
    char letter = 'A';
    struct node *second = malloc(sizeof(struct node));
    second->value = 2;
    second->next = &first;
    free(second);
    return second->value + letter;
}
)");
    const json trace = export_json(path + " --format pytutor");
    const json& points = trace.at("trace");
    REQUIRE(points.size() >= 2);
    CHECK(points[0].at("ordered_globals") == json::array({"count"}));
    CHECK(points[0].at("globals").at("count")[3] == 7);

    const json* before_free = nullptr;
    for (const json& point : points) {
        if (point.at("line") == 13) before_free = &point;
    }
    REQUIRE(before_free != nullptr);
    const json& locals = before_free->at("stack_to_render")[0].at("encoded_locals");
    const json& first = locals.at("first");
    CHECK(first.at(0) == "C_STRUCT");
    CHECK(first.at(2) == "node");
    CHECK(first.at(3) == json::array({"value", json::array({"C_DATA", first.at(1), "int", 1})}));
    CHECK(first.at(4).at(1).at(2) == "pointer");
    CHECK(first.at(4).at(1).at(3) == "0x0");
    CHECK(locals.at("letter").at(3) == "A");
    // The block second points at is laid out as a struct node, its next pointing at first.
    const json& block = before_free->at("heap").at(locals.at("second").at(3).get<std::string>());
    CHECK(block.at(2).at(0) == "C_STRUCT");
    CHECK(block.at(2).at(4).at(1).at(3) == first.at(1));

    CHECK(points.back().at("event") == "exception");
    CHECK(points.back().at("line") == 14);
    CHECK(points.back().at("exception_msg").get<std::string>().starts_with("use after free: "));
}

TEST_CASE("memviz export --format pytutor draws a list built only through pointers, node by node") {
    const std::string path = c_file("export", "list", R"(#include <stdlib.h>
struct node {
    int value;
    struct node *next;
};
int main(void) {
    struct node *head = malloc(sizeof(struct node));
    head->value = 1;
    head->next = malloc(sizeof(struct node));
    head->next->value = 2;
    head->next->next = NULL;
    return 0;
}
)");
    const json trace = export_json(path + " --format pytutor");
    const json& last = trace.at("trace").back();
    CHECK(last.at("line") == 12);
    const std::string first = last.at("stack_to_render")[0].at("encoded_locals").at("head").at(3);
    const json& heap = last.at("heap");
    REQUIRE(heap.size() == 2);
    const json& node = heap.at(first).at(2);
    CHECK(node.at(0) == "C_STRUCT");
    CHECK(node.at(2) == "node");
    CHECK(node.at(3).at(1).at(3) == 1);
    const std::string second = node.at(4).at(1).at(3);
    const json& next = heap.at(second).at(2);
    CHECK(next.at(3).at(1).at(3) == 2);
    CHECK(next.at(4).at(1).at(3) == "0x0");
}

TEST_CASE("memviz export --format pytutor marks a cut trace as Python Tutor does") {
    const std::string path = c_file("export", "loop", "int main(void) {\n    int x = 0;\n    while (1) {\n        x++;\n    }\n    return x;\n}\n");
    const json trace = export_json(path + " --format pytutor --max-steps-exported 5");
    REQUIRE(trace.at("trace").size() == 5);
    CHECK(trace.at("trace").back().at("event") == "instruction_limit_reached");
    CHECK(trace.at("trace").back().contains("exception_msg"));
}

TEST_CASE("memviz export reports compile errors like memviz run, exit status 2") {
    const std::string path = c_file("export", "broken", "int main(void) {\n    int x = y;\n    return x;\n}\n");
    for (const char* format : {"memviz", "pytutor"}) {
        const CommandResult result = run_memviz("export " + path + " --format " + format);
        CHECK(result.exit_status == 2);
        CHECK(result.out.empty());
        CHECK(result.err.find(path + ":2:13: error: 'y' undeclared") != std::string::npos);
    }
}
