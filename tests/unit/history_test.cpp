// Time travel is exact: after any sequence of moves, the machine is byte for byte what a fresh
// run to the same moment produces — memory and shadow, registers and operand stack, allocator
// bookkeeping, output and input position. Checked on every program of the corpus.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "corpus.h"
#include "lang/compile.h"
#include "lang/parse.h"
#include "session.h"
#include "vm/libc.h"
#include "vm/machine.h"

using namespace memviz;
using namespace memviz::test;

namespace {

// Everything that makes up the state of a run, copied out for comparison.
struct MachineState {
    std::vector<std::uint8_t> bytes;
    std::vector<Shadow> shadow;
    Addr brk = 0;
    Addr stack_low = 0;
    vm::Vm::Saved vm;
    std::shared_ptr<const alloc::Allocator::Saved> allocator;
    vm::CLibrary::State library;
    std::string stdout_text;
    std::string stderr_text;
};

MachineState capture(vm::Machine& machine, const vm::CLibrary& library) {
    MachineState state;
    AddressSpace& memory = machine.memory();
    const Segment& data = memory.layout().segment(SegmentKind::Data);
    for (auto [first, end] : {std::pair{data.first, data.last + 1}, std::pair{memory.heap_start(), memory.brk()},
                              std::pair{memory.stack_low(), memory.stack_top()}}) {
        std::vector<std::uint8_t> bytes(static_cast<std::size_t>(end - first));
        std::vector<Shadow> shadow(bytes.size());
        memory.copy_out(first, bytes, shadow);
        state.bytes.insert(state.bytes.end(), bytes.begin(), bytes.end());
        state.shadow.insert(state.shadow.end(), shadow.begin(), shadow.end());
    }
    state.brk = memory.brk();
    state.stack_low = memory.stack_low();
    state.vm = machine.vm().save();
    state.allocator = machine.allocator().save();
    state.library = library.state();
    state.stdout_text = library.stdout_text();
    state.stderr_text = library.stderr_text();
    return state;
}

// The first difference between two states, or "" when they are equal.
std::string difference(const MachineState& a, const MachineState& b) {
    if (a.brk != b.brk || a.stack_low != b.stack_low) return "storage extents differ";
    if (a.bytes != b.bytes) return "memory bytes differ";
    if (a.shadow != b.shadow) return "shadow state differs";
    if (!(a.vm == b.vm)) return "VM registers or operands differ";
    if (!alloc::Allocator::same(*a.allocator, *b.allocator)) return "allocator bookkeeping differs";
    if (!(a.library == b.library) || a.stdout_text != b.stdout_text || a.stderr_text != b.stderr_text) {
        return "library state or output differs";
    }
    return "";
}

// A run with no history at all: compiled, loaded and executed `ticks` instructions.
struct FreshRun {
    lang::Program ast;
    vm::Program program;
    std::unique_ptr<vm::CLibrary> library;
    std::unique_ptr<vm::Machine> machine;

    FreshRun(const std::string& source, const SessionOptions& options, std::uint64_t ticks) {
        Diagnostics diagnostics;
        ast = lang::parse_source(source, options.data_model, diagnostics);
        program = lang::compile(ast, options.data_model, vm::find_library_function, diagnostics);
        library = std::make_unique<vm::CLibrary>(vm::LibraryConfig{.stdin_text = options.stdin_text, .output_limit = options.output_limit});
        machine = std::move(vm::Machine::load(program, *library, {.heap_limit = options.heap_limit,
                                                                  .stack_limit = options.stack_limit,
                                                                  .policy = options.policy}).value());
        std::vector<std::string> args{"main"};
        args.insert(args.end(), options.args.begin(), options.args.end());
        machine->vm().set_keep_going(options.keep_going);
        machine->vm().start(args);
        for (std::uint64_t i = 0; i < ticks && machine->vm().state() == vm::VmState::Running; ++i) machine->vm().execute();
    }
};

SessionOptions options_for(const ProgramSpec& spec) {
    SessionOptions options;
    options.stdin_text = spec.stdin_text;
    options.args = spec.args;
    options.keep_going = spec.keep_going;
    options.checkpoint_interval = 500;  // many checkpoints even in short runs
    return options;
}

// Checks the session's present state against a fresh run to the same tick.
void check_against_fresh(Session& session, const std::string& source, const SessionOptions& options,
                         const std::string& what) {
    const std::uint64_t tick = session.position().tick;
    FreshRun fresh(source, options, tick);
    const std::string diff = difference(capture(session.history()->machine(), *fresh.library),
                                        capture(*fresh.machine, *fresh.library));
    // The session's library is not the fresh one: compare the session's own output too.
    const Snapshot snapshot = session.snapshot();
    CHECK_MESSAGE(snapshot.stdout_text == fresh.library->stdout_text(), what << " at tick " << tick << ": stdout differs");
    CHECK_MESSAGE(diff.empty(), what << " at tick " << tick << ": " << diff);
}

}  // namespace

