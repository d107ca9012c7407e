// Time travel over one run: every moment of it can be gone back to, exactly.
//
// The run is deterministic (stdin and argv are given up front, rand() is seeded), so the
// history does not log each write. It keeps checkpoints — the whole machine state, memory
// shared chunk by chunk with the previous checkpoint — and reaches any moment by restoring the
// checkpoint before it and executing forward. Checkpoints are taken at the frontier (the
// furthest the run has been) every `interval` instructions; the interval grows with the size
// of the checkpoints, so a program that changes much memory costs a longer replay per seek
// rather than unbounded memory (docs/history.md has the figures).
//
// A moment is a `tick`: the number of instructions executed. Stops are the moments a user
// steps between: before the first instruction of a source construct at the chosen granularity
// (a line, a statement, an expression), plus the start and the end of the run.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "history/memory_image.h"
#include "vm/libc.h"
#include "vm/machine.h"

namespace memviz::history {

enum class Granularity : std::uint8_t { Line, Statement, Expression };
inline constexpr std::size_t kGranularities = 3;
std::string_view name(Granularity g);  // "line", "statement", "expression"
std::optional<Granularity> parse_granularity(std::string_view text);

// Where the run is, and the counters that make stops numberable. Restored with checkpoints.
struct Position {
    std::uint64_t tick = 0;
    // Stops passed at each granularity, the current moment included when it is one.
    std::array<std::uint64_t, kGranularities> stops{};
    std::array<bool, kGranularities> at_stop{};
    // The last statement stop: a line stop is a statement stop on another line, in another
    // frame, or back at the top of a loop.
    std::uint32_t line = 0;
    std::uint32_t function = 0;
    std::uint32_t pc = 0;
    Addr fp = 0;

    // The index of the stop the run is at (or last passed) at granularity g.
    std::uint64_t stop_index(Granularity g) const {
        const std::uint64_t n = stops[static_cast<std::size_t>(g)];
        return n == 0 ? 0 : n - 1;
    }
    bool operator==(const Position&) const = default;
};

struct HistoryConfig {
    std::uint64_t min_interval = 40'000;      // instructions between checkpoints, at least
    std::uint64_t bytes_per_tick = 2;          // the interval grows to keep checkpoints below this
    std::uint64_t max_interval = 300'000;     // but no further: a seek replays at most this many
    std::uint64_t memory_limit = 1ULL << 30;  // host bytes for checkpoints before recording stops
    std::uint64_t max_ticks = 50'000'000;      // the step budget: no instruction past it runs (see running())
};

class History {
public:
    // Precondition: the machine's VM has been started and has not run yet; `library` is its
    // library. Records the start as the first checkpoint.
    History(vm::Machine& machine, vm::CLibrary& library, HistoryConfig config = {});

    const Position& position() const { return m_position; }
    vm::Machine& machine() { return m_machine; }
    // Whether another instruction may run: the program has not ended and the budget is not spent
    // (the ticks so far, and the steps charged for memory work: Vm::charged_steps).
    bool running() const {
        const vm::Vm& vm = m_machine.vm();
        return vm.state() == vm::VmState::Running && m_position.tick + vm.charged_steps() < m_config.max_ticks;
    }
    // Raises (or lowers) the step budget, so a paused endless loop can go on.
    void set_max_ticks(std::uint64_t ticks) { m_config.max_ticks = ticks; }
    std::uint64_t max_ticks() const { return m_config.max_ticks; }

    // The furthest the run has been: its tick, and its stop counts (the totals once it ended).
    const Position& frontier() const { return at_frontier() ? m_position : m_frontier; }
    // True once the run has ended (exited or faulted): the frontier is then the last moment.
    bool finished() const { return at_frontier() ? m_machine.vm().state() != vm::VmState::Running : m_finished; }

    // Executes one instruction. Precondition: running(). Inline: it runs once per instruction.
    void step_instruction() {
        m_machine.vm().execute();
        advance();
        if (m_position.tick > m_frontier_tick) {
            // New ground: the frontier moves with the run, and checkpoints are due now and then.
            m_frontier_tick = m_position.tick;
            if (!m_limit_reached && m_position.tick - m_checkpoints.back().position.tick >= m_interval) record();
        }
    }
    // Runs until a stop of granularity g where `stop(position)` holds, or until !running().
    template <class Stop>
    void run_until(Granularity g, Stop&& stop) {
        const auto k = static_cast<std::size_t>(g);
        while (running()) {
            step_instruction();
            if (m_position.at_stop[k] && stop(m_position)) return;
        }
    }
    // Goes to `tick`, executing forward from the nearest checkpoint (or from here).
    // Precondition: tick <= frontier().tick, or the run can get there.
    void seek_tick(std::uint64_t tick);
    // Goes to the `index`-th stop (from 0) at granularity g, or the last moment if there are
    // fewer; executes past the frontier when needed, up to the step budget.
    void seek_stop(Granularity g, std::uint64_t index);

