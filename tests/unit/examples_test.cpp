// The programs of the web app's Examples menu (web/examples): one lesson about memory each. A
// program opens with its menu entry,
//   // title: SHORT MENU TITLE
//   // concept: ONE SENTENCE
// then says what it must do in the corpus's header comments (tests/c/memory/README.md: stdout,
// the error and its line, the data models), plus one of its own,
//   // expect-leak: BYTES LINE   a block of BYTES bytes allocated on LINE is never freed
// Each program is run here as `memviz run` runs it (compile_and_run, the default policy); the
// error examples must together cover every mistake the course notes warn about. The directory
// comes from MEMVIZ_EXAMPLES_DIR (tests/CMakeLists.txt); under node NODERAWFS reads it.
//
// The short example programs of docs/errors.md (MEMVIZ_DOCS_DIR), one per section, are run the
// same way: each must stop with the error its section explains, the one whose concept_anchor()
// is the section's heading. An example that mentions --keep-going runs with it.
#include <doctest/doctest.h>

#include <algorithm>
#include <compare>
#include <cstdint>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus.h"
#include "markdown.h"
#include "run.h"

using namespace memviz;
using namespace memviz::test;

namespace {

const std::filesystem::path kExamplesDir = MEMVIZ_EXAMPLES_DIR;

struct ExpectedLeak {
    std::uint64_t bytes = 0;
    std::uint32_t line = 0;
    auto operator<=>(const ExpectedLeak&) const = default;
};

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The `// expect-leak: BYTES LINE` lines, sorted.
std::vector<ExpectedLeak> expected_leaks(const std::string& source) {
    const std::string marker = "// expect-leak: ";
    std::vector<ExpectedLeak> leaks;
    for (const std::string& line : lines_of(source)) {
        if (line.rfind(marker, 0) != 0) continue;
        std::istringstream fields(line.substr(marker.size()));
        ExpectedLeak leak;
        REQUIRE_MESSAGE(static_cast<bool>(fields >> leak.bytes >> leak.line), "malformed expectation: " << line);
        leaks.push_back(leak);
    }
    std::sort(leaks.begin(), leaks.end());
    return leaks;
}

std::vector<ExpectedLeak> leaks_of(const RunResult& result) {
    std::vector<ExpectedLeak> leaks;
    for (const vm::Leak& leak : result.leaks) leaks.push_back({leak.block.requested, leak.block.allocated_at});
    std::sort(leaks.begin(), leaks.end());
    return leaks;
}

std::string leak_list(const std::vector<ExpectedLeak>& leaks) {
    if (leaks.empty()) return " none";
    std::ostringstream out;
    for (const ExpectedLeak& leak : leaks) out << ' ' << leak.bytes << " bytes from line " << leak.line << ';';
    return out.str();
}

std::string describe(const RunResult& result, const std::string& file_name, const std::string& source) {
    std::ostringstream out;
    switch (result.outcome) {
        case RunResult::Outcome::CompileError: out << "compile error:\n" << result.diagnostics.render(file_name, source); break;
        case RunResult::Outcome::Exited: out << "exited with status " << result.exit_status; break;
        case RunResult::Outcome::StepLimit: out << "stopped by the step limit"; break;
        case RunResult::Outcome::RuntimeError:
            out << vm::name(result.error->kind) << " at line " << result.error->loc.line << ": " << result.error->message;
            break;
    }
    out << "; leaks:" << leak_list(leaks_of(result)) << "\nstdout:\n" << result.stdout_text;
    return out.str();
}

RunResult run_example(const std::string& source, const ProgramSpec& spec, DataModel model,
                      alloc::PolicyKind policy = RunOptions{}.policy) {
    RunOptions options;
    options.data_model = model;
    options.policy = policy;
    options.stdin_text = spec.stdin_text;
    options.args = spec.args;
    return compile_and_run(source, options);
}

std::string read_example(const std::string& file_name) {
    const std::filesystem::path path = kExamplesDir / file_name;
    REQUIRE_MESSAGE(std::filesystem::exists(path), "no example " << file_name);
    return read_file(path);
}

}  // namespace

