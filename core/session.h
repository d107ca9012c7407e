// The Session: one program loaded, run under the history, moved through in both directions,
// and looked at through snapshots. The web app, the `memviz debug` shell, the JSON export and
// the JS API all work through it.
//
// Moves stop at stops of a granularity (history.h): a source line, a statement, or an
// expression. Forward moves run the program as far as needed (up to the step budget); backward
// moves replay from the history's checkpoints, so going back one step costs at most one
// checkpoint interval of execution however long the run.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "history/history.h"
#include "session/step_record.h"
#include "snapshot.h"
#include "support/diagnostics.h"
#include "support/result.h"

namespace memviz {

using history::Granularity;

struct SessionOptions {
    DataModel data_model = DataModel::LP64;
    alloc::PolicyKind policy = alloc::PolicyKind::Segregated;
    std::uint64_t stack_limit = 8ULL << 20;
    std::uint64_t heap_limit = 64ULL << 20;
    std::uint64_t max_steps = 50'000'000;     // steps before the run pauses (raise to go on): instructions,
                                              // and one per 64 bytes of memory work (Vm::charged_steps)
    std::uint64_t output_limit = 1ULL << 20;  // bytes per stream
    std::uint64_t history_limit = 1ULL << 30; // host bytes of checkpoints
    std::uint64_t checkpoint_interval = 40'000; // instructions between checkpoints, at least
    std::string stdin_text;
    std::vector<std::string> args;            // argv[1...]; argv[0] is "main"
    bool keep_going = false;                  // continue past survivable errors
};

// Why a move ended.
enum class StopReason : std::uint8_t {
    Step,        // the move's own target was reached
    Breakpoint,  // a line with a breakpoint
    Watchpoint,  // a watched range changed
    Start,       // the beginning of the recorded run (moving back)
    End,         // the program ended: exited or stopped at an error
    Budget,      // the step budget ran out: the program is paused, not ended
    Slice,       // continue_forward_for ran its instructions: the move can go on
    NotLoaded,   // nothing is loaded (or it did not compile)
};
std::string_view name(StopReason reason);  // "step", "breakpoint", ...

struct Watchpoint {
    int id = 0;
    Addr first = 0;
    std::uint64_t size = 0;
    std::string label;  // what the user typed: "p->next", "0x4052a0"
};

// How much a snapshot reads. Typing and reading the contents of every block of a heap of
// thousands takes most of a snapshot's time, while a screen shows a few blocks at a time.
enum class SnapshotDetail : std::uint8_t {
    Full,
    Outline,  // heap blocks without contents and typed_by: Session::heap_block gives one in full
};

// The host memory one Session keeps, by what keeps it (Session::host_memory): estimated from the
// sizes and capacities of what it holds, without the host allocator's own overhead. Every part
// is bounded, whatever the program does and however long it runs: the program by the front
// end's limits (a 4 MiB source, a million tokens), memory by heap_limit and stack_limit (its
// bytes and their shadow), the machine by the stack limit (its operand stack) and the heap (the
// allocator's bookkeeping), output by output_limit, the history by history_limit, and the
// snapshot by the frames and heap blocks it lists. docs/history.md#limits has the figures.
struct HostMemory {
    std::uint64_t program = 0;   // the source, its types and bytecode
    std::uint64_t memory = 0;    // simulated bytes and their shadow: data, heap to the break, stack reached
    std::uint64_t machine = 0;   // the VM's operand stack, callbacks and errors; the allocator's bookkeeping
    std::uint64_t output = 0;    // stdin, and the output so far
    std::uint64_t history = 0;   // checkpoints (what history_limit bounds), stop tables, the output's copy
    std::uint64_t snapshot = 0;  // the present moment's snapshot
    std::uint64_t total() const { return program + memory + machine + output + history + snapshot; }
};

// The most each part can reach under `options`, whatever the program and however long it runs:
// what docs/reliability.md#host-resource-limits states. Worked out from the limits and the
// sizes of what each part holds (per token of the program, per block of the heap, per value of
// a snapshot), every part at its worst at once; the hostile-program tests check measured
// figures against it. Transients while compiling or reading a snapshot come on top.
HostMemory host_memory_bound(const SessionOptions& options);

// A C expression's value at the present moment (Session::evaluate).
struct Evaluation {
    ValueView value;       // named by the expression as typed, formatted as snapshots format values
    bool lvalue = false;   // it designates memory: value.address and value.size are that memory
    std::optional<std::uint64_t> number;  // an integer's value (two's complement) or a pointer's
    std::vector<std::string> reads;       // the objects it read values from, as typed: "i", "a[i]"
};

class Session {
public:
    Session();
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Compiles and loads `source`, positioned at the start of main. The diagnostics hold any
    // compile errors (then nothing is loaded) and warnings.
    const Diagnostics& load(std::string source, SessionOptions options = {});
    bool loaded() const;
    const std::string& source() const { return m_source; }
    const SessionOptions& options() const { return m_options; }
    const Diagnostics& diagnostics() const { return m_diagnostics; }

    // The granularity step indexes and snapshot().step count in (moves take their own).
    void set_granularity(Granularity g) { m_granularity = g; }
    Granularity granularity() const { return m_granularity; }