TEST_CASE("history: seeking anywhere, forward and back, equals a fresh run to that tick, on every corpus program") {
    std::vector<std::filesystem::path> files = programs_in("run");
    const auto memory_files = programs_in("memory");
    files.insert(files.end(), memory_files.begin(), memory_files.end());
    for (const auto& path : files) {
        const std::string file_name = path.filename().string();
        CAPTURE(file_name);
        const std::string source = read_file(path);
        const SessionOptions options = options_for(read_spec(source));
        Session session;
        REQUIRE(!session.load(source, options).has_errors());
        session.run_to_end();
        const std::uint64_t end = session.position().tick;
        // Back and forth across checkpoints: the end, early, late, the start, the middle.
        for (const std::uint64_t tick : {end, end / 7, end - end / 5, std::uint64_t{0}, end / 2, end - 1, end / 3}) {
            session.seek_tick(tick);
            REQUIRE(session.position().tick == tick);
            check_against_fresh(session, source, options, file_name + " after seek");
        }
    }
}

TEST_CASE("history: N steps forward then N steps back return to the start, and stepping back from the end matches") {
    for (const auto& path : programs_in("run")) {
        const std::string file_name = path.filename().string();
        CAPTURE(file_name);
        const std::string source = read_file(path);
        const SessionOptions options = options_for(read_spec(source));
        Session session;
        REQUIRE(!session.load(source, options).has_errors());
        // Forward up to 40 stops; the last may be the end of a short program.
        int taken = 0;
        while (taken < 40) {
            const StopReason reason = session.step(Granularity::Expression);
            if (reason != StopReason::Step && reason != StopReason::End) break;
            ++taken;
            if (reason == StopReason::End) break;
        }
        for (int i = 0; i < taken; ++i) CHECK(session.step_back(Granularity::Expression) == StopReason::Step);
        CHECK(session.step_back(Granularity::Expression) == StopReason::Start);
        CHECK(session.position().tick == 0);
        check_against_fresh(session, source, options, file_name + " after forward and back");

        session.run_to_end();
        for (int i = 0; i < 25; ++i) session.step_back(Granularity::Statement);
        check_against_fresh(session, source, options, file_name + " stepping back from the end");
    }
}

TEST_CASE("history: seeking a stop lands on it even when a checkpoint was taken just after it") {
    // A checkpoint at every instruction puts one right after every stop, counting the stop
    // without being at it: seeking must restore an earlier one, not run on from there to the end.
    const std::string source =
        "#include <stdio.h>\n"
        "int main(void) {\n"
        "    int total = 0;\n"
        "    for (int i = 0; i < 5; i++)\n"
        "        total += i;\n"
        "    printf(\"%d\\n\", total);\n"
        "    return 0;\n"
        "}\n";
    FreshRun run(source, SessionOptions{}, 0);
    history::History history(*run.machine, *run.library, {.min_interval = 1, .bytes_per_tick = 1ULL << 40});
    while (history.running()) history.step_instruction();
    const auto k = static_cast<std::size_t>(Granularity::Statement);
    const std::uint64_t stops = history.frontier().stops[k];
    REQUIRE(stops > 10);
    REQUIRE(history.checkpoints() > 100);
    for (std::uint64_t index = stops - 1; index-- > 0;) {
        CAPTURE(index);
        history.seek_stop(Granularity::Statement, index);
        CHECK(history.position().stop_index(Granularity::Statement) == index);
        CHECK(history.position().at_stop[k]);
    }
}
