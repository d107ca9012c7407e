#include "history/history.h"

#include <algorithm>

namespace memviz::history {
namespace {

constexpr std::uint8_t bit(Granularity g) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(g)); }

}  // namespace

std::string_view name(Granularity g) {
    switch (g) {
        case Granularity::Line: return "line";
        case Granularity::Statement: return "statement";
        case Granularity::Expression: return "expression";
    }
    return "?";
}

std::optional<Granularity> parse_granularity(std::string_view text) {
    if (text == "line") return Granularity::Line;
    if (text == "statement") return Granularity::Statement;
    if (text == "expression") return Granularity::Expression;
    return std::nullopt;
}

History::History(vm::Machine& machine, vm::CLibrary& library, HistoryConfig config)
    : m_machine(machine), m_library(library), m_config(config), m_tracker(machine.memory()), m_interval(config.min_interval) {
    const auto& functions = machine.vm().program().functions;
    for (std::uint32_t index = 0; index < functions.size(); ++index) {
        const vm::Function& function = functions[index];
        std::vector<std::uint8_t>& points = m_points.emplace_back(function.code.size() + 1, 0);
        std::vector<std::uint32_t>& lines = m_lines.emplace_back(function.code.size() + 1, 0);
        for (const vm::LinePoint& point : function.lines) {
            if (point.pc >= points.size()) continue;
            points[point.pc] |= bit(Granularity::Expression);
            if (point.kind == vm::StepKind::Statement) points[point.pc] |= bit(Granularity::Statement);
            lines[point.pc] = machine.vm().location_at(index, point.pc).line;
        }
    }
    // The start is a stop at every granularity: main's frame before anything ran.
    const vm::Registers& registers = machine.vm().registers();
    for (std::size_t g = 0; g < kGranularities; ++g) {
        m_position.stops[g] = 1;
        m_position.at_stop[g] = true;
    }
    m_position.function = registers.function;
    m_position.pc = registers.pc;
    m_position.fp = registers.fp;
    m_position.line = machine.vm().location().line;
    m_frontier = m_position;
    record();
}

void History::end_reached() {
    // The end of the run is a stop at every granularity: the final state, or the error.
    for (std::size_t g = 0; g < kGranularities; ++g) {
        ++m_position.stops[g];
        m_position.at_stop[g] = true;
    }
}

void History::statement_reached() {
    Position& p = m_position;
    const vm::Vm& vm = m_machine.vm();
    const vm::Registers& r = vm.registers();
    const std::uint32_t line = m_lines[r.function][r.pc];
    p.at_stop[kLine] = line != p.line || r.fp != p.fp || r.function != p.function || r.pc <= p.pc;
    p.line = line;
    p.function = r.function;
    p.pc = r.pc;
    p.fp = r.fp;
}

void History::record() {
    Checkpoint checkpoint;
    checkpoint.position = m_position;
    checkpoint.memory = m_tracker.save();
    checkpoint.allocator = m_machine.allocator().save();
    checkpoint.vm = m_machine.vm().save();
    checkpoint.library = m_library.state();
    const std::uint64_t fixed = sizeof(Checkpoint) + checkpoint.memory->chunks.size() * 24 +
                                checkpoint.vm.operands.size() * sizeof(vm::Operand) +
                                alloc::Allocator::host_bytes(*checkpoint.allocator);
    checkpoint.bytes = checkpoint.memory->new_bytes + fixed;
    m_bytes += checkpoint.bytes;
    // A checkpoint of B bytes every I instructions costs B / I bytes per instruction.
    m_interval = std::clamp(checkpoint.bytes / std::max<std::uint64_t>(m_config.bytes_per_tick, 1), m_config.min_interval,
                            std::max(m_config.min_interval, m_config.max_interval));
    m_checkpoints.push_back(std::move(checkpoint));
    if (m_bytes > m_config.memory_limit) m_limit_reached = true;
}