    // --- moves ----------------------------------------------------------------------------
    StopReason step(Granularity g);        // step into: the next stop
    StopReason next(Granularity g);        // step over: the next stop not in a deeper call
    StopReason finish();                   // step out: to just after the current function returns
    StopReason step_back(Granularity g);   // the previous stop
    StopReason next_back(Granularity g);   // the previous stop not in a deeper call
    StopReason finish_back();              // back to the stop where the current function was called
    StopReason continue_forward();         // to a breakpoint, a watchpoint change, or the end
    StopReason continue_back();            // back to one, or to the start
    // As continue_forward, but pausing at the first line stop after `instructions` more
    // instructions, or after `deadline` (StopReason::Slice), so a front end can run a long
    // program between frames. The deadline bounds a slice whose instructions are slow (a
    // malloc that grows the heap by megabytes), which a count alone cannot.
    StopReason continue_forward_for(std::uint64_t instructions,
                                    std::chrono::steady_clock::time_point deadline =
                                        std::chrono::steady_clock::time_point::max());
    StopReason run_to_line(std::uint32_t line);
    StopReason seek(Granularity g, std::uint64_t step);  // to that step index
    StopReason seek_tick(std::uint64_t tick);
    StopReason run_to_end();                              // as far as the program (or budget) goes
    // Raises the step budget by `instructions` so a paused run can continue.
    void extend_budget(std::uint64_t instructions);

    // --- breakpoints and watchpoints -------------------------------------------------------
    void set_breakpoint(std::uint32_t line) { m_breakpoints.insert(line); }
    void clear_breakpoint(std::uint32_t line) { m_breakpoints.erase(line); }
    const std::set<std::uint32_t>& breakpoints() const { return m_breakpoints; }
    int add_watchpoint(Addr first, std::uint64_t size, std::string label);
    void remove_watchpoint(int id);
    const std::vector<Watchpoint>& watchpoints() const { return m_watchpoints; }

    // --- looking ---------------------------------------------------------------------------
    // The present moment, made once per moment: the reference holds until the next move or load.
    const Snapshot& snapshot(SnapshotDetail detail = SnapshotDetail::Full);
    // The block of snapshot().heap whose payload starts at `payload`, in full (its contents and
    // typed_by read as a Full snapshot reads them); none when there is no such block.
    std::optional<HeapBlockView> heap_block(Addr payload);
    // Bytes and their shadow for a memory dump; bytes that cannot be read come back as nullopt.
    struct MemoryByte {
        std::optional<std::uint8_t> value;
        Shadow shadow = Shadow::Unallocated;
    };
    std::vector<MemoryByte> read_memory(Addr first, std::uint64_t count);
    // Any C expression over the innermost frame (its parameters and the locals in scope where it
    // is stopped) and the globals, evaluated as the program's own types and data model say,
    // without running anything: `a[i] * 2 + 1`, `(long)p`, `head->next->value`, `-1 < 1u`.
    // Assignments, ++ and --, calls and compound literals are refused, naming `command` (the
    // front end's word for what is asked: "print does not run code: `x = 5` assigns"); so are
    // reads of memory that is freed, out of the object, unmapped or never written (a value
    // that is the result, not a step to it, shows as "?"). Errors in the expression give the
    // column in `expression`. See core/session/evaluate.h.
    Result<Evaluation> evaluate(std::string_view expression, std::string_view command = "print");
    // What a pointer holding `value` points at, as snapshots describe pointers.
    PointerTarget describe_pointer(Addr value);

    // What this session keeps in host memory now (all zero but the source when nothing is loaded).
    HostMemory host_memory() const;

    // The position in the history (tick, stop counts) and the machine, for the views' builders.
    const history::Position& position() const;
    history::History* history() { return m_history.get(); }

private:
    struct Loaded;
    // Runs forward until `stop(position)` holds at a stop of granularity g (checking
    // breakpoints and watchpoints when `watch`), the end, or the budget.
    StopReason forward(Granularity g, const std::function<bool(const history::Position&)>& stop, bool watch);
    // Goes to the last stop of granularity g before now that satisfies `stop`.
    StopReason backward(Granularity g, const std::function<bool(const history::Position&)>& stop, bool watch);
    bool at_breakpoint(const history::Position& position) const;
    // Goes back to the stop before the present one (at the last move's granularity) and replays
    // the step to here, recording what it did; the present is exactly restored.
    session::StepRecord replay_last_step();
    std::vector<std::vector<std::uint8_t>> watched_bytes();

    std::string m_source;
    SessionOptions m_options;
    Diagnostics m_diagnostics;
    Granularity m_granularity = Granularity::Statement;
    Granularity m_move_granularity = Granularity::Statement;  // of the last move: what "the last step" is
    std::map<std::uint32_t, std::string> m_annotations;  // the source's `//!` notes by line
    std::optional<Snapshot> m_snapshot;  // of the present moment, made once per moment
    SnapshotDetail m_snapshot_detail = SnapshotDetail::Full;
    std::set<std::uint32_t> m_breakpoints;
    std::vector<Watchpoint> m_watchpoints;
    int m_next_watchpoint = 1;
    std::unique_ptr<Loaded> m_loaded;
    std::unique_ptr<history::History> m_history;
};

}  // namespace memviz