TEST_CASE("examples: each opens with its menu title and concept, 10 to 40 lines, its error line marked BUG") {
    const std::vector<std::filesystem::path> files = c_files_in(kExamplesDir);
    CHECK(files.size() >= 20);
    for (const auto& path : files) {
        const std::string file_name = path.filename().string();
        CAPTURE(file_name);
        const std::string source = read_file(path);
        const std::vector<std::string> lines = lines_of(source);
        CHECK(lines.size() >= 10);
        CHECK(lines.size() <= 40);
        REQUIRE(lines.size() >= 2);
        CHECK(lines[0].rfind("// title: ", 0) == 0);
        CHECK(lines[0].size() > std::string("// title: ").size());
        CHECK(lines[1].rfind("// concept: ", 0) == 0);
        CHECK(lines[1].size() > std::string("// concept: ").size());
        // The line an error or a leak is expected at says so, as in tests/c/memory.
        const ProgramSpec spec = read_spec(source);
        if (spec.error) {
            REQUIRE(spec.error->line >= 1);
            REQUIRE(spec.error->line <= lines.size());
            CHECK_MESSAGE(lines[spec.error->line - 1].find("// BUG:") != std::string::npos,
                          "line " << spec.error->line << " has no `// BUG:` comment");
        }
        for (const ExpectedLeak& leak : expected_leaks(source)) {
            REQUIRE(leak.line >= 1);
            REQUIRE(leak.line <= lines.size());
            CHECK_MESSAGE(lines[leak.line - 1].find("// LEAK:") != std::string::npos, "line " << leak.line << " has no `// LEAK:` comment");
        }
    }
}

TEST_CASE("examples: each prints what it says, then stops at its error or exits leaking only its expected blocks") {
    for (const auto& path : c_files_in(kExamplesDir)) {
        const std::string file_name = path.filename().string();
        CAPTURE(file_name);
        const std::string source = read_file(path);
        const ProgramSpec spec = read_spec(source);
        const std::vector<ExpectedLeak> leaks = expected_leaks(source);
        for (const DataModel model : spec.models) {
            const RunResult result = run_example(source, spec, model);
            const std::string where = file_name + " (" + model_name(model) + ")";
            CHECK_MESSAGE(result.stdout_text == spec.expected_stdout,
                          where << ": expected stdout:\n" << spec.expected_stdout << "got: " << describe(result, file_name, source));
            if (spec.error) {
                const bool ok = result.outcome == RunResult::Outcome::RuntimeError && result.error &&
                                vm::name(result.error->kind) == spec.error->kind && result.error->loc.line == spec.error->line;
                CHECK_MESSAGE(ok, where << ": expected " << spec.error->kind << " at line " << spec.error->line
                                        << ", got: " << describe(result, file_name, source));
            } else {
                const bool ok = result.outcome == RunResult::Outcome::Exited && (result.exit_status & 0xFF) == spec.exit_status &&
                                leaks_of(result) == leaks;
                CHECK_MESSAGE(ok, where << ": expected exit status " << spec.exit_status << " and leaks:" << leak_list(leaks)
                                        << "\ngot: " << describe(result, file_name, source));
            }
        }
    }
}

TEST_CASE("examples: the mistakes cover every error the course warns about, a leak, and running out of heap") {
    std::set<std::string> kinds;
    bool has_leak = false;
    for (const auto& path : c_files_in(kExamplesDir)) {
        const std::string source = read_file(path);
        const ProgramSpec spec = read_spec(source);
        if (spec.error) kinds.insert(spec.error->kind);
        if (!expected_leaks(source).empty()) has_leak = true;
    }
    using vm::RuntimeErrorKind;
    for (const RuntimeErrorKind kind :
         {RuntimeErrorKind::DanglingStack, RuntimeErrorKind::UseAfterFree, RuntimeErrorKind::DoubleFree,
          RuntimeErrorKind::HeapOverflow, RuntimeErrorKind::NullDereference, RuntimeErrorKind::Segfault,
          RuntimeErrorKind::ReadOnlyWrite, RuntimeErrorKind::StackOverflow}) {
        const std::string kind_name{vm::name(kind)};
        CHECK_MESSAGE(kinds.count(kind_name) == 1, "no example stops with a " << kind_name);
    }
    CHECK_MESSAGE(has_leak, "no example leaks a block");
}

TEST_CASE("examples: out of memory: malloc returns NULL when the heap is full, and the program stops cleanly") {
    const std::string source = read_example("23-out-of-memory.c");
    RunOptions options;
    const RunResult result = compile_and_run(source, options);
    REQUIRE(result.outcome == RunResult::Outcome::Exited);
    CHECK(result.exit_status == 0);
    CHECK(result.stdout_text.find("malloc returned NULL after 63 blocks of 1 MiB: ENOMEM\n") == 0);
    CHECK(result.leaks.empty());
    // The count is the heap's limit, not a constant of the program: a smaller heap holds fewer blocks.
    options.heap_limit = 8ULL << 20;
    const RunResult small = compile_and_run(source, options);
    REQUIRE(small.outcome == RunResult::Outcome::Exited);
    CHECK(small.stdout_text == "malloc returned NULL after 7 blocks of 1 MiB: ENOMEM\nfreed 7 blocks\n");
    CHECK(small.leaks.empty());
}

