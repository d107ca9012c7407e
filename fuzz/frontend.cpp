// Fuzz target: the C front end. Any bytes are a program's source, preprocessed, parsed, checked
// and compiled as Session::load and `memviz run` do (lang::parse_source, then lang::compile), in
// both data models; a program that compiles then runs for a few thousand instructions, so a
// mutated test program also reaches the compiler's output and the VM.
//
// What must hold for every input, besides no crash, hang or sanitizer report: the front end
// accepts the source or rejects it with errors, each at a line and column of the source (where
// the student can find the problem), and the diagnostics render as text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "lang/compile.h"
#include "lang/parse.h"
#include "vm/libc.h"
#include "vm/machine.h"

namespace {

using namespace memviz;

constexpr std::uint64_t kInstructions = 5000;

[[noreturn]] void fail(const char* what, const Diagnostic& d) {
    std::fprintf(stderr, "front-end fuzzer: %s: %u:%u: %s\n", what, d.loc.line, d.loc.column, d.message.c_str());
    std::abort();
}

void check_locations(const Diagnostics& diagnostics, std::string_view source) {
    std::uint32_t lines = 1;
    for (char c : source) lines += c == '\n' ? 1u : 0u;
    for (const Diagnostic& d : diagnostics.all()) {
        if (d.severity != Severity::Error) continue;
        if (!d.loc.valid() || d.loc.column == 0) fail("an error without a location", d);
        if (d.loc.line > lines) fail("an error past the last line", d);
    }
}

void run_briefly(const vm::Program& program) {
    vm::CLibrary library({.stdin_text = "3 4 hello\n", .output_limit = 4096});
    auto machine = vm::Machine::load(program, library,
                                     {.heap_limit = 1ULL << 20, .stack_limit = 64 * 1024, .policy = alloc::PolicyKind::Segregated});
    if (!machine.ok()) return;
    machine.value()->run({"main", "arg"}, kInstructions);
}

void compile(std::string_view source, DataModel model) {
    Diagnostics diagnostics;
    const lang::Program ast = lang::parse_source(source, model, diagnostics);
    if (!diagnostics.has_errors()) {
        const vm::Program program = lang::compile(ast, model, vm::find_library_function, diagnostics);
        if (!diagnostics.has_errors()) run_briefly(program);
    }
    check_locations(diagnostics, source);
    (void)diagnostics.render("main.c", source);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view source(reinterpret_cast<const char*>(data), size);
    compile(source, DataModel::LP64);
    compile(source, DataModel::ILP32);
    return 0;
}
