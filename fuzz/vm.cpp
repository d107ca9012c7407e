// Fuzz target: the VM, the allocator under it, the error detection and the history. The bytes
// choose the settings (data model, allocator policy, stack limit, keep going, checkpoint
// interval), a few moves through the run, and a well-formed C program (program_generator.h),
// which is loaded into a Session as the web app and `memviz debug` do and run under a step
// budget of kMaxSteps instructions.
//
// What must hold for every input, besides no crash, hang or sanitizer report:
//   - the generated program compiles (else the generator or the front end is wrong);
//   - the run ends in one of the ways a run ends (exited, stopped at an error with a kind, a
//     location and a message, or paused at the budget);
//   - the history is exact: the moment reached by going forward from the start and the same
//     moment reached by seeking back from the end look the same (frames and their values, heap
//     blocks, output, error), and after a few moves both ways (step, next, finish and their
//     backward twins, continue to a breakpoint, seek) running to the end again ends at the same
//     tick the same way;
//   - unless keep-going lets the program write past its blocks, heap_check finds nothing.
//
// MEMVIZ_FUZZ_SHOW=1 in the environment prints each generated program (to reproduce a crash).
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "program_generator.h"
#include "session.h"

namespace {

using namespace memviz;

constexpr std::uint64_t kMaxSteps = 20'000;

[[noreturn]] void fail(const std::string& what, const std::string& source) {
    std::fprintf(stderr, "vm fuzzer: %s\n--- program ---\n%s\n", what.c_str(), source.c_str());
    std::abort();
}

void describe(std::string& out, const ValueView& value) {
    out += value.name + "=" + value.value + (value.initialized ? "" : "(uninit)") + " ";
    for (const ValueView& child : value.children) describe(out, child);
}

// What a moment looks like, as text: what stepping back must restore exactly. (The narration
// and the last step's changes describe the move that got there, so they are left out.)
std::string digest(Session& session) {
    const Snapshot& s = session.snapshot();
    std::string out = std::string(name(s.state)) + " tick " + std::to_string(s.tick) + " at " + std::to_string(s.line) +
                      ":" + std::to_string(s.column) + "\n";
    for (const FrameView& frame : s.frames) {
        out += frame.function + "@" + std::to_string(frame.line) + ": ";
        for (const ValueView& v : frame.variables) describe(out, v);
        out += "\n";
    }
    for (const ValueView& v : s.globals) describe(out, v);
    out += "\nheap:";
    for (const HeapBlockView& block : s.heap) {
        out += " " + std::to_string(block.payload) + "/" + std::to_string(block.size) + (block.allocated ? "a" : "f");
    }
    out += "\nstdout: " + s.stdout_text + "\nstderr: " + s.stderr_text;
    if (s.error) out += "\nerror: " + std::string(vm::name(s.error->kind)) + " " + s.error->message;
    return out;
}

void check_ending(Session& session, const std::string& source) {
    const Snapshot& s = session.snapshot(SnapshotDetail::Outline);
    if (s.state == Snapshot::State::Faulted) {
        if (!s.error) fail("the run faulted without an error", source);
        if (!s.error->loc.valid() || s.error->message.empty()) fail("an error without a location or message", source);
    } else if (s.state == Snapshot::State::Paused) {
        fail("run_to_end stopped with the program neither ended nor at the budget", source);
    }
}

// One of the moves a front end offers, in either direction (breakpoints count).
void make_move(Session& session, int move, Granularity granularity) {
    switch (move) {
        case 0: session.step_back(granularity); break;
        case 1: session.step(granularity); break;
        case 2: session.next(granularity); break;
        case 3: session.finish(); break;
        case 4: session.next_back(granularity); break;
        case 5: session.finish_back(); break;
        case 6: session.continue_back(); break;
        case 7: session.continue_forward(); break;
        default: session.seek(granularity, session.snapshot(SnapshotDetail::Outline).step / 2); break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider bytes(data, size);
    SessionOptions options;
    options.data_model = bytes.ConsumeBool() ? DataModel::ILP32 : DataModel::LP64;
    options.policy = static_cast<alloc::PolicyKind>(bytes.ConsumeIntegralInRange<int>(0, 6));
    options.keep_going = bytes.ConsumeBool();
    options.stack_limit = bytes.PickValueInArray<std::uint64_t>({64 * 1024, 8192, 1 << 20});
    options.heap_limit = 1ULL << 20;
    options.max_steps = kMaxSteps;
    options.output_limit = bytes.PickValueInArray<std::uint64_t>({4096, 64});
    options.checkpoint_interval = bytes.ConsumeIntegralInRange<std::uint64_t>(100, 5000);
    options.stdin_text = "12 -7 x\n";
    const auto granularity = static_cast<Granularity>(bytes.ConsumeIntegralInRange<int>(0, 2));
    const std::uint64_t middle = bytes.ConsumeIntegralInRange<std::uint64_t>(0, kMaxSteps);
    std::vector<int> moves(bytes.ConsumeIntegralInRange<std::size_t>(0, 6));
    for (int& move : moves) move = bytes.ConsumeIntegralInRange<int>(0, 8);
    const auto breakpoint = bytes.ConsumeIntegralInRange<std::uint32_t>(0, 120);
    const bool evaluate = bytes.ConsumeIntegralInRange<int>(0, 15) == 15;  // it parses the program again: now and then

    const std::string source = memviz::fuzz::generate_program(bytes);
    if (std::getenv("MEMVIZ_FUZZ_SHOW") != nullptr) std::fprintf(stderr, "%s\n", source.c_str());

    Session session;
    const Diagnostics& diagnostics = session.load(source, options);
    if (diagnostics.has_errors()) fail("the generated program does not compile:\n" + diagnostics.render("main.c", source), source);
    session.set_granularity(granularity);

    // Forward to a moment in the middle, then to the end.
    session.seek_tick(middle);
    const std::uint64_t middle_tick = session.position().tick;
    const std::string at_middle = digest(session);
    session.run_to_end();
    check_ending(session, source);
    const std::string at_end = digest(session);

    // Back to the middle by the history, step back and forth around it, and to the end again.
    session.seek_tick(middle_tick);
    if (digest(session) != at_middle) fail("seeking back does not restore the moment:\n" + at_middle + "\n---\n" + digest(session), source);
    session.set_breakpoint(breakpoint);
    for (int move : moves) make_move(session, move, granularity);
    if (evaluate) (void)session.evaluate("g[gi % 8] + (glist ? glist->next->value : *gptr)");
    session.run_to_end();
    if (digest(session) != at_end) fail("the second run to the end ends elsewhere:\n" + at_end + "\n---\n" + digest(session), source);

    if (!options.keep_going) {
        const auto problems = session.history()->machine().allocator().heap_check();
        if (!problems.empty()) fail("heap_check: " + problems.front(), source);
    }
    return 0;
}