TEST_CASE("examples: fragmentation: which hole a small block takes depends on the policy; coalescing happens in all") {
    const std::string source = read_example("09-fragmentation.c");
    const ProgramSpec spec = read_spec(source);
    using alloc::PolicyKind;
    const std::vector<std::pair<PolicyKind, std::string>> small_block_hole = {
        {PolicyKind::FirstFit, "b's hole"},      {PolicyKind::NextFit, "b's hole"},
        {PolicyKind::BestFit, "d's hole"},       {PolicyKind::ExplicitLifo, "d's hole"},
        {PolicyKind::ExplicitAddress, "b's hole"}, {PolicyKind::Segregated, "d's hole"},
        {PolicyKind::Textbook, "b's hole"},
    };
    for (const auto& [policy, hole] : small_block_hole) {
        const std::string policy_name{alloc::name(policy)};
        CAPTURE(policy_name);
        for (const DataModel model : spec.models) {
            CAPTURE(model_name(model));
            const RunResult result = run_example(source, spec, model, policy);
            CHECK(result.outcome == RunResult::Outcome::Exited);
            CHECK(result.leaks.empty());
            CHECK(result.stdout_text ==
                  "small goes in " + hole + "\nbig uses a hole: no\nbigger starts where b was: yes\n");
        }
    }
}

TEST_CASE("examples: memory layout: code, global data, heap and stack addresses go from low to high") {
    const std::string source = read_example("10-memory-layout.c");
    const RunResult result = compile_and_run(source, {});
    REQUIRE(result.outcome == RunResult::Outcome::Exited);
    // Each line ends with the address %p printed: square, the literal, global, counter, the block, local.
    std::vector<std::uint64_t> addresses;
    for (const std::string& line : lines_of(result.stdout_text)) {
        const std::size_t at = line.rfind("0x");
        REQUIRE(at != std::string::npos);
        addresses.push_back(std::stoull(line.substr(at + 2), nullptr, 16));
    }
    REQUIRE(addresses.size() == 6);
    CHECK(std::is_sorted(addresses.begin(), addresses.end()));
    CHECK(std::adjacent_find(addresses.begin(), addresses.end()) == addresses.end());
}

TEST_CASE("errors doc: every error kind has a section, and each section's example stops with that error") {
    const std::string doc = read_file(std::filesystem::path(MEMVIZ_DOCS_DIR) / "errors.md");
    const std::vector<web::MarkdownBlock> blocks = web::parse_markdown(doc);
    std::set<std::string> headings;
    for (const web::MarkdownBlock& block : blocks) {
        if (block.kind == web::MarkdownBlock::Kind::Heading) headings.insert(block.anchor);
    }
    using vm::RuntimeErrorKind;
    std::set<std::string_view> anchors{vm::kLeakConcept, vm::kOutOfMemoryConcept};
    for (int k = 0; k <= static_cast<int>(RuntimeErrorKind::OutputLimit); ++k) {
        anchors.insert(vm::concept_anchor(static_cast<RuntimeErrorKind>(k)));
    }
    for (const std::string_view anchor : anchors) {
        CHECK_MESSAGE(headings.count(std::string(anchor)) == 1, "docs/errors.md has no heading for #" << anchor);
    }

    std::string section;
    std::set<std::string> with_example;
    for (const web::MarkdownBlock& block : blocks) {
        if (block.kind == web::MarkdownBlock::Kind::Heading) section = block.anchor;
        if (block.kind != web::MarkdownBlock::Kind::Code || block.language != "c") continue;
        CAPTURE(section);
        with_example.insert(section);
        const std::size_t lines = lines_of(block.text).size();
        CHECK_MESSAGE((lines >= 3 && lines <= 8), "the example has " << lines << " lines, not 3 to 8");
        RunOptions options;
        options.keep_going = block.text.find("--keep-going") != std::string::npos;
        const RunResult result = compile_and_run(block.text, options);
        const bool stopped = result.outcome == RunResult::Outcome::RuntimeError && result.error;
        bool ok = false;
        if (section == vm::kLeakConcept) {
            // A leak does not stop the program: it exits, and a block is definitely lost.
            ok = result.outcome == RunResult::Outcome::Exited &&
                 std::any_of(result.leaks.begin(), result.leaks.end(), [](const vm::Leak& leak) { return !leak.reachable; });
        } else if (section == vm::kOutOfMemoryConcept) {
            // malloc returns NULL, and the program that does not check dereferences it.
            ok = stopped && result.error->kind == RuntimeErrorKind::NullDereference;
        } else {
            ok = stopped && vm::concept_anchor(result.error->kind) == section;
        }
        CHECK_MESSAGE(ok, "the example of #" << section << " got: " << describe(result, section + ".c", block.text));
    }
    for (const std::string_view anchor : anchors) {
        CHECK_MESSAGE(with_example.count(std::string(anchor)) == 1, "#" << anchor << " has no ```c example");
    }
}