void History::restore(const Checkpoint& checkpoint) {
    if (at_frontier()) {
        // Leaving the frontier: remember it, and the output the whole run so far produced.
        m_frontier = m_position;
        m_finished = m_machine.vm().state() != vm::VmState::Running;
        m_stdout = m_library.stdout_text();
        m_stderr = m_library.stderr_text();
    }
    m_tracker.restore(checkpoint.memory);
    m_machine.allocator().restore(checkpoint.allocator);
    m_machine.vm().restore(checkpoint.vm);
    m_library.restore(checkpoint.library, m_stdout, m_stderr);
    m_position = checkpoint.position;
}

const History::Checkpoint& History::checkpoint_before(std::uint64_t tick) const {
    auto after = std::upper_bound(m_checkpoints.begin(), m_checkpoints.end(), tick,
                                  [](std::uint64_t t, const Checkpoint& c) { return t < c.position.tick; });
    return after == m_checkpoints.begin() ? m_checkpoints.front() : *std::prev(after);
}

void History::seek_tick(std::uint64_t tick) {
    tick = std::max(tick, earliest_tick());
    const Checkpoint& checkpoint = checkpoint_before(tick);
    // Going back, or far enough forward that a later checkpoint is closer than here.
    if (tick < m_position.tick || checkpoint.position.tick > m_position.tick) restore(checkpoint);
    while (m_position.tick < tick && running()) step_instruction();
}

void History::seek_stop(Granularity g, std::uint64_t index) {
    const std::size_t k = static_cast<std::size_t>(g);
    const std::uint64_t wanted = index + 1;  // stops counted, the target included
    // A moment has passed the target once it has counted it and moved on (a checkpoint taken
    // between the target and the next stop counts it without being at it).
    auto passed = [&](const Position& p) { return p.stops[k] > wanted || (p.stops[k] == wanted && !p.at_stop[k]); };
    // The last checkpoint that has not passed the target yet (passing is monotone in ticks).
    auto after = std::partition_point(m_checkpoints.begin(), m_checkpoints.end(),
                                      [&](const Checkpoint& c) { return !passed(c.position); });
    const Checkpoint& checkpoint = after == m_checkpoints.begin() ? m_checkpoints.front() : *std::prev(after);
    const bool here_is_past = passed(m_position);
    if (here_is_past || checkpoint.position.tick > m_position.tick) restore(checkpoint);
    while (!(m_position.stops[k] == wanted && m_position.at_stop[k]) && running()) step_instruction();
}

std::uint64_t History::host_bytes() const {
    std::uint64_t bytes = m_bytes + m_tracker.host_bytes() + m_stdout.capacity() + m_stderr.capacity() +
                          (m_checkpoints.capacity() - m_checkpoints.size()) * sizeof(Checkpoint);
    for (const auto& points : m_points) bytes += points.capacity();
    for (const auto& lines : m_lines) bytes += lines.capacity() * sizeof(std::uint32_t);
    return bytes;
}

void History::drop_oldest() {
    if (m_checkpoints.size() < 2) return;
    const std::size_t drop = m_checkpoints.size() / 2;
    for (std::size_t i = 0; i < drop; ++i) m_bytes -= m_checkpoints[i].bytes;
    m_checkpoints.erase(m_checkpoints.begin(), m_checkpoints.begin() + static_cast<std::ptrdiff_t>(drop));
    // Chunks and allocator pages the dropped checkpoints shared with later ones stay alive
    // through those; the figure above counted them once, where they were first copied, so it
    // now undercounts them: recount honestly from the first remaining checkpoint in full.
    m_bytes -= m_checkpoints.front().bytes;
    std::uint64_t full = sizeof(Checkpoint) + alloc::Allocator::whole_host_bytes(*m_checkpoints.front().allocator);
    for (const auto& [first, chunk] : m_checkpoints.front().memory->chunks) {
        full += chunk->host_bytes();
    }
    m_checkpoints.front().bytes = full;
    m_bytes += full;
    m_limit_reached = m_bytes > m_config.memory_limit;
}

}  // namespace memviz::history