    // The tick of the last checkpoint at or before `tick`: a backward search scans from there.
    std::uint64_t checkpoint_tick_before(std::uint64_t tick) const { return checkpoint_before(tick).position.tick; }

    // Memory kept for checkpoints, and whether recording stopped at the limit.
    std::uint64_t bytes() const { return m_bytes; }
    // Everything the history keeps: the checkpoints, and besides them the stop tables (per
    // instruction of code), the changed-chunk marks (per chunk of memory) and the copy of the
    // furthest run's output.
    std::uint64_t host_bytes() const;
    std::size_t checkpoints() const { return m_checkpoints.size(); }
    bool limit_reached() const { return m_limit_reached; }
    // The earliest tick that can still be reached.
    std::uint64_t earliest_tick() const { return m_checkpoints.front().position.tick; }
    // Forgets the older half of the checkpoints (never the last), so recording can go on;
    // moments before the new earliest checkpoint can no longer be reached.
    void drop_oldest();

    // The output of the furthest run, which every earlier moment's output is a prefix of.
    std::string_view furthest_stdout() const { return at_frontier() ? m_library.stdout_text() : m_stdout; }

    // Told about every change to memory after the tracker (for a step's changes); nullptr detaches.
    void set_memory_listener(MemoryObserver* listener) { m_tracker.set_listener(listener); }

private:
    struct Checkpoint {
        Position position;
        std::shared_ptr<const MemoryImage> memory;
        std::shared_ptr<const alloc::Allocator::Saved> allocator;
        vm::Vm::Saved vm;
        vm::CLibrary::State library;
        std::uint64_t bytes = 0;
    };
    void record();
    void restore(const Checkpoint& checkpoint);
    // The last checkpoint at or before `tick`.
    const Checkpoint& checkpoint_before(std::uint64_t tick) const;
    // Updates the position after an instruction ran.
    void advance() {
        Position& p = m_position;
        ++p.tick;
        const vm::Vm& vm = m_machine.vm();
        if (vm.state() != vm::VmState::Running) return end_reached();
        const vm::Registers& r = vm.registers();
        const auto& points = m_points[r.function];
        const std::uint8_t here = r.pc < points.size() ? points[r.pc] : 0;
        p.at_stop[kExpression] = (here & kExpressionBit) != 0;
        p.at_stop[kStatement] = (here & kStatementBit) != 0;
        p.at_stop[kLine] = false;
        if (here != 0) {
            if (p.at_stop[kStatement]) statement_reached();
            p.stops[kExpression] += p.at_stop[kExpression] ? 1u : 0u;
            p.stops[kStatement] += p.at_stop[kStatement] ? 1u : 0u;
            p.stops[kLine] += p.at_stop[kLine] ? 1u : 0u;
        }
    }
    // A statement stop: is it also a line stop? (Reads the line table: not on every instruction.)
    void statement_reached();
    void end_reached();
    bool at_frontier() const { return m_position.tick >= m_frontier_tick; }
    static constexpr std::size_t kLine = static_cast<std::size_t>(Granularity::Line);
    static constexpr std::size_t kStatement = static_cast<std::size_t>(Granularity::Statement);
    static constexpr std::size_t kExpression = static_cast<std::size_t>(Granularity::Expression);
    static constexpr std::uint8_t kStatementBit = 1u << kStatement;
    static constexpr std::uint8_t kExpressionBit = 1u << kExpression;

    vm::Machine& m_machine;
    vm::CLibrary& m_library;
    HistoryConfig m_config;
    MemoryTracker m_tracker;
    // Per function and pc: bit g set when that instruction begins a construct at granularity g,
    // and the source line of each statement stop (looked up once here, not at every stop).
    std::vector<std::vector<std::uint8_t>> m_points;
    std::vector<std::vector<std::uint32_t>> m_lines;

    Position m_position;
    std::uint64_t m_frontier_tick = 0;
    Position m_frontier;      // the frontier as it was when the run last left it
    bool m_finished = false;  // and whether the run had ended there
    std::vector<Checkpoint> m_checkpoints;  // by tick
    std::uint64_t m_interval = 0;
    std::uint64_t m_bytes = 0;
    bool m_limit_reached = false;
    std::string m_stdout;
    std::string m_stderr;
};

}  // namespace memviz::history
